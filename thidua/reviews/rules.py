"""Who sets and freezes a review, and who reads which figures: one predicate per move,
`can_<move>(user, obj)`, built on `organization.rules`. The office sets the date and
freezes; everyone signed in reads the department's figures; a unit's own figures are
read by those who may see the unit. The services ask them before each change and the
pages before showing or running a button. A review has no workflow state: freezing is
a once-only change (`core.history.update_once`)."""

from thidua.organization import rules


def is_office(user) -> bool:
    return rules.is_admin(user) or rules.is_office(user)


def can_schedule(user, phase) -> bool:
    """Sets or moves the date a phase's review freezes its figures."""
    return is_office(user)


def can_freeze(user, review) -> bool:
    return is_office(user)


def can_write_texts(user, review) -> bool:
    """Writes the office's assessment in the review report (results, strengths, lessons…)."""
    return is_office(user)


def can_see_unit(user, unit) -> bool:
    return rules.can_see_unit(user, unit)
