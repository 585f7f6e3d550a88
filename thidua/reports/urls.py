from django.urls import path

from thidua.reports.views import board, bulk, consolidated, periods, unit_reports

urlpatterns = [
    path("bao-cao/ky/", periods.period_list, name="report_periods"),
    path("bao-cao/ky/tao-moi/", periods.period_create, name="report_period_create"),
    path("bao-cao/ky/<id:pk>/", periods.period_detail, name="report_period_detail"),
    path("bao-cao/ky/<id:pk>/sua/", periods.period_edit, name="report_period_edit"),
    path("bao-cao/ky/<id:pk>/nhac/", periods.period_remind, name="report_period_remind"),
    path("bao-cao/ky/<id:pk>/tong-hop/", consolidated.detail, name="consolidated_detail"),
    path("bao-cao/ky/<id:pk>/tong-hop/lap/", consolidated.start, name="consolidated_start"),
    path("bao-cao/ky/<id:pk>/tong-hop/tai-ve.docx", consolidated.download_docx, name="consolidated_docx"),
    path("bao-cao/ky/<id:pk>/tong-hop/tai-ve.xlsx", consolidated.download_xlsx, name="consolidated_xlsx"),
    path("bao-cao/ky/<id:pk>/tong-hop/cap-so/", consolidated.issue, name="consolidated_issue"),
    path("bao-cao/ky/<id:pk>/tong-hop/gui-di/", consolidated.dispatch, name="consolidated_dispatch"),
    path("bao-cao/tinh-hinh/", board.status_board, name="report_status_board"),
    path("bao-cao/tinh-hinh/tai-ve.xlsx", board.status_board_xlsx, name="report_status_board_xlsx"),
    path("bao-cao/tiep-nhan-nhieu/", bulk.accept_many, name="reports_accept_many"),
    path("bao-cao/tra-lai-nhieu/", bulk.return_many, name="reports_return_many"),
    path("bao-cao/lich/", board.calendar, name="report_calendar"),
    path("bao-cao/cua-don-vi/", unit_reports.my_reports, name="my_unit_reports"),
    path("bao-cao/<id:pk>/", unit_reports.report_detail, name="unit_report_detail"),
    path("bao-cao/<id:pk>/tra-lai/", unit_reports.report_return, name="unit_report_return"),
    path("bao-cao/<id:pk>/tiep-nhan/", unit_reports.report_accept, name="unit_report_accept"),
    path("bao-cao/<id:pk>/nhac/", unit_reports.report_remind, name="unit_report_remind"),
    path("bao-cao/<id:pk>/nguoi-phu-trach/", unit_reports.report_owner, name="unit_report_owner"),
]
