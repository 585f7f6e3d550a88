"""What each role sees first. One function per role builds its home page's context;
later capabilities add their panels here."""

from importlib import import_module

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import ngettext_lazy

from thidua.core.attention import counted
from thidua.organization import rules
from thidua.organization.enums import Role
from thidua.organization.models import Person, Unit
from thidua.plans import timeline
from thidua.plans.models import Plan
from thidua.reports.deadlines import next_duty_due


def _plan_context(plan: Plan | None) -> dict:
    if plan is None:
        return {"plan": None}
    phases = list(plan.phases.all())
    duty = plan.report_duties.first()
    due = next_duty_due(duty) if duty else None
    return {
        "plan": plan,
        "timeline": timeline.build(plan, phases),
        "report_duty": duty,
        "report_due": due,
        "report_days_left": (due - timezone.localdate()).days if due else None,
    }


def needs_attention(user) -> list[dict]:
    """Items the office should act on, each with a count and where to act."""
    units = Unit.objects.visible_to(user)
    headless = units.exclude(kind__in=["province", "agency"]).exclude(memberships__role=Role.UNIT_HEAD).count()
    no_account = Person.objects.visible_to(user).filter(user__isnull=True).count()
    return counted(
        headless,
        ngettext_lazy(
            "%(n)s đơn vị chưa có thủ trưởng trên hệ thống", "%(n)s đơn vị chưa có thủ trưởng trên hệ thống", "n"
        ),
        "unit_tree",
    ) + counted(
        no_account,
        ngettext_lazy("%(n)s cán bộ chưa có tài khoản đăng nhập", "%(n)s cán bộ chưa có tài khoản đăng nhập", "n"),
        "people",
    )


# Apps whose `attention.attention_items(user, today)` feed the work queue of the home
# page: each returns only what this account may see and act on, one query per kind.
ATTENTION_SOURCES = [
    "thidua.registrations.attention",
    "thidua.results.attention",
    "thidua.reports.attention",
    "thidua.proposals.attention",
    "thidua.council.attention",
    "thidua.initiatives.attention",
    "thidua.difficulties.attention",
    "thidua.inspections.attention",
]


def attention_for(user) -> list[dict]:
    """The account's work queue: every item waiting for them, those with the nearest
    deadline first (items without one keep their order after them)."""
    today = timezone.localdate()
    items = []
    for module in ATTENTION_SOURCES:
        items += import_module(module).attention_items(user, today)
    return sorted(items, key=lambda item: (item.get("due") is None, item.get("due") or today))


def setup_for(user) -> list[dict]:
    """Set-up notices for whoever keeps the organisation: below the work queue."""
    return needs_attention(user) if rules.can_manage_organization(user) else []


def office(user) -> dict:
    return {"counts": _counts(user)}


def director(user) -> dict:
    return {"counts": _counts(user), "units": _units_with_people(user)}


def unit_head(user) -> dict:
    head_units = Unit.objects.filter(pk__in=rules.units_with_role(user, Role.UNIT_HEAD)).annotate(
        people_count=Count("people")
    )
    return {"head_units": head_units}


def staff(user) -> dict:
    return {"person": rules.person_of(user)}


def council(user) -> dict:
    return {"counts": _counts(user)}


def admin(user) -> dict:
    return {"counts": _counts(user)}


def _counts(user) -> dict:
    people = Person.objects.visible_to(user).aggregate(total=Count("id"), women=Count("id", filter=Q(gender="female")))
    return {"units": Unit.objects.visible_to(user).count(), **people}


def _units_with_people(user):
    return (
        Unit.objects.visible_to(user)
        .exclude(kind__in=["province", "agency"])
        .annotate(people_count=Count("people"))
        .order_by("order", "name")
    )


BUILDERS = {
    Role.OFFICE: office,
    Role.DIRECTOR: director,
    Role.UNIT_HEAD: unit_head,
    Role.STAFF: staff,
    Role.COUNCIL: council,
    Role.ADMIN: admin,
}


def context_for(user) -> dict:
    role = rules.primary_role(user)
    context = {"role": role, "role_label": Role(role).label if role else ""}
    context |= _plan_context(Plan.objects.current())
    if role:
        context |= BUILDERS[role](user) | {"attention": attention_for(user), "setup": setup_for(user)}
    return context
