"""Which of a sheet's criteria score a subject, as the plan says (III.1):

- a unit is scored on the collective criteria, except those marked "không áp dụng" for
  it (a task "theo phân công" it was not given: `Criterion.when_assigned`);
- a person is scored on the individual criterion of their kind only: cán bộ, công chức,
  viên chức on theirs, "Đối tượng khác" on theirs (`Criterion.person_kind`,
  `Person.kind`), never on both.

The services check every score against this, the pages and the API show these lines,
and the ranking adds up only these and takes its maximum over them."""

from thidua.evaluation.models import NotApplicable, ScoringSheet, SheetItem
from thidua.organization.models import Person, Unit
from thidua.plans.enums import SubjectKind


def scores(item: SheetItem, subject: Unit | Person) -> bool:
    """Whether the item's criterion is one `subject` is scored on (before "không áp dụng")."""
    criterion = item.criterion
    if isinstance(subject, Person):
        return criterion.subject_kind == SubjectKind.INDIVIDUAL and criterion.person_kind == subject.kind
    return criterion.subject_kind == SubjectKind.COLLECTIVE


def items_for(sheet: ScoringSheet, subject: Unit | Person) -> list[SheetItem]:
    """The sheet's lines `subject` is scored on, in the plan's order."""
    return [item for item in sheet.items.select_related("criterion") if scores(item, subject)]


def not_applicable(sheet: ScoringSheet, unit: Unit | Person) -> dict[int, NotApplicable]:
    """item id → the unit's "không áp dụng" of that line; none for a person."""
    if isinstance(unit, Person):
        return {}
    rows = NotApplicable.objects.filter(item__sheet=sheet, unit=unit).select_related("marked_by__person")
    return {row.item_id: row for row in rows}


def not_applicable_by_unit(sheet: ScoringSheet) -> dict[int, set[int]]:
    """unit id → the ids of its lines marked "không áp dụng", for the whole sheet."""
    marked: dict[int, set[int]] = {}
    for unit_id, item_id in NotApplicable.objects.filter(item__sheet=sheet).values_list("unit_id", "item_id"):
        marked.setdefault(unit_id, set()).add(item_id)
    return marked
