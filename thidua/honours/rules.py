"""Who chooses what the public honours page shows. Reading the public page needs no
account; choosing, writing and publishing is the office's work."""

from thidua.organization import rules


def can_manage(user) -> bool:
    return rules.is_admin(user) or rules.is_office(user)
