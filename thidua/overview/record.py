"""A person's record (their registrations, results and initiatives) and, for a unit
head, the unit's; each list is one query."""

from thidua.initiatives.models import Initiative
from thidua.organization import rules
from thidua.organization.enums import Role
from thidua.organization.models import Unit
from thidua.registrations.models import PersonRegistration, UnitRegistration
from thidua.results.models import ResultEntry


def personal(person) -> dict:
    return {
        "registrations": PersonRegistration.objects.filter(person=person)
        .select_related("registration", "registration__unit")
        .order_by("-registration__year"),
        "results": ResultEntry.objects.filter(person=person).select_related("content_area").order_by("-date"),
        "initiatives": Initiative.objects.filter(authors__person=person).select_related("unit").distinct(),
    }


def of_units(user) -> dict:
    units = Unit.objects.filter(pk__in=rules.units_with_role(user, Role.UNIT_HEAD))
    if not units:
        return {}
    return {
        "head_units": units,
        "unit_registrations": UnitRegistration.objects.filter(unit__in=units).select_related("unit").order_by("-year"),
        "unit_results": ResultEntry.objects.filter(unit__in=units, person__isnull=True)
        .select_related("content_area", "unit")
        .order_by("-date")[:50],
        "unit_initiatives": Initiative.objects.filter(unit__in=units).select_related("unit")[:50],
    }
