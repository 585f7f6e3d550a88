from thidua.api.routers import Router
from thidua.inspections.api import (
    FollowUpActionViewSet,
    InspectionPlanViewSet,
    UnitChecklistViewSet,
)

router = Router()
router.register("inspection-plans", InspectionPlanViewSet, basename="api-inspection-plan")
router.register("inspection-checklists", UnitChecklistViewSet, basename="api-inspection-checklist")
router.register("inspection-actions", FollowUpActionViewSet, basename="api-inspection-action")

urlpatterns = router.urls
