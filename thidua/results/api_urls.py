from thidua.api.routers import Router
from thidua.results.api import ResultEntryViewSet

router = Router()
router.register("results", ResultEntryViewSet, basename="api-results")

urlpatterns = router.urls
