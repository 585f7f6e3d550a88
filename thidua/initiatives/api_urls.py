from thidua.api.routers import Router
from thidua.initiatives import api

router = Router()
router.register("initiatives", api.InitiativeViewSet, basename="api-initiative")
router.register("initiative-scores", api.ScoreViewSet, basename="api-initiative-score")
router.register("initiative-library", api.LibraryViewSet, basename="api-initiative-library")
router.register("initiative-adoptions", api.AdoptionViewSet, basename="api-initiative-adoption")

urlpatterns = router.urls
