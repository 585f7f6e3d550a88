from rest_framework.routers import DefaultRouter

from thidua.council import api

router = DefaultRouter()
router.register("council-meetings", api.MeetingViewSet, basename="api-council-meeting")
router.register("council-votes", api.VoteViewSet, basename="api-council-vote")
# The proposal's move before the council, under the proposals' path (see api.py).
router.register("proposals", api.ProposalCouncilViewSet, basename="api-proposal")

urlpatterns = router.urls
