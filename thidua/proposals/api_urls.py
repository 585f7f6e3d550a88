from rest_framework.routers import DefaultRouter

from thidua.proposals import api

router = DefaultRouter()
router.register("proposals", api.ProposalViewSet, basename="api-proposal")
router.register("award-register", api.RegisterViewSet, basename="api-award-register")

urlpatterns = router.urls
