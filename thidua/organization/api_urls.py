from rest_framework.routers import SimpleRouter

from thidua.organization.api import PersonViewSet

router = SimpleRouter()
router.register("people", PersonViewSet, basename="api-people")

urlpatterns = router.urls
