"""Two gates after sign-in, in this order: the second factor (an account that has one
must pass it; a system administrator must enrol one), then a demo account's shared
password (it must be changed outside demo mode). Until passed, every page redirects to
the gate's own page; signing out, the language switch, static files and the health
check stay open. The API answers 403 instead of redirecting."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext

from thidua.accounts import second_factor
from thidua.core.responses import json_detail

ALWAYS_OPEN = ("logout", "set_language", "healthz")


def _open_paths(*names: str) -> set[str]:
    return {reverse(name) for name in (*ALWAYS_OPEN, *names)}


def _is_open(request, names: tuple[str, ...]) -> bool:
    return request.path in _open_paths(*names) or request.path.startswith(settings.STATIC_URL)


def _refuse(request, url_name: str, message: str):
    if request.path.startswith("/api/"):
        return json_detail(message, 403)
    url = reverse(url_name)
    if request.method == "GET" and request.path != "/":
        url += "?" + urlencode({"next": request.get_full_path()})
    return redirect(url)


class SecondFactorMiddleware:
    """After OTPMiddleware."""

    OPEN = ("otp_verify", "otp_enrol")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not _is_open(request, self.OPEN) and not self._passed(request):
            if second_factor.has_device(user):
                return _refuse(request, "otp_verify", gettext("Hãy nhập mã xác thực hai bước để tiếp tục."))
            return _refuse(
                request, "otp_enrol", gettext("Tài khoản quản trị phải bật xác thực hai bước trước khi dùng hệ thống.")
            )
        return self.get_response(request)

    @staticmethod
    def _passed(request) -> bool:
        # The flag is set at sign-in; a session older than it is checked (and flagged) once.
        if request.session.get(second_factor.NOT_NEEDED_KEY) or second_factor.is_verified(request):
            return True
        if second_factor.satisfied(request):
            request.session[second_factor.NOT_NEEDED_KEY] = True
            return True
        return False


class PasswordChangeRequiredMiddleware:
    """After SecondFactorMiddleware. Ignored in demo mode, where the demo accounts keep
    the shared password printed by `make run`."""

    OPEN = ("password_change", "password_change_done", "otp_verify", "otp_enrol")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and getattr(user, "must_change_password", False)
            and not settings.DEMO_MODE
            and not _is_open(request, self.OPEN)
        ):
            return _refuse(
                request,
                "password_change",
                gettext(
                    "Tài khoản đang dùng mật khẩu dùng chung. Hãy đổi sang mật khẩu của riêng "
                    "anh/chị trước khi tiếp tục."
                ),
            )
        return self.get_response(request)
