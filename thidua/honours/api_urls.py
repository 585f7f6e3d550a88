from thidua.api.routers import Router
from thidua.honours.api import PublicAwardViewSet, PublicExampleViewSet, PublicInitiativeViewSet

router = Router()
router.register("honours/examples", PublicExampleViewSet, basename="api-honours-examples")
router.register("honours/awards", PublicAwardViewSet, basename="api-honours-awards")
router.register("honours/initiatives", PublicInitiativeViewSet, basename="api-honours-initiatives")

urlpatterns = router.urls
