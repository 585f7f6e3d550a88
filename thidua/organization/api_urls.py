from thidua.api.routers import Router
from thidua.organization.api import PersonViewSet

router = Router()
router.register("people", PersonViewSet, basename="api-people")

urlpatterns = router.urls
