"""The one way a workflow state changes.

Every model with a workflow has a `state` field and a `version` counter, and its app's
`enums.py` holds the table of allowed moves. `transition` checks the move against that
table, applies it with a conditional UPDATE (… WHERE state = old AND version = seen),
so of two simultaneous attempts exactly one succeeds on SQLite and PostgreSQL alike,
and records who, when, from what and to what in the activity log. Who may make each
move is the app's `rules.py` (`can_<move>(user, obj)`), joined to the table by `Moves`."""

from collections.abc import Callable, Mapping

from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext

from thidua.core.choices import ChoiceLabels
from thidua.core.codes import State
from thidua.core.history import record
from thidua.core.models import ActivityLog


def locked(obj: models.Model, *related: str) -> models.Model:
    """The object as stored, its row locked for the rest of the transaction (a row lock
    on PostgreSQL; SQLite's IMMEDIATE transactions already run writers one at a time),
    so a change cannot land after a move it did not see. `related`: foreign keys read
    with it."""
    rows = type(obj)._default_manager.select_for_update()
    return (rows.select_related(*related) if related else rows).get(pk=obj.pk)


def locked_in(obj: models.Model, states, refusal, *related: str) -> models.Model:
    """`locked`, refused with `refusal(current)` (a TransitionError) unless it is still
    in one of `states`."""
    current = locked(obj, *related)
    if current.state not in states:
        raise refusal(current)
    return current


def sent_for_review(accepted: str = State.ACCEPTED) -> dict[str, set[str]]:
    """The table of what a unit sends to be checked (a registration, a checklist, a
    report, a result): drafted, sent, then `accepted` or returned with the reason,
    corrected and sent again."""
    return {
        State.DRAFT: {State.SUBMITTED},
        State.SUBMITTED: {accepted, State.RETURNED},
        State.RETURNED: {State.SUBMITTED},
        accepted: set(),
    }


class TransitionError(Exception):
    """A move the workflow does not allow, with a message for the user."""


class AlreadyChanged(TransitionError):
    """Someone else moved the object first; the message says where it is now."""


def _label(obj: models.Model, state: str) -> str:
    field = obj._meta.get_field("state")
    return str(dict(field.flatchoices).get(state, state))


def allows(obj: models.Model, to: str, allowed: Mapping[str, set[str]]) -> bool:
    """Whether the table `allowed` lets `obj` move to `to` from the state it is in now."""
    return to in allowed.get(obj.state, set())


def check(obj: models.Model, to: str, allowed: Mapping[str, set[str]]) -> None:
    if not allows(obj, to, allowed):
        raise TransitionError(
            gettext("Không thể chuyển từ «%(source)s» sang «%(target)s».")
            % {"source": _label(obj, obj.state), "target": _label(obj, to)}
        )


@transaction.atomic
def transition(
    obj: models.Model, *, to: str, actor, allowed: Mapping[str, set[str]], note: str = "", fields: dict | None = None
) -> models.Model:
    """Move `obj` to state `to`, also setting `fields` in the same UPDATE.

    Side effects: one UPDATE of the row, one ActivityLog row (action "transition",
    changes {"state": [from, to], …fields}). Raises TransitionError for a move the
    table forbids and AlreadyChanged when the row moved since `obj` was read."""
    check(obj, to, allowed)
    source, fields = obj.state, fields or {}
    updated = (
        type(obj)
        ._default_manager.filter(pk=obj.pk, state=source, version=obj.version)
        .update(state=to, version=F("version") + 1, **fields)
    )
    if not updated:
        obj.refresh_from_db()
        raise AlreadyChanged(
            gettext("Hồ sơ đã được người khác chuyển sang «%(state)s» trước đó.") % {"state": _label(obj, obj.state)}
        )
    obj.refresh_from_db()
    changes = {"state": [source, to]} | {k: [None, _plain(v)] for k, v in fields.items()}
    record(actor=actor, obj=obj, action=ActivityLog.Action.TRANSITION, changes=changes, note=note)
    return obj


# `can_<move>(user, obj)`: whether this account may make this move on this object.
Predicate = Callable[[object, models.Model], bool]


class Moves:
    """Who may make each move of a transition table: the link between an app's
    `enums.TRANSITIONS` (when a move may happen) and the predicates of its `rules.py`
    (who may make it). `predicates` maps the state a move leads to, or a `(from, to)`
    pair where two people's moves lead to the same state, to `rules.can_<move>`.
    Every move of the table has one (tests/test_access_rules.py walks every table)."""

    def __init__(self, table: Mapping[str, set[str]], predicates: Mapping) -> None:
        self.table = table
        self.predicates = dict(predicates)

    def edges(self) -> list[tuple[str, str]]:
        """Every move of the table, as (from, to)."""
        return [(source, target) for source, targets in self.table.items() for target in sorted(targets)]

    def predicate(self, source: str, to: str) -> Predicate | None:
        return self.predicates.get((source, to)) or self.predicates.get(to)

    def may(self, user, obj: models.Model, to: str) -> bool:
        """Whether `user` may move `obj` to `to` now: the table allows the move from the
        state `obj` is in and the move's predicate allows this account. Pages show a
        move's button exactly when this holds; the service asks the same predicate."""
        if not allows(obj, to, self.table):
            return False
        predicate = self.predicate(obj.state, to)
        return predicate is not None and predicate(user, obj)


def _plain(value):
    if isinstance(value, models.Model):
        return value.pk
    return value if isinstance(value, str | int | float | bool | type(None)) else str(value)


class WorkflowModel(ChoiceLabels):
    """Fields every workflow model has. `state` is declared by each model with its own
    choices; it is changed only by `transition`."""

    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        abstract = True

    def history(self):
        return ActivityLog.objects.for_object(self).select_related("actor__person")
