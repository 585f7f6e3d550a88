"""Signing in: the password, then (for an account with a second factor) the code. Between
the two steps the session holds only who passed the password and when; the account is
signed in when the code is right."""

import time

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from thidua.accounts import second_factor
from thidua.accounts.forms import CodeForm, SignInForm

PENDING_KEY = "signin_pending"
PENDING_SECONDS = 5 * 60


class SignInView(auth_views.LoginView):
    authentication_form = SignInForm

    def form_valid(self, form):
        user = form.get_user()
        if not second_factor.has_device(user):
            return super().form_valid(form)
        self.request.session[PENDING_KEY] = {
            "user": user.pk,
            "backend": user.backend,
            "next": self.get_success_url(),
            "at": int(time.time()),
        }
        return redirect("otp_verify")


def _safe_next(request, candidate: str | None, default: str = "/") -> str:
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return default


def _pending(request):
    """(user, backend, next) of a sign-in waiting for its code, or None if there is none
    or it is older than five minutes."""
    pending = request.session.get(PENDING_KEY)
    if not pending or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        request.session.pop(PENDING_KEY, None)
        return None
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    return (user, pending["backend"], pending["next"]) if user else None


def _wrong_code_message(user) -> str:
    wait = second_factor.wait_seconds(user)
    if wait:
        return ngettext(
            "Mã không đúng. Đã nhập sai nhiều lần: hãy đợi %(seconds)s giây rồi thử lại.",
            "Mã không đúng. Đã nhập sai nhiều lần: hãy đợi %(seconds)s giây rồi thử lại.",
            wait,
        ) % {"seconds": wait}
    return gettext(
        "Mã không đúng hoặc đã hết hạn. Hãy nhập mã đang hiện trong ứng dụng xác thực "
        "(mã đổi sau mỗi 30 giây), hoặc một mã dự phòng."
    )


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    if request.user.is_authenticated:
        if second_factor.is_verified(request) or not second_factor.has_device(request.user):
            return redirect(_safe_next(request, request.GET.get("next")))
        user, backend, next_url = (
            request.user,
            None,
            _safe_next(request, request.POST.get("next") or request.GET.get("next")),
        )
    else:
        pending = _pending(request)
        if pending is None:
            messages.info(request, gettext("Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại."))
            return redirect("login")
        user, backend, next_url = pending
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = second_factor.verify(request, user, form.cleaned_data["code"])
        if device is None:
            form.add_error("code", _wrong_code_message(user))
        else:
            if backend is not None:
                request.session.pop(PENDING_KEY, None)
                login(request, user, backend=backend)
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                messages.warning(
                    request,
                    gettext("Anh/chị vừa dùng một mã dự phòng (mỗi mã chỉ dùng được một lần); còn %(n)s mã.")
                    % {"n": second_factor.backup_codes_left(user)},
                )
            return redirect(next_url)
    return render(request, "registration/otp_verify.html", {"form": form, "next": next_url})
