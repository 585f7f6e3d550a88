"""Who may see and run council meetings, who may vote, and conflicts of interest: one
predicate per move, `can_<move>(user, meeting)`, built on `organization.rules`. The
services ask them before each change, the pages to show a move's button and before
running it, and the API through the services.

The office prepares meetings, seats members, puts proposals on the agenda and issues
the minutes; a member seated at a meeting votes, never on a proposal of their own unit
or about themselves. A meeting has no workflow state of its own: it is open until its
minutes are issued (a once-only change, `core.history.update_once`), which the
services check."""

from django.utils.translation import gettext

from thidua.organization import rules as org
from thidua.organization.enums import Role


def sees_meetings(user) -> bool:
    return org.is_admin(user) or org.is_office(user) or org.is_director(user) or org.is_council(user)


def is_office(user) -> bool:
    """The office's desk (and the system administrator)."""
    return org.is_admin(user) or org.is_office(user)


def can_prepare(user) -> bool:
    """Creates a meeting, seated by default with the council of the account's agency."""
    return is_office(user)


def can_edit(user, meeting) -> bool:
    """Changes the title, date, place, chair, secretary, figures and who is seated
    (while the meeting is open: the service checks)."""
    return is_office(user)


def can_add_item(user, meeting) -> bool:
    """Puts a proposal on the agenda (each proposal also through
    `proposals.rules.can_send_to_council`)."""
    return is_office(user)


def can_vote(user, meeting) -> bool:
    """A member seated at this meeting; `conflict` says on which proposals they may not."""
    return getattr(user, "is_authenticated", False) and meeting.members.filter(user=user).exists()


def can_close(user, meeting) -> bool:
    """Issues the minutes: the votes become final."""
    return is_office(user)


def member_units(user) -> set[int]:
    """Units a member works in: a proposal about any of them is a conflict."""
    person = org.person_of(user)
    units = set(org.units_with_role(user, Role.STAFF)) | set(org.units_with_role(user, Role.UNIT_HEAD))
    if person is not None:
        units.add(person.unit_id)
    return units


def conflict(user, proposal) -> str | None:
    """Why this member may not vote on this proposal, or None."""
    person = org.person_of(user)
    if person is not None and proposal.person_id == person.pk:
        return gettext("Bạn không biểu quyết đề nghị khen thưởng cho chính mình: xung đột lợi ích.")
    if proposal.subject_unit_id in member_units(user):
        return gettext("Bạn không biểu quyết đề nghị của đơn vị mình («%(unit)s»): xung đột lợi ích.") % {
            "unit": proposal.subject_unit.name
        }
    return None


def is_director(user) -> bool:
    return org.is_director(user)


def can_found(user) -> bool:
    """Prints the decision establishing the council and its Quy chế for signature."""
    return is_office(user) or is_director(user)


def can_invite(user, meeting) -> bool:
    """Prints the invitation to a meeting (Giấy mời họp Hội đồng)."""
    return can_edit(user, meeting)
