"""Each member's seat on the council (Chủ tịch, Phó Chủ tịch, Ủy viên, Thư ký) as the
documents print it. A meeting stores its members' seats (`MeetingMember.role`, set on the
meeting's form), and every document about the meeting prints those. The decision
establishing the council has no meeting: there the director presides, a deputy director
is a vice-chair, the latest meeting's secretary is the secretary and the others are
members."""

from thidua.council.enums import ROLE_ORDER, CouncilRole
from thidua.organization.rules import name_of, person_of

DEPUTY = "phó giám đốc"


def position_of(user) -> str:
    """The person's position, or their category (Công chức, Viên chức …) without one."""
    person = person_of(user)
    if person is None:
        return ""
    return person.position or person.get_category_display()


def seat_of(user, chair_id: int | None, secretary_id: int | None) -> CouncilRole:
    """The seat an account would take on a council it has not met in yet."""
    if user.pk == chair_id:
        return CouncilRole.CHAIR
    if user.pk == secretary_id:
        return CouncilRole.SECRETARY
    person = person_of(user)
    if person is not None and person.position.lower().startswith(DEPUTY):
        return CouncilRole.VICE_CHAIR
    return CouncilRole.MEMBER


def ranked(users, chair_id: int | None, secretary_id: int | None) -> list[tuple[object, str]]:
    """(account, seat's name), the chair first, then by name."""
    rows = [(u, seat_of(u, chair_id, secretary_id)) for u in users]
    rows.sort(key=lambda row: (ROLE_ORDER.index(row[1]), name_of(row[0])))
    return [(user, seat.label) for user, seat in rows]


def council_roles(meeting) -> list[tuple[str, str]]:
    """(name, seat) of the members seated at a meeting, as stored for it, the chair first."""
    members = list(meeting.members.select_related("user__person"))
    members.sort(key=lambda m: (ROLE_ORDER.index(m.role), name_of(m.user)))
    return [(name_of(m.user), m.get_role_display()) for m in members]
