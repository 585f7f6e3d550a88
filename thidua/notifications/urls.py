from django.urls import path

from thidua.notifications import views

urlpatterns = [
    path("thong-bao/", views.notice_list, name="notices"),
    path("thong-bao/<id:pk>/mo/", views.notice_open, name="notice_open"),
    path("thong-bao/da-doc-het/", views.notices_read_all, name="notices_read_all"),
]
