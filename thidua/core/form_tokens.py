"""One-time tokens for the pages' forms, so that a double click or a browser's re-submit
of a POST form stores one row.

`{% form_token %}` puts a fresh random token in the form. The first POST with it runs
the view. When the view answers with a redirect (the form was accepted), the token is
spent and remembers where it went: a second POST with the same token does not run the
view and is sent to the same place. Any other answer (the form shown again with its
errors, a refusal, an error) releases the token, so the user can correct and send again.

Tokens live in the database, shared by every gunicorn worker (without Redis the cache is
per process). A token belongs to the account that posted it: the same token from another
account is simply a new token for that account, and never leads to the first one's
page. Forms posted without a token (tests, scripts, the sign-in form) behave as before."""

import datetime
import re
import secrets
import time

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.models import FormToken

FIELD = "form_token"
KEEP_FOR = datetime.timedelta(hours=24)
# A double click's second POST usually arrives while the first runs (on another worker):
# it waits this long for the first one's answer before saying it is still being handled.
WAIT_SECONDS = 5.0
POLL_SECONDS = 0.2
_SHAPE = re.compile(r"[A-Za-z0-9_-]{16,64}")
_FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


def new_token() -> str:
    return secrets.token_urlsafe(24)


class FormTokenMiddleware:
    """Placed after CsrfViewMiddleware (a forged POST is refused before its token is
    looked at) and AuthenticationMiddleware (the token's owner)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        row = getattr(request, "_form_token", None)
        if row is not None:
            _finish(row, response)
        return response

    def process_view(self, request, view, args, kwargs):
        token = _posted_token(request)
        if token is None:
            return None
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            row, mine = _claim(request.user, token)
            if mine:
                request._form_token = row
                return None
            if row is not None and row.location:
                messages.info(
                    request,
                    _(
                        "Biểu mẫu này đã được gửi rồi nên không được lưu thêm lần nữa; "
                        "đây là kết quả của lần gửi trước."
                    ),
                )
                return HttpResponseRedirect(row.location)
            if time.monotonic() >= deadline:
                return render(request, "core/form_in_progress.html", status=409)
            if row is not None:
                time.sleep(POLL_SECONDS)


def _posted_token(request) -> str | None:
    if (
        request.method != "POST"
        or request.path.startswith("/api/")
        or request.content_type not in _FORM_TYPES
        or not request.user.is_authenticated
    ):
        return None
    token = request.POST.get(FIELD, "")
    return token if _SHAPE.fullmatch(token) else None


def _claim(user, token: str) -> tuple[FormToken | None, bool]:
    """(the new row, True) when this request is the token's first; otherwise the row
    already there, or None if it was released in between."""
    now = timezone.now()
    FormToken.objects.filter(user=user, token=token, created_at__lt=now - KEEP_FOR).delete()
    try:
        with transaction.atomic():  # committed at once: another worker's POST sees it
            return FormToken.objects.create(user=user, token=token, created_at=now), True
    except IntegrityError:
        return FormToken.objects.filter(user=user, token=token).first(), False


def purge_expired() -> int:
    """Forgets what is older than KEEP_FOR (`thidua purge_expired_keys`)."""
    return FormToken.objects.filter(created_at__lt=timezone.now() - KEEP_FOR).delete()[0]


def _finish(row: FormToken, response) -> None:
    """Spend the token on a redirect (the form was accepted); release it otherwise."""
    location = response.get("Location", "") if 300 <= response.status_code < 400 else ""
    if location:
        FormToken.objects.filter(pk=row.pk).update(location=location[:2000])
    else:
        FormToken.objects.filter(pk=row.pk).delete()
