"""Reads of a person's personal detail by someone else, kept in the activity log
(action "view_personal") so the office can answer "who has seen this person's data"
(Nghị định 13/2023/NĐ-CP). One insert per page or API read; a person reading their own
detail is not logged."""

from thidua.core.history import record
from thidua.core.models import ActivityLog
from thidua.organization import rules

SHOWN_READS = 20  # the latest reads listed on a person's page


def note_read(user, person, *, via: str = "") -> ActivityLog | None:
    """Log that `user` was shown `person`'s personal detail (`via`: the page or API),
    unless it is their own."""
    if rules.is_self(user, person):
        return None
    return record(actor=user, obj=person, action=ActivityLog.Action.VIEWED_PERSONAL, note=via)


def show_detail(user, person, *, via: str) -> bool:
    """Whether `user` is shown `person`'s personal detail; when shown to someone else,
    the read is logged. Pages and the API ask this, so both log the same way."""
    shown = rules.can_see_personal_detail(user, person)
    if shown:
        note_read(user, person, via=via)
    return shown


def latest_reads(person, limit: int = SHOWN_READS) -> list[ActivityLog]:
    """Who read the person's detail, latest first: one query."""
    return list(
        ActivityLog.objects.for_object(person)
        .filter(action=ActivityLog.Action.VIEWED_PERSONAL)
        .select_related("actor__person")[:limit]
    )
