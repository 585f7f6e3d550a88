from rest_framework.routers import SimpleRouter

from thidua.results.api import ResultEntryViewSet

router = SimpleRouter()
router.register("results", ResultEntryViewSet, basename="api-results")

urlpatterns = router.urls
