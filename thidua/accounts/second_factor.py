"""The second factor: a time-based code (TOTP) from an authenticator app, with one-time
backup codes, through django-otp. What a user has enrolled, whether this session has
passed the second step, and the QR code drawn as SVG on the server."""

import base64
import math

import qrcode
from django.conf import settings
from django.db import transaction
from django.utils.html import escape
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from thidua.organization import rules

BACKUP_CODES = 10
# Set in the session, at sign-in, when the account has no device and is not required to
# have one, so that the gate after sign-in costs no query on the pages that follow.
NOT_NEEDED_KEY = "second_factor_not_needed"


def totp_device(user, *, confirmed: bool = True) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).first()


def has_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def is_verified(request) -> bool:
    check = getattr(request.user, "is_verified", None)
    return bool(check and check())


def required(user) -> bool:
    """Whether this account may not be used without a second factor. In demo mode
    nobody is required to enrol (the demo administrator signs in with the shared demo
    password); whoever has enrolled is still asked for the code."""
    return rules.needs_second_factor(user) and not settings.DEMO_MODE


def satisfied(request) -> bool:
    """The session passed the second step, or the account has none and needs none."""
    if is_verified(request):
        return True
    return not has_device(request.user) and not required(request.user)


def note_sign_in(sender, request, user, **kwargs) -> None:
    """Receiver of user_logged_in."""
    session = getattr(request, "session", None)
    if session is not None and not has_device(user) and not required(user):
        session[NOT_NEEDED_KEY] = True


def start_enrolment(user) -> TOTPDevice:
    """The unconfirmed device of an enrolment in progress (kept, so reloading the page
    does not change the secret already scanned), or a new one."""
    device = totp_device(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Ứng dụng xác thực", confirmed=False)
    return device


@transaction.atomic
def confirm(request, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirms the device if `token` is its current code; the session counts as passed.
    Returns the new backup codes, or None when the code is wrong."""
    if not device.verify_token(token):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    otp_login(request, device)
    request.session.pop(NOT_NEEDED_KEY, None)
    return new_backup_codes(device.user)


@transaction.atomic
def new_backup_codes(user) -> list[str]:
    """Replaces the backup codes: each works once, in place of the app's code."""
    device, _ = StaticDevice.objects.get_or_create(user=user, defaults={"name": "Mã dự phòng"})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user).count()


@transaction.atomic
def remove(request, user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    request.session.pop(NOT_NEEDED_KEY, None)


def verify(request, user, token: str):
    """The device (app or backup code) that accepts `token`, or None. Each device throttles
    its own failures (1, 2, 4 … seconds between tries)."""
    token = "".join(token.split()).lower()
    if not token:
        return None
    with transaction.atomic():
        for model in (TOTPDevice, StaticDevice):
            for device in model.objects.filter(user=user, confirmed=True).select_for_update():
                if device.verify_token(token):
                    return device
    return None


REPEATED_FAILURES = 3


def wait_seconds(user) -> int:
    """Seconds before the app's device accepts another try, once wrong codes were typed
    REPEATED_FAILURES times in a row (before that the wait is a second or two)."""
    from django.utils import timezone

    device = totp_device(user)
    if device is None or device.throttling_failure_count < REPEATED_FAILURES:
        return 0
    allowed, details = device.verify_is_allowed()
    if allowed or not details or "locked_until" not in details:
        return 0
    return max(1, math.ceil((details["locked_until"] - timezone.now()).total_seconds()))


def secret_for_typing(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for apps where it is typed in."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(text: str, *, label: str) -> str:
    """`text` as a QR code in SVG: one path of dark modules on a white square. Drawn with
    attributes only (no style), as the Content Security Policy allows."""
    code = qrcode.QRCode(border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix)
    path = "".join(f"M{x},{y}h1v1h-1z" for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="240" height="240" '
        f'role="img" aria-label="{escape(label)}" shape-rendering="crispEdges" class="qr-code">'
        f'<rect width="{size}" height="{size}" fill="#fff"/><path d="{path}" fill="#000"/></svg>'
    )
