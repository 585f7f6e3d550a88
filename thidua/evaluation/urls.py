from django.urls import path

from thidua.evaluation.views import scoring, sheets

SUBJECT = "cham-diem/<year:year>/<slug:kind>/<id:pk>/"

urlpatterns = [
    path("cham-diem/", sheets.home, name="evaluation_home"),
    path("cham-diem/lap-bang/", sheets.sheet_create, name="evaluation_sheet_create"),
    path("cham-diem/<year:year>/", sheets.sheet_detail, name="evaluation_sheet"),
    path("cham-diem/<year:year>/sua/", sheets.sheet_edit, name="evaluation_sheet_edit"),
    path("cham-diem/<year:year>/xep-hang/", sheets.ranking_page, name="evaluation_ranking"),
    path("cham-diem/<year:year>/hoi-dong/", scoring.council_queue, name="evaluation_council_queue"),
    path(SUBJECT, scoring.subject_detail, name="evaluation_subject"),
    path(f"{SUBJECT}tu-cham/", scoring.self_assess, name="evaluation_self"),
    path(f"{SUBJECT}hoi-dong-cham/", scoring.council_score, name="evaluation_council_score"),
]
