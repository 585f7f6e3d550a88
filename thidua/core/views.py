"""The health check, and the page of a request refused before any view ran."""

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from thidua.core.limits import limit_message


def _check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return "ok"


def _check_redis() -> str:
    if not settings.REDIS_URL:
        return "not configured"
    import redis

    redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1).ping()
    return "ok"


@never_cache
def healthz(request):
    """200 when every configured part answers; 503 naming the part that failed. Redis
    down is reported but the pages keep working (background jobs wait for it)."""
    checks = {}
    for name, check in (("database", _check_database), ("redis", _check_redis)):
        try:
            checks[name] = check()
        except Exception as exc:  # the point is to report any failure, not to raise it
            checks[name] = f"error: {exc.__class__.__name__}"
    ok = checks["database"] == "ok" and not checks["redis"].startswith("error")
    return JsonResponse({"status": "ok" if ok else "degraded", "checks": checks}, status=200 if ok else 503)


def bad_request(request, exception=None):
    """Django's 400 answer for a page (`handler400` in thidua/urls.py): a form over the
    size limits says which limit, in the site's layout, and how to keep what was typed."""
    message = (limit_message(exception) if exception is not None else None) or gettext(
        "Không đọc được yêu cầu này. Hãy tải lại trang rồi thử lại."
    )
    return render(request, "400.html", {"message": message}, status=400)
