from rest_framework.routers import SimpleRouter

from thidua.indicators.api import IndicatorValueViewSet, IndicatorViewSet

router = SimpleRouter()
router.register("indicators", IndicatorViewSet, basename="api-indicators")
router.register("indicator-values", IndicatorValueViewSet, basename="api-indicator-values")

urlpatterns = router.urls
