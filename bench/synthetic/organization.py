"""Generated units, people, accounts and roles.

Department scale: one agency with its leadership, office, three divisions and three
public-service units. Province scale: a provincial emulation office directly under the
province (its account sees the whole province), forty agencies — departments first,
then communes and wards — each with leadership, office, divisions and public-service
units (schools, health stations, hospitals with their wards)."""

import datetime

from django.conf import settings
from django.contrib.auth.hashers import make_password

from bench.synthetic import words
from bench.synthetic.bulk import insert
from bench.synthetic.shape import Agency, GenUnit, World
from thidua.organization.enums import Role, UnitKind
from thidua.organization.models import Membership, Person, Unit, User

HEADLESS_SHARE = 0.08  # units without a head account, as the office's attention panel expects some


def split(total: int, weights: list[float]) -> list[int]:
    """`total` shared in proportion to `weights` (largest remainder), summing exactly."""
    whole = sum(weights)
    raw = [total * w / whole for w in weights]
    shares = [int(r) for r in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: (shares[i] - raw[i], i))
    for i in by_remainder[: total - sum(shares)]:
        shares[i] += 1
    return shares


def person_name(rng, gender: str) -> str:
    middle = rng.choice(words.MIDDLE[gender])
    if rng.random() < 0.25:  # a second middle name: "Nguyễn Thị Thu Hằng"
        middle = f"{middle} {rng.choice(words.MIDDLE[gender][-10:])}"
    return f"{rng.choice(words.SURNAMES)} {middle} {rng.choice(words.GIVEN[gender])}"


# --- units ------------------------------------------------------------------------------
def _agency_rows(world: World, rng) -> list[tuple[str, str, float]]:
    if world.scale.agencies == 1:
        return [("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", 1.0)]
    rows = [(name, short, float(weight)) for name, short, weight in words.AGENCIES]
    places = rng.sample(words.PLACES, world.scale.agencies - len(rows))
    for i, place in enumerate(places):
        kind = "phường" if i % 4 == 0 else "xã"
        rows.append((f"UBND {kind} {place}", f"UBND-{i + 1:02d}", float(words.COMMUNE_WEIGHT)))
    return rows


