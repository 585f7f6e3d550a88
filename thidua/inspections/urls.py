from django.urls import path

from thidua.inspections import views

urlpatterns = [
    path("tu-kiem-tra/", views.inspection_list, name="inspection_list"),
    path("tu-kiem-tra/tao-moi/", views.inspection_create, name="inspection_create"),
    path("tu-kiem-tra/<id:pk>/", views.inspection_detail, name="inspection_detail"),
    path("tu-kiem-tra/bang-kiem/<id:pk>/", views.checklist_detail, name="checklist_detail"),
    path("tu-kiem-tra/bang-kiem/<id:pk>/tra-loi/", views.checklist_answers, name="checklist_answers"),
    path("tu-kiem-tra/bang-kiem/<id:pk>/gui/", views.checklist_submit, name="checklist_submit"),
    path("tu-kiem-tra/bang-kiem/<id:pk>/tiep-nhan/", views.checklist_accept, name="checklist_accept"),
    path("tu-kiem-tra/bang-kiem/<id:pk>/tra-lai/", views.checklist_return, name="checklist_return"),
    path("tu-kiem-tra/bang-kiem/<id:pk>/phat-hien/", views.finding_add, name="finding_add"),
    path("tu-kiem-tra/bang-kiem/<id:pk>/khac-phuc/", views.action_add, name="action_add"),
    path("tu-kiem-tra/minh-chung/<id:pk>/", views.evidence_download, name="inspection_evidence"),
    path("tu-kiem-tra/khac-phuc/", views.action_list, name="inspection_actions"),
    path("tu-kiem-tra/khac-phuc/qua-han/", views.overdue_actions, name="inspection_overdue_actions"),
    path("tu-kiem-tra/khac-phuc/<id:pk>/hoan-thanh/", views.action_done, name="action_done"),
]
