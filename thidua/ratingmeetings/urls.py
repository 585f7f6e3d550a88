from django.urls import path

from thidua.ratingmeetings import views

urlpatterns = [
    path("binh-xet/", views.meeting_list, name="rating_meeting_list"),
    path("binh-xet/huong-dan.docx", views.guidance, name="rating_guidance"),
    path("binh-xet/ghi/", views.meeting_start, name="rating_meeting_start"),
    path("binh-xet/don-vi/<id:unit_pk>/ghi/", views.meeting_create, name="rating_meeting_create"),
    path("binh-xet/<id:pk>/", views.meeting_detail, name="rating_meeting_detail"),
    path("binh-xet/<id:pk>/sua/", views.meeting_edit, name="rating_meeting_edit"),
    path("binh-xet/ket-qua/<id:pk>/xoa/", views.vote_delete, name="rating_vote_delete"),
    path("binh-xet/<id:pk>/bien-ban.docx", views.meeting_minutes, name="rating_meeting_minutes"),
]
