from django.urls import path

from thidua.council import views

urlpatterns = [
    path("hoi-dong/", views.meeting_list, name="meeting_list"),
    path("hoi-dong/tai-ve.xlsx", views.meeting_list_xlsx, name="meeting_list_xlsx"),
    path("hoi-dong/phien-hop/tao/", views.meeting_create, name="meeting_create"),
    path("hoi-dong/phien-hop/<id:pk>/", views.meeting_detail, name="meeting_detail"),
    path("hoi-dong/phien-hop/<id:pk>/sua/", views.meeting_edit, name="meeting_edit"),
    path("hoi-dong/phien-hop/<id:pk>/dua-ra/", views.meeting_add_items, name="meeting_add_items"),
    path("hoi-dong/phien-hop/<id:pk>/bieu-quyet/<id:proposal_pk>/", views.meeting_vote, name="meeting_vote"),
    path("hoi-dong/phien-hop/<id:pk>/bieu-quyet-ca-danh-sach/", views.meeting_vote_all, name="meeting_vote_all"),
    path(
        "hoi-dong/phien-hop/<id:pk>/rut-bieu-quyet/<id:proposal_pk>/",
        views.meeting_vote_withdraw,
        name="meeting_vote_withdraw",
    ),
    path("hoi-dong/phien-hop/<id:pk>/bien-ban/", views.meeting_close, name="meeting_close"),
    path("hoi-dong/phien-hop/<id:pk>/bien-ban.docx", views.meeting_minutes, name="meeting_minutes"),
    path("hoi-dong/phien-hop/<id:pk>/giay-moi.docx", views.meeting_invitation, name="meeting_invitation"),
    path("hoi-dong/quyet-dinh-thanh-lap.docx", views.council_establishment, name="council_establishment"),
    path("hoi-dong/quy-che.docx", views.council_rules, name="council_rules"),
    path("hoi-dong/phien-hop/<id:pk>/phieu-bau.docx", views.meeting_ballot, name="meeting_ballot"),
    path(
        "hoi-dong/phien-hop/<id:pk>/bien-ban-kiem-phieu.docx", views.meeting_ballot_count, name="meeting_ballot_count"
    ),
    # The proposal's move before the council, from its dossier page.
    path("de-nghi-khen-thuong/<id:pk>/trinh-hoi-dong/", views.proposal_to_council, name="proposal_to_council"),
]
