"""The council members who score, read for all of them at once: their names (for "who
has not scored yet") and the units they work in (a member never scores their own unit or
its people, as `rules.conflict_reason` says for one member). Three queries whatever the
size of the council."""

from dataclasses import dataclass

from thidua.organization.enums import Role
from thidua.organization.models import Membership, User


@dataclass(frozen=True)
class Member:
    user_id: int
    name: str
    unit_ids: frozenset[int]

    def may_score(self, unit_id: int) -> bool:
        """Whether the member scores a subject of this unit (the unit, or its people)."""
        return unit_id not in self.unit_ids


def _name(user: User) -> str:
    person = getattr(user, "person", None)
    return person.full_name if person else (user.get_full_name() or user.username)


def council_members() -> list[Member]:
    """Every active account holding the council role, by name."""
    users = list(
        User.objects.filter(memberships__role=Role.COUNCIL, is_active=True).distinct().select_related("person")
    )
    # The same units as `rules.member_unit_ids`: where the member works or heads, and
    # the unit of their own staff record.
    units: dict[int, set[int]] = {user.pk: set() for user in users}
    for user_id, unit_id in Membership.objects.filter(
        user__in=users, role__in=(Role.STAFF, Role.UNIT_HEAD)
    ).values_list("user_id", "unit_id"):
        units[user_id].add(unit_id)
    for user in users:
        person = getattr(user, "person", None)
        if person is not None:
            units[user.pk].add(person.unit_id)
    members = [Member(user.pk, _name(user), frozenset(units[user.pk])) for user in users]
    return sorted(members, key=lambda m: m.name)
