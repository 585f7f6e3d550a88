"""The home page of each role, the activity log for the office, and the health check."""

from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from thidua.core import homes
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
    rows = ActivityLog.objects.select_related("actor", "content_type")
    kind = request.GET.get("loai")
    if kind and kind.isdigit():
        rows = rows.filter(content_type_id=int(kind))
    types = ContentType.objects.filter(pk__in=ActivityLog.objects.values("content_type")).order_by("model")
    return render(request, "core/activity.html", {"page_obj": paginate(request, rows), "types": types, "kind": kind})


@never_cache
def healthz(request):
    """Answers 200 when the database answers; says which part failed otherwise."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as exc:  # the point is to report any failure, not to raise it
        checks["database"] = f"error: {exc.__class__.__name__}"
    ok = all(value == "ok" for value in checks.values())
    return JsonResponse({"status": "ok" if ok else "error", "checks": checks}, status=200 if ok else 503)
