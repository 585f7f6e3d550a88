from thidua.api.routers import Router
from thidua.reports.api import PeriodViewSet, StatusBoardViewSet, UnitReportViewSet

router = Router()
router.register("report-periods", PeriodViewSet, basename="api-report-periods")
router.register("unit-reports", UnitReportViewSet, basename="api-unit-reports")
router.register("report-status", StatusBoardViewSet, basename="api-report-status")

urlpatterns = router.urls
