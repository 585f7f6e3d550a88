from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "thidua.accounts"
    verbose_name = _("Đăng nhập và bảo mật")

    def ready(self) -> None:
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from thidua.accounts import lockout, second_factor, slowdown

        user_locked_out.connect(lockout.on_locked_out, dispatch_uid="thidua-lockout-record")
        user_login_failed.connect(slowdown.on_failure, dispatch_uid="thidua-slowdown-failure")
        user_logged_in.connect(slowdown.on_success, dispatch_uid="thidua-slowdown-success")
        user_logged_in.connect(second_factor.note_sign_in, dispatch_uid="thidua-second-factor-sign-in")


class VerifiedAdminConfig(admin_apps.AdminConfig):
    """The Django admin, served by a site that requires a second factor."""

    default = False
    default_site = "thidua.accounts.admin_site.VerifiedAdminSite"
