from thidua.api.routers import Router
from thidua.proposals import api

router = Router()
router.register("proposals", api.ProposalViewSet, basename="api-proposal")
router.register("award-register", api.RegisterViewSet, basename="api-award-register")
router.register("statistics/awards", api.AwardStatisticsViewSet, basename="api-award-statistics")

urlpatterns = router.urls
