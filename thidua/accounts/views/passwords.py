"""Changing one's password, and resetting a forgotten one by e-mail (Django's views with
our forms, pages and e-mail). The reset page answers the same whether or not the address
belongs to an account."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext

from thidua.accounts.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from thidua.core.history import record
from thidua.core.models import ActivityLog


def _log_password_change(user, *, was_required: bool, note: str) -> None:
    # Never the password or its hash: only that it changed, and the flag it cleared.
    changes = {"must_change_password": [True, False]} if was_required else {}
    record(actor=user, obj=user, action=ActivityLog.Action.CHANGED, changes=changes, note=note)


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = PasswordChangeForm
    template_name = "registration/password_change_form.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {
            "must_change": self.request.user.must_change_password and not settings.DEMO_MODE,
            "next": self._next(),
        }

    def _next(self) -> str:
        candidate = self.request.POST.get("next") or self.request.GET.get("next")
        if candidate and url_has_allowed_host_and_scheme(
            candidate, {self.request.get_host()}, self.request.is_secure()
        ):
            return candidate
        return ""

    def get_success_url(self):
        return self._next() or reverse_lazy("account")

    def form_valid(self, form):
        was_required = form.user.must_change_password
        response = super().form_valid(form)
        _log_password_change(form.user, was_required=was_required, note=gettext("Đổi mật khẩu"))
        messages.success(self.request, gettext("Đã đổi mật khẩu."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"

    def form_valid(self, form):
        site_url = settings.SITE_URL.rstrip("/") or self.request.build_absolute_uri("/").rstrip("/")
        self.extra_email_context = {"site_url": site_url, "valid_hours": settings.PASSWORD_RESET_TIMEOUT // 3600}
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm

    def form_valid(self, form):
        was_required = form.user.must_change_password
        response = super().form_valid(form)
        _log_password_change(form.user, was_required=was_required, note=gettext("Đặt lại mật khẩu qua thư điện tử"))
        return response
