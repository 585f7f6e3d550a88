from django.contrib.auth import views as auth_views
from django.urls import path

from thidua.accounts.views import account, lockouts, passwords, signin

urlpatterns = [
    path("dang-nhap/", signin.SignInView.as_view(), name="login"),
    path("dang-nhap/ma-xac-thuc/", signin.verify, name="otp_verify"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("tai-khoan/", account.account, name="account"),
    path("tai-khoan/xac-thuc-hai-buoc/", account.enrol, name="otp_enrol"),
    path("tai-khoan/xac-thuc-hai-buoc/tat/", account.remove, name="otp_remove"),
    path("tai-khoan/ma-du-phong/", account.backup_codes, name="otp_backup_codes"),
    path("tai-khoan/doi-mat-khau/", passwords.PasswordChangeView.as_view(), name="password_change"),
    path("tai-khoan/doi-mat-khau/xong/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("quen-mat-khau/", passwords.PasswordResetView.as_view(), name="password_reset"),
    path("quen-mat-khau/da-gui/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "quen-mat-khau/<uidb64>/<token>/", passwords.PasswordResetConfirmView.as_view(), name="password_reset_confirm"
    ),
    path("quen-mat-khau/xong/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("tai-khoan/bi-khoa/", lockouts.lockouts, name="lockouts"),
    path("tai-khoan/bi-khoa/<id:pk>/mo-khoa/", lockouts.lift, name="lockout_lift"),
]
