"""Who chooses what the public honours page shows: one predicate per move,
`can_<move>(user, obj)`, built on `organization.rules`. Reading the public page needs
no account; writing examples and publishing or unpublishing an example, a decided award
or a recognised initiative is the office's work, for the units it sees. The services
ask them before each change and the office's pages before showing or running a
button. What is public is a flag, not a workflow state: publishing twice changes
nothing."""

from thidua.organization import rules


def can_manage(user) -> bool:
    """Opens the office's pages of the honours: the examples, awards and initiatives to
    choose from."""
    return rules.is_admin(user) or rules.is_office(user)


def _unit_id(item) -> int | None:
    """The unit an example, an award or an initiative belongs to (None for an example
    whose subject is not chosen yet)."""
    person = getattr(item, "person", None) if getattr(item, "person_id", None) else None
    return person.unit_id if person is not None else getattr(item, "unit_id", None)


def _office_for(user, item) -> bool:
    unit_id = _unit_id(item)
    return can_manage(user) and (unit_id is None or rules.can_see_unit(user, unit_id))


def can_write_example(user, example) -> bool:
    """Writes or changes an outstanding example (saving never publishes it)."""
    return _office_for(user, example)


def can_publish(user, item) -> bool:
    """Puts an example, a decided award or a recognised initiative on the public page,
    or takes it off."""
    return _office_for(user, item)
