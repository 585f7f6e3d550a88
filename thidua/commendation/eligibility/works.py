"""Recognised initiatives as eligibility facts, read from the initiatives app in two
queries (authors' initiatives, units' initiatives). The year of an initiative is the year
of its recognition decision; a recognised initiative counts as applied, since the law
only recognises what has been applied (Law Art. 3 cl. 4). No research projects are
recorded in the application yet, so none are read."""

from collections import defaultdict

from django.apps import apps

from thidua.commendation.eligibility.facts import InitiativeFact
from thidua.core.codes import State


def work_facts(year: int, unit_ids) -> dict[str, tuple[list, list]]:
    """{"person:<id>" or "unit:<id>": (initiatives, research projects)} for the people
    of `unit_ids` and those units, up to `year`."""
    if not apps.is_installed("thidua.initiatives"):
        return {}
    initiative = apps.get_model("initiatives", "Initiative")
    authorship = apps.get_model("initiatives", "Authorship")
    found: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    recognised = {"initiative__state": State.RECOGNISED, "initiative__decision_date__year__lte": year}
    for person_id, scope, date in authorship.objects.filter(person__unit_id__in=unit_ids, **recognised).values_list(
        "person_id", "initiative__scope", "initiative__decision_date"
    ):
        found[f"person:{person_id}"][0].append(InitiativeFact(date.year, scope, True, True))
    for unit_id, scope, date in initiative.objects.filter(
        unit_id__in=unit_ids, state=State.RECOGNISED, decision_date__year__lte=year
    ).values_list("unit_id", "scope", "decision_date"):
        found[f"unit:{unit_id}"][0].append(InitiativeFact(date.year, scope, True, True))
    return found
