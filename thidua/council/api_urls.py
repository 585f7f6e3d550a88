from thidua.api.routers import Router
from thidua.council import api

router = Router()
router.register("council-meetings", api.MeetingViewSet, basename="api-council-meeting")
router.register("council-votes", api.VoteViewSet, basename="api-council-vote")
# The proposal's move before the council, under the proposals' path (see api.py).
router.register("proposals", api.ProposalCouncilViewSet, basename="api-proposal")

urlpatterns = router.urls
