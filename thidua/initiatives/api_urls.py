from rest_framework.routers import DefaultRouter

from thidua.initiatives import api

router = DefaultRouter()
router.register("initiatives", api.InitiativeViewSet, basename="api-initiative")
router.register("initiative-scores", api.ScoreViewSet, basename="api-initiative-score")
router.register("initiative-library", api.LibraryViewSet, basename="api-initiative-library")
router.register("initiative-adoptions", api.AdoptionViewSet, basename="api-initiative-adoption")

urlpatterns = router.urls
