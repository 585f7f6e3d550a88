"""Who may do what with initiatives: one predicate per move,
`can_<move>(user, initiative)`, built on the organisation's predicates. The services
ask them before each move, the pages to show a move's button and before running it,
and the API through the services."""

from django.db.models import Q

from thidua.core.codes import State
from thidua.core.workflow import Moves
from thidua.initiatives.enums import EDITABLE, TRANSITIONS
from thidua.organization import rules
from thidua.organization.enums import Role
from thidua.organization.models import Unit


def sees_everything(user) -> bool:
    return rules.is_admin(user)


def own_unit_ids(user) -> set[int]:
    """Units the account works in: its person's unit, units where it is staff, and the
    units it heads with those below them."""
    person = rules.person_of(user)
    units = set(rules.units_with_role(user, Role.STAFF))
    if person is not None:
        units.add(person.unit_id)
    headed = rules.units_with_role(user, Role.UNIT_HEAD)
    return units | (Unit.objects.subtree_ids(headed) if headed else set())


def agency_unit_ids(user) -> set[int]:
    """Units whose submitted initiatives an agency-wide role (office, council,
    director) follows."""
    if not (rules.is_office(user) or rules.is_council(user) or rules.is_director(user)):
        return set()
    scope = rules.unit_scope(user)
    return set() if scope is rules.EVERYTHING else set(scope)


def creatable_units(user):
    """Units an account may create an initiative for: its own, or any for the office."""
    if rules.is_admin(user) or rules.is_office(user):
        return Unit.objects.visible_to(user)
    return Unit.objects.filter(pk__in=own_unit_ids(user))


def can_create(user) -> bool:
    return creatable_units(user).exists()


def is_author(user, initiative) -> bool:
    person = rules.person_of(user)
    return person is not None and any(a.person_id == person.pk for a in initiative.authors.all())


def can_change(user, initiative) -> bool:
    """Whether the account is one who edits and submits this initiative (its state
    decides separately whether it can be edited now)."""
    return (
        initiative.created_by_id == getattr(user, "pk", None)
        or is_author(user, initiative)
        or rules.heads_unit(user, initiative.unit_id)
        or rules.is_admin(user)
    )


def is_editable(initiative) -> bool:
    return initiative.state in EDITABLE


def can_manage(user) -> bool:
    """The office's desk: it moves initiatives through review and records outcomes."""
    return rules.is_admin(user) or rules.is_office(user)


def _office_for(user, initiative) -> bool:
    return can_manage(user) and rules.can_see_unit(user, initiative.unit_id)


def can_submit(user, initiative) -> bool:
    return can_change(user, initiative)


def can_start_review(user, initiative) -> bool:
    """Hands a submitted initiative to the council."""
    return _office_for(user, initiative)


def can_recognise(user, initiative) -> bool:
    return _office_for(user, initiative)


def can_not_recognise(user, initiative) -> bool:
    return _office_for(user, initiative)


def can_return(user, initiative) -> bool:
    return _office_for(user, initiative)


def can_put_forward(user, initiative) -> bool:
    """Puts a base-level recognised initiative forward to the province (not a move of
    the table: the state stays «Được công nhận»)."""
    return _office_for(user, initiative)


def can_record_higher_recognition(user, initiative) -> bool:
    """Enters the province's or ministry's decision that widens the scope (not a move
    of the table: the state stays «Được công nhận»)."""
    return _office_for(user, initiative)


def can_set_recognition_rule(user) -> bool:
    """Sets the quorum of council scores and the threshold that recognise."""
    return can_manage(user)


def can_score(user) -> bool:
    return rules.is_council(user)


def can_see_review(user) -> bool:
    """Scores, averages and conflicts are for the office, the council and the director."""
    return can_manage(user) or rules.is_council(user) or rules.is_director(user)


def member_unit_ids(user) -> set[int]:
    """Units a council member belongs to: any initiative of these is a conflict."""
    person = rules.person_of(user)
    units = set(rules.units_with_role(user, Role.STAFF)) | set(rules.units_with_role(user, Role.UNIT_HEAD))
    if person is not None:
        units.add(person.unit_id)
    return units


def conflict_q(user) -> Q:
    """Initiatives this council member may not score: own unit, co-authored, declared."""
    person = rules.person_of(user)
    q = Q(unit_id__in=member_unit_ids(user)) | Q(conflicts__member=user)
    return q | Q(authors__person=person) if person else q


def adopting_units(user):
    """Units on whose behalf an account may mark a library initiative as applied."""
    ids = set(rules.units_with_role(user, Role.STAFF)) | set(rules.units_with_role(user, Role.UNIT_HEAD))
    return Unit.objects.filter(pk__in=ids)


MOVES = Moves(
    TRANSITIONS,
    {
        State.SUBMITTED: can_submit,
        State.UNDER_REVIEW: can_start_review,
        State.RECOGNISED: can_recognise,
        State.NOT_RECOGNISED: can_not_recognise,
        State.RETURNED: can_return,
    },
)
