from rest_framework.routers import SimpleRouter

from thidua.difficulties.api import DifficultyViewSet

# SimpleRouter: the API root page is the project's, not each app's.
router = SimpleRouter()
router.register("difficulties", DifficultyViewSet, basename="api-difficulty")

urlpatterns = router.urls
