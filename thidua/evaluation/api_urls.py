from thidua.api.routers import Router
from thidua.evaluation.api import (
    CouncilScoreViewSet,
    NotApplicableViewSet,
    RankingViewSet,
    ScoringSheetViewSet,
    SelfAssessmentViewSet,
)

router = Router()
router.register("scoring-sheets", ScoringSheetViewSet, basename="api-scoring-sheets")
router.register("self-assessments", SelfAssessmentViewSet, basename="api-self-assessments")
router.register("council-scores", CouncilScoreViewSet, basename="api-council-scores")
router.register("not-applicable", NotApplicableViewSet, basename="api-not-applicable")
router.register("rankings", RankingViewSet, basename="api-rankings")

urlpatterns = router.urls
