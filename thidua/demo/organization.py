"""The illustrative department of `make run`: its divisions and units, about forty
generated people (marked demo), and one account per role. Idempotent: what exists is
kept as it is, so a second run duplicates nothing and loses nothing entered since."""

import datetime
import random
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from thidua.core.history import record
from thidua.organization.enums import Category, Gender, Role, UnitKind
from thidua.organization.models import Membership, Person, Unit, User

SEED = 2026

# (code, name, kind, order)
UNITS = [
    ("BGD", "Ban Giám đốc", UnitKind.LEADERSHIP, 1),
    ("VP", "Văn phòng Sở", UnitKind.OFFICE, 2),
    ("XDKT", "Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật", UnitKind.DIVISION, 3),
    ("PBGD", "Phòng Phổ biến, giáo dục pháp luật và Hành chính tư pháp", UnitKind.DIVISION, 4),
    ("BTTP", "Phòng Bổ trợ tư pháp", UnitKind.DIVISION, 5),
    ("TGPL", "Trung tâm Trợ giúp pháp lý nhà nước", UnitKind.PUBLIC_SERVICE, 6),
    ("CC1", "Phòng Công chứng số 1", UnitKind.PUBLIC_SERVICE, 7),
    ("DGTS", "Trung tâm Dịch vụ đấu giá tài sản", UnitKind.PUBLIC_SERVICE, 8),
]
STAFF_PER_UNIT = {"VP": 7, "XDKT": 5, "PBGD": 6, "BTTP": 5, "TGPL": 6, "CC1": 5, "DGTS": 4}

SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Ma",
    "Hà",
    "Nông",
    "Triệu",
    "Lý",
    "Giàng",
]
MIDDLE = {
    Gender.MALE: ["Văn", "Đức", "Quang", "Minh", "Hữu", "Tiến"],
    Gender.FEMALE: ["Thị", "Thu", "Ngọc", "Thanh", "Thùy", "Hồng"],
}
GIVEN = {
    Gender.MALE: ["Đạt", "Hùng", "Dũng", "Tuấn", "Long", "Thắng", "Khải", "Sơn", "Bình", "Cường", "Định", "Phúc"],
    Gender.FEMALE: ["Hương", "Lan", "Hoa", "Mai", "Thảo", "Linh", "Yến", "Nga", "Trang", "Dung", "Hạnh", "Đào"],
}
ETHNICITIES = ["Kinh"] * 7 + ["Tày", "Dao", "H'Mông"]
CATEGORY_BY_KIND = {
    UnitKind.PUBLIC_SERVICE: [Category.VIEN_CHUC] * 4 + [Category.NGUOI_LAO_DONG],
    UnitKind.DIVISION: [Category.CONG_CHUC] * 5 + [Category.NGUOI_LAO_DONG],
    UnitKind.OFFICE: [Category.CONG_CHUC] * 4 + [Category.NGUOI_LAO_DONG],
}


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: Role
    unit_code: str
    person_code: str
    label: str


ACCOUNTS = [
    DemoAccount("vanphong", Role.OFFICE, "VP", "VP-02", "Văn phòng Sở — cán bộ phụ trách TĐKT"),
    DemoAccount("truongphong", Role.UNIT_HEAD, "PBGD", "PBGD-01", "Trưởng phòng PBGDPL và HCTP (đơn vị A)"),
    DemoAccount("chuyenvien", Role.STAFF, "PBGD", "PBGD-02", "Chuyên viên của đơn vị A"),
    DemoAccount("truongphong2", Role.UNIT_HEAD, "TGPL", "TGPL-01", "Giám đốc Trung tâm TGPL (đơn vị B)"),
    DemoAccount("hoidong", Role.COUNCIL, "VP", "VP-03", "Thành viên Hội đồng TĐKT (Chủ tịch Công đoàn)"),
    DemoAccount("giamdoc", Role.DIRECTOR, "BGD", "BGD-01", "Giám đốc Sở"),
    DemoAccount("quantri", Role.ADMIN, "VP", "VP-07", "Quản trị hệ thống"),
]
LEADERS = [
    # The Director is the plan's signer; the deputies are generated.
    ("BGD-01", "Nguyễn Khánh Lâm", Gender.MALE, "Giám đốc", False),
    ("BGD-02", None, Gender.FEMALE, "Phó Giám đốc", True),
    ("BGD-03", None, Gender.MALE, "Phó Giám đốc", True),
]


def _name(rng: random.Random, gender: str) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE[gender])} {rng.choice(GIVEN[gender])}"


