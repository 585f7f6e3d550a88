from django.urls import path

from thidua.core import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
]