def _unit_names(short: str, count: int, rng, commune: bool) -> list[tuple[str, str]]:
    """(kind, name) of an agency's units: leadership, office, divisions, public service."""
    rows = [(UnitKind.LEADERSHIP, "Lãnh đạo UBND" if commune else "Ban Giám đốc"), (UnitKind.OFFICE, "Văn phòng")]
    divisions = words.COMMUNE_DIVISIONS if commune else words.DIVISIONS
    n_div = min(len(divisions), max(3, (count - 2) // 12))
    rows += [(UnitKind.DIVISION, name) for name in divisions[:n_div]]
    patterns = words.PUBLIC_SERVICE.get("VILLAGE" if commune else short)
    seen = set()
    while len(rows) < count:
        if patterns:
            name = rng.choice(patterns).format(place=rng.choice(words.PLACES))
        else:
            name = f"{rng.choice(words.OTHER_SERVICE)} {len(rows) - n_div - 1}"
        if name in seen:
            name = f"{name} số {len(rows)}"
        seen.add(name)
        rows.append((UnitKind.PUBLIC_SERVICE, name))
    return rows[:count]


def build_units(world: World, province: Unit) -> None:
    rng = world.rng("units")
    prefix = world.scale.prefix
    world.province_id = province.pk
    agencies = _agency_rows(world, rng)
    created = insert(
        Unit,
        (
            Unit(
                code=f"{prefix}-A{i:02d}",
                name=name,
                short_name=short,
                kind=UnitKind.AGENCY,
                parent=province,
                order=100 + i,
                is_demo=True,
            )
            for i, (name, short, _) in enumerate(agencies, 1)
        ),
    )
    world.agencies = [Agency(unit_id=u.pk, name=u.name, short=u.short_name) for u in created]
    sizes = split(world.scale.units, [w for _, _, w in agencies])
    rows = []  # (agency index, kind, name)
    for index, ((_, short, _), size) in enumerate(zip(agencies, sizes, strict=True)):
        commune = short.startswith("UBND-")
        rows += [(index, kind, name) for kind, name in _unit_names(short, max(size, 5), rng, commune)]
    wards = _ward_rows(rows, rng)
    units = insert(
        Unit,
        (
            Unit(
                code=f"{prefix}-A{a + 1:02d}-U{n:04d}",
                name=name,
                kind=kind,
                order=n,
                parent_id=world.agencies[a].unit_id,
                is_demo=True,
            )
            for n, (a, kind, name) in enumerate(rows, 1)
        ),
    )
    for unit, (a, kind, name) in zip(units, rows, strict=True):
        world.units[unit.pk] = GenUnit(id=unit.pk, agency=a, kind=kind, name=name, code=unit.code)
    _insert_wards(world, units, rows, wards)
    if world.scale.provincial_office:
        _provincial_office(world, province)
    for unit in world.units.values():
        agency = world.agencies[unit.agency]
        if unit.kind == UnitKind.LEADERSHIP and not agency.leadership_id:
            agency.leadership_id = unit.id
        elif unit.kind == UnitKind.OFFICE and not agency.office_id:
            agency.office_id = unit.id
        elif unit.kind in (UnitKind.DIVISION, UnitKind.PUBLIC_SERVICE):
            agency.unit_ids.append(unit.id)
    world.add("đơn vị", len(world.agencies) + len(world.units))


def _ward_rows(rows, rng) -> dict[int, list[str]]:
    """Hospitals get wards (a fourth level of the tree): {row index: ward names}."""
    return {
        i: words.HOSPITAL_WARDS[: rng.randint(3, len(words.HOSPITAL_WARDS))]
        for i, (_, _, name) in enumerate(rows)
        if name.startswith("Bệnh viện")
    }


def _insert_wards(world: World, units, rows, wards) -> None:
    owners, new = [], []
    for i, names in wards.items():
        parent = units[i]
        for k, ward in enumerate(names, 1):
            owners.append(rows[i][0])
            new.append(
                Unit(
                    code=f"{parent.code}-K{k}",
                    name=f"{ward} – {parent.name}",
                    kind=UnitKind.OTHER,
                    parent=parent,
                    order=k,
                    is_demo=True,
                )
            )
    for agency_index, unit in zip(owners, insert(Unit, new), strict=True):
        world.units[unit.pk] = GenUnit(
            id=unit.pk, agency=agency_index, kind=UnitKind.OTHER, name=unit.name, code=unit.code
        )


def _provincial_office(world: World, province: Unit) -> None:
    office = Unit.objects.create(
        code=f"{world.scale.prefix}-BTDKT",
        name="Ban Thi đua – Khen thưởng tỉnh",
        short_name="BTĐKT",
        kind=UnitKind.OFFICE,
        parent=province,
        order=99,
        is_demo=True,
    )
    world.agencies.append(Agency(unit_id=province.pk, name=province.name, short="TQ", office_id=office.pk))
    world.units[office.pk] = GenUnit(
        id=office.pk, agency=len(world.agencies) - 1, kind=UnitKind.OFFICE, name=office.name, code=office.code
    )


# --- people -------------------------------------------------------------------------------
PEOPLE_RANGE = {
    UnitKind.LEADERSHIP: (3, 4),
    UnitKind.OFFICE: (6, 14),
    UnitKind.DIVISION: (4, 12),
    UnitKind.PUBLIC_SERVICE: (10, 70),
    UnitKind.OTHER: (8, 25),
}


def build_people(world: World) -> None:
    rng = world.rng("people")
    units = list(world.units.values())
    weights = [rng.uniform(*PEOPLE_RANGE[u.kind]) for u in units]
    sizes = [max(2, n) for n in split(world.scale.people, weights)]
    prefix, number, pending = world.scale.prefix, 0, []
    for unit, size in zip(units, sizes, strict=True):
        for index in range(size):
            number += 1
            gender = rng.choice([words.MALE, words.FEMALE])
            head, deputy, staff = words.POSITIONS[unit.kind]
            pending.append(
                (
                    unit,
                    Person(
                        code=f"{prefix}-{number:06d}",
                        full_name=person_name(rng, gender),
                        gender=gender,
                        unit_id=unit.id,
                        category=rng.choice(words.CATEGORY_BY_KIND[unit.kind]),
                        position=head if index == 0 else deputy if index in (1, 2) else staff,
                        birth_date=datetime.date(rng.randint(1966, 2002), rng.randint(1, 12), rng.randint(1, 28)),
                        ethnicity=rng.choice(words.ETHNICITIES),
                        is_demo=True,
                    ),
                )
            )
    people = insert(Person, [p for _, p in pending])
    for (unit, _), person in zip(pending, people, strict=True):
        unit.people.append(person.pk)
        world.person_names[person.pk] = person.full_name
    world.add("cán bộ", len(people))


# --- accounts -------------------------------------------------------------------------------
def build_accounts(world: World) -> None:
    """The office, director and two council members of each agency, the provincial
    office at province scale, and a head for most units. One password hash for all
    (the demo password): hashing is deliberately slow."""
    rng = world.rng("accounts")
    password = make_password(settings.DEMO_PASSWORD)
    pending: list[tuple[User, list[tuple[str, int]], int | None, str]] = []
    base = world.scale.prefix.lower()
    for a, agency in enumerate(world.agencies):
        name = base if world.scale.agencies == 1 or agency.unit_id == world.province_id else f"{base}-a{a + 1:02d}"
        office_people = world.units[agency.office_id].people
        pending.append(
            (
                User(username=f"{name}-vanphong"),
                [(Role.OFFICE, agency.office_id), (Role.STAFF, agency.office_id)],
                office_people[1] if len(office_people) > 1 else None,
                f"office:{a}",
            )
        )
        for c in (1, 2):
            pending.append(
                (
                    User(username=f"{name}-hoidong{c}"),
                    [(Role.COUNCIL, agency.office_id)],
                    office_people[2 + c] if len(office_people) > 2 + c else None,
                    f"council:{a}",
                )
            )
        if agency.leadership_id:
            leader = world.units[agency.leadership_id].people[0]
            pending.append(
                (
                    User(username=f"{name}-giamdoc"),
                    [(Role.DIRECTOR, agency.leadership_id), (Role.COUNCIL, agency.leadership_id)],
                    leader,
                    f"director:{a}",
                )
            )
    for unit in world.units.values():
        if unit.kind in (UnitKind.LEADERSHIP, UnitKind.OFFICE) or rng.random() < HEADLESS_SHARE:
            continue
        # The head of unit GEN-P-A01-U0005 signs in as gen-p-a01-u0005.
        pending.append(
            (
                User(username=unit.code.lower()),
                [(Role.UNIT_HEAD, unit.id), (Role.STAFF, unit.id)],
                unit.people[0],
                f"head:{unit.id}",
            )
        )
    for user, *_ in pending:
        user.password, user.email = password, f"{user.username}@sinh.thidua.local"
    users = insert(User, [u for u, *_ in pending])
    _link(world, users, pending)


def _link(world: World, users, pending) -> None:
    memberships, person_users = [], {}
    for user, (_, roles, person_id, what) in zip(users, pending, strict=True):
        memberships += [Membership(user_id=user.pk, role=role, unit_id=unit_id) for role, unit_id in roles]
        if person_id:
            person_users[person_id] = user.pk
        kind, _, key = what.partition(":")
        if kind == "head":
            world.units[int(key)].head_user_id = user.pk
            continue
        agency = world.agencies[int(key)]
        if kind == "office":
            agency.office_user_id = user.pk
        elif kind == "director":
            agency.director_user_id = user.pk
            agency.council_user_ids.insert(0, user.pk)
        else:
            agency.council_user_ids.append(user.pk)
    insert(Membership, memberships)
    people = list(Person.objects.filter(pk__in=list(person_users)))
    for person in people:
        person.user_id = person_users[person.pk]
    Person.objects.bulk_update(people, ["user"], batch_size=2000)
    office = world.agencies[-1] if world.scale.provincial_office else world.agencies[0]
    world.office_user_id = office.office_user_id
    world.add("tài khoản", len(users))
    world.add("vai trò", len(memberships))
