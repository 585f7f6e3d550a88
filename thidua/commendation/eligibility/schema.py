"""Checking the JSON facts of the fixed interface (`POST /api/v1/eligibility/evaluate`,
`thidua check_eligibility`) and turning them into `facts` values.

Every bad field is reported with its exact path, e.g. `subjects[0].ratings.2026`, and
nothing else is raised: whatever JSON arrives, the answer is the facts or the list of
errors."""

import re
from typing import Any

from django.utils.translation import gettext

from thidua.commendation.eligibility import facts as f
from thidua.commendation.enums import DisciplineForm
from thidua.core.codes import CommendationForm, CommendationKind, EmulationTitle, QualityRating

YEARS = (1990, 2100)
MAX_SUBJECTS = 10_000
MAX_ITEMS = 1_000
MAX_MEMBERS = 10_000
AWARD_CODES = [*EmulationTitle.values, *CommendationForm.values]
SUBJECT_KEYS = {
    "id",
    "kind",
    "name",
    "ratings",
    "awards",
    "initiatives",
    "research_projects",
    "participates_in_movement",
    "internal_unity",
    "pending_discipline",
    "under_investigation",
    "unresolved_complaint",
    "members",
}


class Checker:
    """Collects errors while reading; every `read_*` returns a clean value or None."""

    def __init__(self):
        self.errors: list[dict] = []

    def fail(self, path: str, message: str) -> None:
        self.errors.append({"path": path, "message": message})

    def obj(self, value, path: str, allowed: set[str]) -> dict | None:
        if not isinstance(value, dict):
            self.fail(path, gettext("Phải là một đối tượng JSON {…}."))
            return None
        for key in sorted(set(value) - allowed):
            self.fail(_join(path, key), gettext("Trường không được hỗ trợ."))
        return value

    def array(self, value, path: str, limit: int) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(path, gettext("Phải là một danh sách […]."))
            return []
        if len(value) > limit:
            self.fail(path, gettext("Tối đa %(limit)s phần tử.") % {"limit": limit})
            return []
        return value

    def year(self, value, path: str) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or not YEARS[0] <= value <= YEARS[1]:
            self.fail(
                path, gettext("Năm phải là số nguyên từ %(low)s đến %(high)s.") % {"low": YEARS[0], "high": YEARS[1]}
            )
            return None
        return value

    def choice(self, value, path: str, allowed, *, nullable: bool = False):
        if value is None and nullable:
            return None
        if not isinstance(value, str) or value not in allowed:
            self.fail(
                path, gettext("Giá trị không hợp lệ; chọn một trong: %(allowed)s.") % {"allowed": ", ".join(allowed)}
            )
            return None
        return value

    def boolean(self, value, path: str, *, nullable: bool = False):
        if (value is None and nullable) or isinstance(value, bool):
            return value
        self.fail(
            path, gettext("Phải là true hoặc false%(null)s.") % {"null": gettext(" hoặc null") if nullable else ""}
        )
        return None

    def text(self, value, path: str, limit: int, *, required: bool = False) -> str:
        if value is None and not required:
            return ""
        if not isinstance(value, str) or (required and not value.strip()) or len(value) > limit:
            self.fail(
                path,
                gettext("Phải là chuỗi ký tự%(required)s, tối đa %(limit)s ký tự.")
                % {"required": gettext(" không rỗng") if required else "", "limit": limit},
            )
            return ""
        return value

    def required(self, data: dict, key: str, path: str) -> bool:
        if key not in data:
            self.fail(_join(path, key), gettext("Thiếu trường bắt buộc."))
            return False
        return True


def _join(path: str, key) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def parse(data: Any) -> tuple[f.EvaluationRequest | None, list[dict]]:
    """The request, or None with the errors (each {"path", "message"})."""
    check = Checker()
    root = check.obj(data, "", {"year", "awards", "subjects"})
    if root is None:
        return None, check.errors
    year = check.year(root.get("year"), "year") if check.required(root, "year", "") else None
    awards = _awards_wanted(check, root)
    subjects = []
    if check.required(root, "subjects", ""):
        items = check.array(root["subjects"], "subjects", MAX_SUBJECTS)
        if not root["subjects"] and isinstance(root["subjects"], list):  # empty, not over the limit
            check.fail("subjects", gettext("Cần ít nhất một đối tượng."))
        subjects = [_subject(check, item, f"subjects[{i}]", year) for i, item in enumerate(items)]
        _unique_ids(check, subjects)
    if check.errors:
        return None, check.errors
    return f.EvaluationRequest(year=year, subjects=tuple(subjects), awards=awards), []


def _awards_wanted(check: Checker, root: dict) -> tuple[str, ...] | None:
    if root.get("awards") is None:
        return None
    codes = [
        check.choice(code, f"awards[{i}]", AWARD_CODES)
        for i, code in enumerate(check.array(root["awards"], "awards", len(AWARD_CODES) * 4))
    ]
    return tuple(dict.fromkeys(code for code in codes if code))


def _unique_ids(check: Checker, subjects: list) -> None:
    seen = set()
    for index, subject in enumerate(subjects):
        if subject is not None and subject.id in seen:
            check.fail(f"subjects[{index}].id", gettext("Mã đối tượng «%(id)s» bị trùng.") % {"id": subject.id})
        if subject is not None:
            seen.add(subject.id)


