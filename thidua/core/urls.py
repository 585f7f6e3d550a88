from django.urls import path

from thidua.core import views

urlpatterns = [
    path("", views.home, name="home"),
    path("nhat-ky/", views.activity, name="activity"),
    path("healthz", views.healthz, name="healthz"),
]
