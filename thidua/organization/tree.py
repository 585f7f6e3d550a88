"""The unit tree read in one query over (id, parent, kind): the tree is at most a few
thousand units even for a whole province, so walking it in Python beats storing a
derived path. Scopes, subtrees and the agency above a unit all use these rows."""

from thidua.organization.enums import UnitKind


class UnitTree:
    def __init__(self) -> None:
        from thidua.organization.models import Unit

        rows = list(Unit.objects.values_list("id", "parent_id", "kind"))
        self.size = len(rows)
        self.parents = {uid: parent for uid, parent, _ in rows}
        self.kinds = {uid: kind for uid, _, kind in rows}
        self.children: dict[int | None, list[int]] = {}
        for uid, parent, _ in rows:
            self.children.setdefault(parent, []).append(uid)

    def agency_of(self, unit_id: int) -> int:
        """The nearest agency (or the province) at or above the unit."""
        current = unit_id
        while current is not None:
            if self.kinds.get(current) in (UnitKind.AGENCY, UnitKind.PROVINCE):
                return current
            current = self.parents.get(current)
        return unit_id

    def subtree(self, roots) -> set[int]:
        """Ids of `roots` (ids or units) and every unit under them."""
        found, stack = set(), [r if isinstance(r, int) else r.pk for r in roots]
        while stack:
            current = stack.pop()
            if current not in found:
                found.add(current)
                stack.extend(self.children.get(current, []))
        return found
