"""Idempotent API writes. A POST under /api/v1/ may carry an `Idempotency-Key` header,
chosen by the client (1–255 printable ASCII characters). The first request with a key
runs, and its answer is stored per (user, key); a retry with the same key, path and body
gets that answer again, marked `Idempotent-Replayed: true`, without running the view. A
client that lost the answer (a timeout, a dropped connection) may therefore resend
without storing the same thing twice.

- The same key with another path or body answers 422.
- The same key while the first request still runs answers 409: the key's row is
  inserted and committed before the view runs, under a unique constraint, so of two
  simultaneous requests only one runs the view.
- Only 2xx and 400 (invalid input) answers are stored; any other answer releases the
  key, so the client may retry with it.
- The view and the storing of its answer share one transaction, rolled back on a 5xx:
  a request that died midway stored nothing, so its key, left "in progress", is taken
  over by a retry once STALE_AFTER has passed.
- Keys are forgotten after KEEP_FOR (`thidua purge_expired_keys`; an older row is
  ignored anyway).

Requests without the header behave as before. The user is the session's, as the API
authenticates with sessions; an anonymous request is left to the API, which refuses it."""

import datetime
import hashlib
import tempfile

from django.db import IntegrityError, transaction
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.api.models import IdempotencyKey
from thidua.core.responses import json_detail

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
API_PREFIX = "/api/v1/"
KEEP_FOR = datetime.timedelta(hours=24)
# Longer than a request may run: gunicorn kills a worker after GUNICORN_TIMEOUT (60 s),
# and the database rolls back the transaction of a connection that died.
STALE_AFTER = datetime.timedelta(minutes=5)
SPOOL_IN_MEMORY = 2_621_440  # as Django's FILE_UPLOAD_MAX_MEMORY_SIZE: larger bodies go to disk


def valid_key(key: str) -> bool:
    return 1 <= len(key) <= 255 and all(" " <= char <= "~" for char in key)


def storable(response) -> bool:
    """2xx, or 400: the same input would be refused the same way, so the answer holds."""
    code = response.status_code
    return not response.streaming and (200 <= code < 300 or code == 400)


class IdempotencyMiddleware:
    """Placed after AuthenticationMiddleware, which gives the request its user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = request.headers.get(HEADER)
        if key is None or request.method != "POST" or not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if not valid_key(key):
            return _problem(
                400,
                _(
                    "Header Idempotency-Key phải dài từ 1 đến 255 ký tự và chỉ gồm ký tự ASCII in "
                    "được (chữ không dấu, chữ số, dấu câu)."
                ),
            )
        if not request.user.is_authenticated:
            return self.get_response(request)
        fingerprint = (request.method, request.get_full_path()[:2000], _hash_body(request))
        row, mine = claim(request.user, key, *fingerprint)
        if row is None:
            return _in_progress()
        return self._run(request, row) if mine else _answer_again(row, fingerprint)

    def _run(self, request, row: IdempotencyKey):
        with transaction.atomic():
            response = self.get_response(request)
            keep = storable(response) and not transaction.get_rollback()
            if keep:
                _record(row, response)
            elif response.status_code >= 500:
                transaction.set_rollback(True)  # nothing of a failed request stays
        if not keep:
            IdempotencyKey.objects.filter(pk=row.pk).delete()
        return response


def purge_expired() -> int:
    """Forgets what is older than KEEP_FOR (`thidua purge_expired_keys`)."""
    return IdempotencyKey.objects.filter(created_at__lt=timezone.now() - KEEP_FOR).delete()[0]


def claim(user, key: str, method: str, path: str, body_hash: str) -> tuple[IdempotencyKey | None, bool]:
    """The key's row, and whether this request owns it (and runs the view): a new row,
    or a stale one taken over. Otherwise the stored row, to answer from; (None, False)
    when the row kept vanishing under us."""
    for _attempt in range(3):
        now = timezone.now()
        IdempotencyKey.objects.filter(user=user, key=key, created_at__lt=now - KEEP_FOR).delete()
        try:
            with transaction.atomic():  # committed at once: simultaneous requests see it
                row = IdempotencyKey.objects.create(
                    user=user, key=key, method=method, path=path, body_hash=body_hash, started_at=now, created_at=now
                )
        except IntegrityError:
            row = IdempotencyKey.objects.filter(user=user, key=key).first()
            if row is None:
                continue  # the first request released the key meanwhile: try again
            return row, _take_over(row, (method, path, body_hash), now)
        return row, True
    return None, False


def _take_over(row: IdempotencyKey, fingerprint: tuple, now) -> bool:
    """A stale "in progress" row is a request that died: its transaction was rolled back,
    so the retry may run the view. The conditional UPDATE lets one retry win."""
    if not row.in_progress or row.started_at >= now - STALE_AFTER or _fingerprint(row) != fingerprint:
        return False
    taken = IdempotencyKey.objects.filter(pk=row.pk, status__isnull=True, started_at=row.started_at)
    if not taken.update(started_at=now):
        return False
    row.started_at = now
    return True


def _hash_body(request) -> str:
    """The body's SHA-256, read in chunks. Not `request.body`: it refuses bodies over
    DATA_UPLOAD_MAX_MEMORY_SIZE, which uploads of several files may pass. The bytes read
    are spooled (to disk when large) and put back as the request's stream, unread, so
    the view parses the body as if nothing had read it."""
    digest = hashlib.sha256()
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)
    for chunk in iter(lambda: request.read(64 * 1024), b""):
        digest.update(chunk)
        spool.write(chunk)
    spool.seek(0)
    request._stream, request._read_started = spool, False
    return digest.hexdigest()


def _fingerprint(row: IdempotencyKey) -> tuple:
    return row.method, row.path, row.body_hash


def _answer_again(row: IdempotencyKey, fingerprint: tuple):
    if _fingerprint(row) != fingerprint:
        return _problem(
            422,
            _(
                "Idempotency-Key này đã được dùng cho một yêu cầu khác (khác đường dẫn hoặc nội "
                "dung). Hãy dùng một khóa mới cho mỗi yêu cầu mới."
            ),
        )
    if row.in_progress:
        return _in_progress()
    response = HttpResponse(bytes(row.body), status=row.status, content_type=row.content_type or None)
    if row.location:
        response["Location"] = row.location
    response[REPLAYED_HEADER] = "true"
    return response


def _record(row: IdempotencyKey, response) -> None:
    row.status = response.status_code
    row.content_type = response.get("Content-Type", "")[:255]
    row.location = response.get("Location", "")[:2000]
    row.body = response.content
    row.save(update_fields=["status", "content_type", "location", "body"])


def _in_progress() -> JsonResponse:
    response = _problem(409, _("Yêu cầu với Idempotency-Key này đang xử lý; hãy thử lại sau giây lát."))
    response["Retry-After"] = "1"
    return response


def _problem(status: int, detail: str) -> JsonResponse:
    return json_detail(detail, status)
