from thidua.api.routers import Router
from thidua.difficulties.api import DifficultyViewSet

router = Router()
router.register("difficulties", DifficultyViewSet, basename="api-difficulty")

urlpatterns = router.urls
