from rest_framework.routers import SimpleRouter

from thidua.inspections.api import (
    FollowUpActionViewSet,
    InspectionPlanViewSet,
    UnitChecklistViewSet,
)

# SimpleRouter: the API root page is the project's, not each app's.
router = SimpleRouter()
router.register("inspection-plans", InspectionPlanViewSet, basename="api-inspection-plan")
router.register("inspection-checklists", UnitChecklistViewSet, basename="api-inspection-checklist")
router.register("inspection-actions", FollowUpActionViewSet, basename="api-inspection-action")

urlpatterns = router.urls
