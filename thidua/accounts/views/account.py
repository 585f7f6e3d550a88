"""The account page of every signed-in user: who they are, their password, and the
second factor (turning it on with a QR code, new backup codes, turning it off)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from thidua.accounts import second_factor
from thidua.accounts.forms import CodeForm, PasswordConfirmForm
from thidua.core.history import record
from thidua.core.models import ActivityLog
from thidua.organization import rules


def _log(user, on: bool, note: str) -> None:
    record(actor=user, obj=user, action=ActivityLog.Action.CHANGED, changes={"second_factor": [not on, on]}, note=note)


@login_required
def account(request):
    user = request.user
    device = second_factor.totp_device(user)
    return render(
        request,
        "accounts/account.html",
        {
            "person": rules.person_of(user),
            "device": device,
            "backup_left": second_factor.backup_codes_left(user) if device else 0,
            "required": rules.needs_second_factor(user),
            "demo_mode": settings.DEMO_MODE,
            "remove_form": PasswordConfirmForm(user),
            "codes_form": PasswordConfirmForm(user, prefix="codes"),
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def enrol(request):
    user = request.user
    if second_factor.has_device(user):
        return redirect("account")
    device = second_factor.start_enrolment(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = second_factor.confirm(request, device, form.cleaned_data["code"])
        if codes is not None:
            _log(user, True, gettext("Bật xác thực hai bước"))
            messages.success(
                request,
                gettext(
                    "Đã bật xác thực hai bước. Từ lần sau, sau mật khẩu hệ thống sẽ hỏi mã trong ứng dụng xác thực."
                ),
            )
            return render(request, "accounts/backup_codes.html", {"codes": codes})
        form.add_error(
            "code",
            gettext(
                "Mã không đúng. Hãy nhập mã 6 chữ số đang hiện trong ứng dụng (mã đổi sau "
                "mỗi 30 giây) và kiểm tra đồng hồ của điện thoại."
            ),
        )
    return render(
        request,
        "accounts/enrol.html",
        {
            "form": form,
            "required": second_factor.required(user),
            "qr": second_factor.qr_svg(
                device.config_url, label=gettext("Mã QR để thêm tài khoản vào ứng dụng xác thực")
            ),
            "secret": second_factor.secret_for_typing(device),
        },
    )


def _confirmed_password(request, prefix=None):
    form = PasswordConfirmForm(request.user, request.POST, prefix=prefix)
    if form.is_valid():
        return True
    for error in form.errors.get("password", []):
        messages.error(request, error)
    return False


@login_required
@require_POST
def remove(request):
    user = request.user
    if not second_factor.has_device(user):
        return redirect("account")
    if not _confirmed_password(request):
        return redirect("account")
    second_factor.remove(request, user)
    _log(user, False, gettext("Tắt xác thực hai bước"))
    if second_factor.required(user):
        messages.warning(
            request,
            gettext(
                "Đã tắt xác thực hai bước. Tài khoản quản trị phải bật lại ngay "
                "(ví dụ với điện thoại mới) để tiếp tục dùng hệ thống."
            ),
        )
        return redirect("otp_enrol")
    messages.success(request, gettext("Đã tắt xác thực hai bước. Từ lần sau chỉ cần mật khẩu để đăng nhập."))
    return redirect("account")


@never_cache
@login_required
@require_POST
def backup_codes(request):
    user = request.user
    if not second_factor.has_device(user) or not _confirmed_password(request, prefix="codes"):
        return redirect("account")
    codes = second_factor.new_backup_codes(user)
    record(actor=user, obj=user, action=ActivityLog.Action.CHANGED, note=gettext("Tạo mã dự phòng mới"))
    return render(request, "accounts/backup_codes.html", {"codes": codes})
