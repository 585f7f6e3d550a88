from django.urls import path

from thidua.results import bulk, views

urlpatterns = [
    path("ket-qua/", views.entry_list, name="results_list"),
    path("ket-qua/tai-ve.xlsx", views.entry_list_xlsx, name="results_list_xlsx"),
    path("ket-qua/ghi-moi/", views.entry_create, name="result_create"),
    path("ket-qua/cua-toi/", views.my_timeline, name="results_mine"),
    path("ket-qua/cho-xac-nhan/", views.awaiting, name="results_awaiting"),
    path("ket-qua/xac-nhan-nhieu/", bulk.confirm_many, name="results_confirm_many"),
    path("ket-qua/don-vi/<id:pk>/", views.unit_timeline, name="results_unit_timeline"),
    path("ket-qua/ca-nhan/<id:pk>/", views.person_timeline, name="results_person_timeline"),
    path("ket-qua/<id:pk>/", views.entry_detail, name="result_detail"),
    path("ket-qua/<id:pk>/sua/", views.entry_edit, name="result_edit"),
    path("ket-qua/<id:pk>/gui/", views.entry_submit, name="result_submit"),
    path("ket-qua/<id:pk>/xac-nhan/", views.entry_confirm, name="result_confirm"),
    path("ket-qua/<id:pk>/tra-lai/", views.entry_return, name="result_return"),
    path("ket-qua/minh-chung/<id:pk>/tai-ve/", views.evidence_download, name="evidence_download"),
    path("ket-qua/minh-chung/<id:pk>/xoa/", views.evidence_delete, name="evidence_delete"),
]
