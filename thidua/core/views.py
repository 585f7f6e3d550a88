"""The home page of each role, the activity log for the office, the health check, and
the page of a request refused before any view ran."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from thidua.core import homes, params
from thidua.core.limits import limit_message
from thidua.core.models import ActivityLog
from thidua.core.pagination import paginate
from thidua.organization import rules


@login_required
def home(request):
    context = homes.context_for(request.user)
    template = f"core/home_{context['role']}.html" if context["role"] else "core/home_none.html"
    return render(request, template, context)


@login_required
def activity(request):
    if not rules.can_read_history(request.user):
        raise PermissionDenied
    # A change log: reads of personal detail (one per page view) are listed on each
    # person's page for the office instead, so they do not bury the changes here.
    rows = ActivityLog.objects.exclude(action=ActivityLog.Action.VIEWED_PERSONAL).select_related("actor__person", "content_type")
    kind = params.for_page(request, params.identifier, "loai")
    if kind:
        rows = rows.filter(content_type_id=kind)
    types = ContentType.objects.filter(pk__in=ActivityLog.objects.values("content_type")).order_by("model")
    return render(request, "core/activity.html", {"page_obj": paginate(request, rows), "types": types, "kind": kind})


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
        "Không đọc được yêu cầu này. Hãy tải lại trang rồi thử lại.")
    return render(request, "400.html", {"message": message}, status=400)
