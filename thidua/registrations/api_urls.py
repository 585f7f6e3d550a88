from thidua.api.routers import Router
from thidua.registrations.api import UnitRegistrationViewSet

router = Router()
router.register("registrations", UnitRegistrationViewSet, basename="api-registration")

urlpatterns = router.urls
