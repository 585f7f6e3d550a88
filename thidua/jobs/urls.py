from django.urls import path

from thidua.jobs import views

urlpatterns = [
    path("tac-vu/<id:pk>/", views.job_detail, name="job_detail"),
    path("tac-vu/<id:pk>/tien-do/", views.job_progress, name="job_progress"),
    path("tac-vu/<id:pk>/tai-ve/", views.job_download, name="job_download"),
]
