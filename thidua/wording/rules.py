"""Who may change the documents' fixed texts and legal bases: the office (and the
system administrator)."""

from thidua.organization import rules as org


def can_edit_wording(user) -> bool:
    return org.is_admin(user) or org.is_office(user)
