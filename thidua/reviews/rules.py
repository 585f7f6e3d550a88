"""Who sets and freezes a review, and who reads which figures. Built on
`organization.rules`: the office sets the date and freezes; everyone signed in reads the
department's figures; a unit's own figures are read by those who may see the unit."""

from thidua.organization import rules


def can_manage(user) -> bool:
    return rules.is_admin(user) or rules.is_office(user)


def can_see_unit(user, unit) -> bool:
    return rules.can_see_unit(user, unit)