def _position(unit: Unit, index: int) -> str:
    if index == 1:
        return {"VP": "Chánh Văn phòng", UnitKind.PUBLIC_SERVICE: "Giám đốc"}.get(unit.code) or (
            "Giám đốc" if unit.kind == UnitKind.PUBLIC_SERVICE else "Trưởng phòng"
        )
    if index == 2 and unit.code != "VP":
        return "Phó Giám đốc" if unit.kind == UnitKind.PUBLIC_SERVICE else "Phó Trưởng phòng"
    return {"VP": "Chuyên viên", "CC1": "Công chứng viên", "TGPL": "Trợ giúp viên pháp lý"}.get(
        unit.code, "Chuyên viên"
    )


def _ensure_units(agency: Unit) -> dict[str, Unit]:
    units = {}
    for code, name, kind, order in UNITS:
        unit, created = Unit.objects.get_or_create(
            code=code, defaults={"name": name, "kind": kind, "order": order, "parent": agency, "is_demo": True}
        )
        if created:
            record(actor=None, obj=unit, action="created", note="Dữ liệu minh họa")
        units[code] = unit
    return units


def _person_rows(units: dict[str, Unit]) -> list[dict]:
    """Every demo person's values, generated the same way on every run."""
    rng = random.Random(SEED)
    rows = []
    for code, name, gender, position, is_demo in LEADERS:
        rows.append(
            {
                "code": code,
                "full_name": name or _name(rng, gender),
                "gender": gender,
                "position": position,
                "unit": units["BGD"],
                "category": Category.CAN_BO if code == "BGD-01" else Category.CONG_CHUC,
                "is_demo": is_demo,
            }
        )
    for unit_code, count in STAFF_PER_UNIT.items():
        unit = units[unit_code]
        for index in range(1, count + 1):
            gender = rng.choice([Gender.MALE, Gender.FEMALE])
            rows.append(
                {
                    "code": f"{unit_code}-{index:02d}",
                    "full_name": _name(rng, gender),
                    "gender": gender,
                    "position": _position(unit, index),
                    "unit": unit,
                    "category": rng.choice(CATEGORY_BY_KIND[unit.kind]),
                    "is_demo": True,
                }
            )
    for row in rows:
        row["birth_date"] = datetime.date(rng.randint(1968, 2000), rng.randint(1, 12), rng.randint(1, 28))
        row["ethnicity"] = rng.choice(ETHNICITIES)
    return rows


def _ensure_people(units: dict[str, Unit]) -> int:
    existing = set(
        Person.objects.filter(code__in=[r["code"] for r in _person_rows(units)]).values_list("code", flat=True)
    )
    created = 0
    for row in _person_rows(units):
        if row["code"] in existing:
            continue
        person = Person.objects.create(**row)
        record(actor=None, obj=person, action="created", note="Dữ liệu minh họa")
        created += 1
    return created


def _ensure_account(username: str, person: Person, *, superuser: bool = False) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        # The demo password is published: outside demo mode (DEMO_MODE off) the owner
        # must replace it at first sign-in (accounts.middleware).
        user = User(
            username=username,
            is_staff=superuser,
            is_superuser=superuser,
            email=f"{username}@demo.thidua.local",
            must_change_password=True,
        )
        user.set_password(settings.DEMO_PASSWORD)
        user.save()
    if person.user_id is None:
        person.user = user
        person.save(update_fields=["user"])
    return user


def _ensure_role(user: User, role: str, unit: Unit) -> None:
    membership, created = Membership.objects.get_or_create(user=user, role=role, unit=unit)
    if created:
        record(actor=None, obj=membership, action="created", note="Dữ liệu minh họa")


@transaction.atomic
def load_demo(agency: Unit) -> dict:
    units = _ensure_units(agency)
    created = _ensure_people(units)
    people = {p.code: p for p in Person.objects.filter(code__in=[a.person_code for a in ACCOUNTS])}
    for account in ACCOUNTS:
        user = _ensure_account(account.username, people[account.person_code], superuser=account.role == Role.ADMIN)
        _ensure_role(user, account.role, units[account.unit_code])
        if account.role in (Role.UNIT_HEAD, Role.OFFICE, Role.COUNCIL):
            _ensure_role(user, Role.STAFF, units[account.unit_code])
        if account.role == Role.DIRECTOR:  # the Director chairs the council
            _ensure_role(user, Role.COUNCIL, units[account.unit_code])
    return {"units": len(units), "people_created": created, "accounts": len(ACCOUNTS)}