def _subject(check: Checker, value, path: str, year: int | None) -> f.SubjectFacts | None:
    data = check.obj(value, path, SUBJECT_KEYS)
    if data is None:
        return None
    ident = check.text(data.get("id"), f"{path}.id", 100, required=True) if check.required(data, "id", path) else ""
    kind = (
        check.choice(data.get("kind"), f"{path}.kind", [f.INDIVIDUAL, f.COLLECTIVE])
        if check.required(data, "kind", path)
        else None
    )
    members = None
    if "members" in data:
        if kind == f.INDIVIDUAL:
            check.fail(f"{path}.members", gettext("Chỉ dùng cho tập thể (kind = collective)."))
        members = tuple(
            _member(check, m, f"{path}.members[{i}]", year)
            for i, m in enumerate(check.array(data["members"], f"{path}.members", MAX_MEMBERS))
        )
    return f.SubjectFacts(
        id=ident,
        kind=kind or f.INDIVIDUAL,
        name=check.text(data.get("name"), f"{path}.name", 300),
        ratings=_ratings(check, data.get("ratings"), f"{path}.ratings"),
        awards=_award_list(check, data.get("awards"), f"{path}.awards", year, year_required=True),
        initiatives=_works(check, data.get("initiatives"), f"{path}.initiatives", "recognised"),
        research_projects=_works(check, data.get("research_projects"), f"{path}.research_projects", "accepted"),
        participates_in_movement=check.boolean(
            data.get("participates_in_movement"), f"{path}.participates_in_movement", nullable=True
        ),
        internal_unity=check.boolean(data.get("internal_unity"), f"{path}.internal_unity", nullable=True),
        pending_discipline=_flag(check, data, "pending_discipline", path),
        under_investigation=_flag(check, data, "under_investigation", path),
        unresolved_complaint=_flag(check, data, "unresolved_complaint", path),
        members=members,
    )


def _flag(check: Checker, data: dict, key: str, path: str) -> bool:
    return bool(check.boolean(data.get(key, False), f"{path}.{key}"))


def _ratings(check: Checker, value, path: str) -> dict[int, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        check.fail(path, gettext('Phải là một đối tượng {"năm": "xếp loại"}.'))
        return {}
    ratings = {}
    for key, rating in value.items():
        if not re.fullmatch(r"[0-9]{4}", key) or not YEARS[0] <= int(key) <= YEARS[1]:
            check.fail(
                f"{path}.{key}",
                gettext("Khóa phải là năm gồm 4 chữ số, từ %(low)s đến %(high)s.")
                % {"low": YEARS[0], "high": YEARS[1]},
            )
            continue
        code = check.choice(rating, f"{path}.{key}", QualityRating.values)
        if code:
            ratings[int(key)] = code
    return ratings


def _award_list(check: Checker, value, path: str, year: int | None, *, year_required: bool) -> tuple:
    awards = []
    for index, item in enumerate(check.array(value, path, MAX_ITEMS)):
        award = _award(check, item, f"{path}[{index}]", year, year_required)
        if award is not None:
            awards.append(award)
    return tuple(awards)


def _award(check: Checker, value, path: str, default_year: int | None, year_required: bool) -> f.AwardFact | None:
    data = check.obj(value, path, {"code", "year", "kind", "achievement", "decision"})
    if data is None:
        return None
    code = check.choice(data.get("code"), f"{path}.code", AWARD_CODES) if check.required(data, "code", path) else None
    if year_required and not check.required(data, "year", path):
        year = None
    else:
        year = check.year(data["year"], f"{path}.year") if "year" in data else default_year
    kind = check.choice(data.get("kind", f.CONG_TRANG), f"{path}.kind", CommendationKind.values)
    achievement = check.text(data.get("achievement"), f"{path}.achievement", 100)
    decision = check.text(data.get("decision"), f"{path}.decision", 200)
    if code is None or year is None or kind is None:
        return None
    return f.AwardFact(code=code, year=year, kind=kind, achievement=achievement, decision=decision)


def _works(check: Checker, value, path: str, done: str) -> tuple:
    items = []
    for index, item in enumerate(check.array(value, path, MAX_ITEMS)):
        where = f"{path}[{index}]"
        data = check.obj(item, where, {"year", "scope", done, "applied"})
        if data is None:
            continue
        present = [check.required(data, key, where) for key in ("year", "scope", done, "applied")]
        if not all(present):
            continue
        values = (
            check.year(data["year"], f"{where}.year"),
            check.choice(data["scope"], f"{where}.scope", f.SCOPES),
            check.boolean(data[done], f"{where}.{done}"),
            check.boolean(data["applied"], f"{where}.applied"),
        )
        if None not in values:
            items.append((f.InitiativeFact if done == "recognised" else f.ResearchFact)(*values))
    return tuple(items)


def _member(check: Checker, value, path: str, year: int | None) -> f.MemberFact | None:
    data = check.obj(value, path, {"rating", "awards", "discipline"})
    if data is None:
        return None
    return f.MemberFact(
        rating=check.choice(data.get("rating"), f"{path}.rating", QualityRating.values, nullable=True),
        awards=_award_list(check, data.get("awards"), f"{path}.awards", year, year_required=False),
        discipline=check.choice(data.get("discipline"), f"{path}.discipline", DisciplineForm.values, nullable=True),
    )
