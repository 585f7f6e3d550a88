"""Who heads a unit, as the organisation data says: the person whose account holds the
unit's "Thủ trưởng đơn vị" role, or else the person of the unit whose position is a
head's (Trưởng phòng, Chánh Văn phòng, Giám đốc of a centre …, never a deputy). Used
where a document prints the head's name under the signature."""

from thidua.core.text import fold
from thidua.organization.enums import Role
from thidua.organization.models import Person, Unit

# Positions that head a unit, folded; a deputy ("Phó …") never does.
HEAD_POSITIONS = ("truong phong", "chanh van phong", "chanh thanh tra", "giam doc", "truong ban", "thu truong")


def is_head_position(position: str) -> bool:
    folded = fold(position or "").strip()
    return not folded.startswith("pho") and folded.startswith(HEAD_POSITIONS)


def head_of(unit: Unit | None) -> Person | None:
    """The unit's head, or None when the organisation data names nobody. Two queries."""
    if unit is None:
        return None
    by_role = (
        Person.objects.current()
        .filter(user__memberships__role=Role.UNIT_HEAD, user__memberships__unit=unit)
        .order_by("full_name", "id")
        .first()
    )
    if by_role is not None:
        return by_role
    staff = Person.objects.current().filter(unit=unit).exclude(position="").order_by("id")
    return next((p for p in staff.only("id", "full_name", "position") if is_head_position(p.position)), None)
