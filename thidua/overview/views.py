from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone

from thidua.core import params
from thidua.core.models import ActivityLog
from thidua.core.pagination import paginate
from thidua.documents import word_or_pdf
from thidua.organization import rules
from thidua.overview import guide, guide_docx, homes, movement, record
from thidua.plans.models import Plan


def can_oversee(user) -> bool:
    return rules.is_admin(user) or rules.is_office(user) or rules.is_director(user) or rules.is_council(user)


def _year(request, plan) -> int:
    year = params.for_page(request, params.year, "nam", timezone.localdate().year)
    return min(max(year, plan.start_year), plan.end_year)


@login_required
def movement_overview(request):
    if not can_oversee(request.user):
        raise PermissionDenied
    plan = Plan.objects.current_or_404()
    year = _year(request, plan)
    today = timezone.localdate()
    # This year: the current quarter; a past year: its last; a future year: none yet.
    quarter = (today.month - 1) // 3 + 1 if today.year == year else (4 if year < today.year else None)
    context = {"plan": plan, "year": year, "quarter": quarter, "years": range(plan.start_year, plan.end_year + 1)}
    return render(request, "overview/movement.html", context | movement.build(request.user, plan, year, quarter))


@login_required
def my_record(request):
    person = rules.person_of(request.user)
    context = {"person": person, "oversees": can_oversee(request.user)}
    if person:
        context |= record.personal(person)
    return render(request, "overview/my_record.html", context | record.of_units(request.user))


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
    rows = ActivityLog.objects.exclude(action=ActivityLog.Action.VIEWED_PERSONAL).select_related(
        "actor__person", "content_type"
    )
    kind = params.for_page(request, params.identifier, "loai")
    if kind:
        rows = rows.filter(content_type_id=kind)
    types = ContentType.objects.filter(pk__in=ActivityLog.objects.values("content_type")).order_by("model")
    return render(request, "core/activity.html", {"page_obj": paginate(request, rows), "types": types, "kind": kind})


@login_required
def user_guide(request):
    """Hướng dẫn sử dụng: every task of the year with its steps and screenshot."""
    tasks = [(task, guide_docx.screenshot_file(task) is not None) for task in guide.TASKS]
    return render(request, "overview/guide.html", {"tasks": tasks})


@login_required
def user_guide_docx(request):
    return word_or_pdf.document(request, guide_docx.render(), guide_docx.FILENAME)
