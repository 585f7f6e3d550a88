"""How many initiatives were replicated (applied by at least one other unit): the one
place every page that shows initiative counts reads it from (the library, the office's
view of the movement, the consolidated report, the API)."""

from django.db.models import Count, Exists, OuterRef, QuerySet

from thidua.initiatives.models import Adoption


def _with_adoption(initiatives: QuerySet) -> QuerySet:
    return initiatives.filter(Exists(Adoption.objects.filter(initiative=OuterRef("pk"))))


def replicated(initiatives: QuerySet) -> int:
    """Of `initiatives`, how many at least one other unit applied."""
    return _with_adoption(initiatives.order_by()).count()


def replicated_by_unit(initiatives: QuerySet) -> dict[int, int]:
    """{unit id of the initiative: how many of its initiatives were replicated}, in one query."""
    rows = _with_adoption(initiatives).order_by().values("unit_id").annotate(n=Count("id"))
    return {row["unit_id"]: row["n"] for row in rows}


def replicated_ids(initiatives: QuerySet) -> set[int]:
    """The ids of those of `initiatives` at least one other unit applied, in one query."""
    return set(_with_adoption(initiatives.order_by()).values_list("pk", flat=True))
