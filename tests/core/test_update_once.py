"""`history.update_once`: a change made once only, by a conditional UPDATE, logged with
the values the row held before."""

from thidua.core.history import update_once
from thidua.core.models import ActivityLog
from thidua.organization.models import Unit


def test_it_applies_once_and_logs_the_real_from_values(org):
    unit, stale = org.units.a, Unit.objects.get(pk=org.units.a.pk)
    assert update_once(
        unit,
        actor=org.users.officer,
        where={"short_name": ""},
        values={"short_name": "PBGD", "parent": org.units.b},
        note="đặt tên viết tắt",
    )
    log = ActivityLog.objects.for_object(unit).get()
    assert log.changes == {"short_name": ["", "PBGD"], "parent_id": [org.units.agency.pk, org.units.b.pk]}
    assert (log.actor, log.note) == (org.users.officer, "đặt tên viết tắt")
    # A second attempt read before the first applied finds the row changed: nothing applied, nothing logged.
    assert stale.short_name == ""
    assert not update_once(stale, actor=org.users.officer, where={"short_name": ""}, values={"short_name": "X"})
    assert stale.short_name == "PBGD"  # read again: what the first one stored
    assert ActivityLog.objects.for_object(unit).count() == 1


def test_figures_that_are_no_column_join_the_log(org):
    update_once(org.units.a, actor=None, values={"order": 9}, also={"figures": [0, 3]})
    assert ActivityLog.objects.for_object(org.units.a).get().changes == {"order": [3, 9], "figures": [0, 3]}
