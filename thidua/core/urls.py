from django.contrib.auth import views as auth_views
from django.urls import path

from thidua.core import views
from thidua.core.forms import SignInForm

urlpatterns = [
    path("", views.home, name="home"),
    path("dang-nhap/", auth_views.LoginView.as_view(authentication_form=SignInForm), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("nhat-ky/", views.activity, name="activity"),
    path("healthz", views.healthz, name="healthz"),
]
