from thidua.api.routers import Router
from thidua.indicators.api import IndicatorValueViewSet, IndicatorViewSet

router = Router()
router.register("indicators", IndicatorViewSet, basename="api-indicators")
router.register("indicator-values", IndicatorValueViewSet, basename="api-indicator-values")

urlpatterns = router.urls
