from rest_framework.routers import SimpleRouter

from thidua.registrations.api import UnitRegistrationViewSet

router = SimpleRouter()
router.register("registrations", UnitRegistrationViewSet, basename="api-registration")

urlpatterns = router.urls
