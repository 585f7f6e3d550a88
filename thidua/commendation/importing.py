"""Importing yearly quality ratings from an Excel sheet «Xếp loại»: one row per person
(by «Mã cán bộ») or per unit (by «Mã đơn vị») and year.

Like the import of units and people, the whole file is checked first and one wrong cell
means nothing is imported; each problem names its row and column and how to fix it.
Importing the same file again changes nothing."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext, override
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from thidua.commendation import rules
from thidua.commendation.models import YearlyRating
from thidua.commendation.services import set_rating
from thidua.core import params
from thidua.core.codes import QualityRating
from thidua.core.excel_import import (
    Counts,
    RowError,
    cell_int,
    cell_text,
    file_name,
    find_sheet,
    match_headers,
    open_workbook,
    sheet_rows,
)
from thidua.core.history import snapshot
from thidua.core.text import fold
from thidua.documents.safe_cells import workbook_bytes
from thidua.organization.models import Person, Unit, User

SHEET = "Xếp loại"
# field, header, required
COLUMNS = [
    ("year", "Năm", True),
    ("person", "Mã cán bộ", False),
    ("name", "Họ và tên", False),
    ("unit", "Mã đơn vị", False),
    ("rating", "Xếp loại", True),
    ("movement", "Tích cực tham gia phong trào", False),
    ("unity", "Nội bộ đoàn kết", False),
    ("note", "Ghi chú", False),
]
HEADERS = {field: header for field, header, _ in COLUMNS}
YES, NO = {"co", "x", "yes", "1", "dat"}, {"khong", "no", "0", "khong dat"}


@dataclass
class ImportResult(Counts):
    errors: list[RowError] = field(default_factory=list)

    def summary(self) -> str:
        return gettext("Xếp loại: %(created)s thêm mới, %(updated)s cập nhật, %(unchanged)s không thay đổi.") % {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }


@dataclass
class _Row:
    number: int
    subject: Person | Unit
    year: int
    rating: str
    movement: bool | None
    unity: bool | None
    note: str


def import_ratings(file, *, actor: User) -> ImportResult:
    """Check every row, then save them all in one transaction, or none."""
    errors: list[RowError] = []
    rows = _read(file, errors)
    checked = _check(rows, actor, errors) if not errors else []
    if errors:
        return ImportResult(errors=errors)
    return _apply(checked, actor=actor, note=_note(file))


def _note(file) -> str:
    return gettext("Nhập xếp loại từ tệp %(name)s") % {"name": file_name(file) or "Excel"}


def _read(file, errors: list[RowError]) -> list[tuple[int, dict]]:
    book = open_workbook(file, errors)
    if book is None:
        return []
    try:
        sheet = find_sheet(book, SHEET, errors, gettext("Đặt tên trang đúng như tệp mẫu."))
        return _rows(sheet_rows(sheet), errors) if sheet is not None else []
    finally:
        book.close()


def _rows(values: list[tuple], errors: list[RowError]) -> list[tuple[int, dict]]:
    if not values:
        errors.append(RowError(SHEET, None, None, gettext("Trang không có dữ liệu."), gettext("Điền từ dòng 2.")))
        return []
    positions = match_headers(values[0], {header: name for name, header, _ in COLUMNS})
    for name, header, required in COLUMNS:
        if required and name not in positions:
            errors.append(
                RowError(
                    SHEET,
                    1,
                    header,
                    gettext("Thiếu cột bắt buộc «%(column)s».") % {"column": header},
                    gettext("Thêm cột này vào dòng tiêu đề, đúng như tệp mẫu."),
                )
            )
    rows = []
    for number, row in enumerate(values[1:], start=2):
        cells = {name: cell_text(row[i]) if i < len(row) else "" for name, i in positions.items()}
        if any(cells.get(name) for name in ("year", "person", "unit", "rating")):
            rows.append((number, cells))
    if not rows and not errors:
        errors.append(
            RowError(
                SHEET,
                None,
                None,
                gettext("Tệp không có dòng dữ liệu nào."),
                gettext("Nhập mỗi cán bộ hoặc đơn vị một dòng, từ dòng 2."),
            )
        )
    return rows


def _check(rows, actor, errors: list[RowError]) -> list[_Row]:
    people = Person.objects.in_bulk({c.get("person") for _, c in rows if c.get("person")}, field_name="code")
    units = Unit.objects.in_bulk({c.get("unit") for _, c in rows if c.get("unit")}, field_name="code")
    checked, seen = [], {}
    for number, cells in rows:
        row = _check_row(number, cells, people, units, actor, errors)
        if row is None:
            continue
        key = (type(row.subject).__name__, row.subject.pk, row.year)
        if key in seen:
            errors.append(
                _error(
                    number,
                    "person" if isinstance(row.subject, Person) else "unit",
                    gettext("Trùng với dòng %(row)s (cùng đối tượng, cùng năm).") % {"row": seen[key]},
                    gettext("Giữ một dòng cho mỗi đối tượng mỗi năm."),
                )
            )
        seen[key] = number
        checked.append(row)
    return checked


def _error(number: int, name: str, problem: str, fix: str) -> RowError:
    return RowError(SHEET, number, HEADERS[name], problem, fix)


def _check_row(number, cells, people, units, actor, errors) -> _Row | None:
    before = len(errors)
    year = _year(number, cells.get("year", ""), errors)
    subject = _subject(number, cells, people, units, actor, errors)
    rating = _rating(number, cells.get("rating", ""), errors)
    movement = _yes_no(number, "movement", cells.get("movement", ""), errors)
    unity = _yes_no(number, "unity", cells.get("unity", ""), errors)
    if len(errors) > before:
        return None
    return _Row(number, subject, year, rating, movement, unity, cells.get("note", "")[:300])


def _year(number: int, value: str, errors) -> int | None:
    if not params.is_year(cell_int(value)):
        errors.append(
            _error(
                number,
                "year",
                gettext("Năm «%(value)s» không hợp lệ.") % {"value": value},
                gettext("Nhập năm gồm 4 chữ số, ví dụ 2026."),
            )
        )
        return None
    return int(value)


def _subject(number, cells, people, units, actor, errors):
    person_code, unit_code = cells.get("person", ""), cells.get("unit", "")
    if bool(person_code) == bool(unit_code):
        errors.append(
            _error(
                number,
                "person",
                gettext("Cần đúng một trong hai: «Mã cán bộ» hoặc «Mã đơn vị»."),
                gettext("Ghi mã cán bộ để xếp loại cá nhân, hoặc chỉ mã đơn vị để xếp loại tập thể."),
            )
        )
        return None
    name, subject = ("person", people.get(person_code)) if person_code else ("unit", units.get(unit_code))
    if subject is None:
        errors.append(
            _error(
                number,
                name,
                gettext("Không có mã «%(code)s» trong hệ thống.") % {"code": person_code or unit_code},
                gettext("Kiểm tra lại mã trong danh sách cán bộ, đơn vị."),
            )
        )
    elif not rules.can_rate(actor, subject):
        errors.append(
            _error(
                number,
                name,
                gettext("Bạn không được nhập xếp loại cho «%(name)s».") % {"name": subject},
                gettext("Chỉ nhập xếp loại cán bộ của đơn vị mình; xếp loại tập thể do Văn phòng nhập."),
            )
        )
        return None
    return subject


def _rating_lookup() -> dict[str, str]:
    lookup = {fold(code): code for code in QualityRating.values}
    lookup |= {fold(str(label)): code for code, label in QualityRating.choices}
    with override("vi"):  # the Vietnamese names are accepted whatever the interface language
        lookup |= {fold(str(label)): code for code, label in QualityRating.choices}
    return lookup


def _rating(number: int, value: str, errors) -> str | None:
    lookup = _rating_lookup()
    code = lookup.get(fold(value))
    if code is None:
        allowed = ", ".join(f"{label} ({code})" for code, label in QualityRating.choices)
        errors.append(
            _error(
                number,
                "rating",
                gettext("Xếp loại «%(value)s» không hợp lệ.") % {"value": value},
                gettext("Chọn một trong: %(allowed)s.") % {"allowed": allowed},
            )
        )
    return code


def _yes_no(number: int, name: str, value: str, errors) -> bool | None:
    folded = fold(value)
    if not folded:
        return None
    if folded in YES or folded in NO:
        return folded in YES
    errors.append(
        _error(
            number,
            name,
            gettext("«%(value)s» không hợp lệ.") % {"value": value},
            gettext("Ghi «Có» hoặc «Không», hoặc để trống nếu chưa xác nhận."),
        )
    )
    return None


@transaction.atomic
def _apply(rows: list[_Row], *, actor: User, note: str) -> ImportResult:
    result = ImportResult()
    for row in rows:
        stored = YearlyRating.objects.for_subject(row.subject).filter(year=row.year).first()
        before = snapshot(stored) if stored else None
        saved = set_rating(
            actor=actor,
            subject=row.subject,
            year=row.year,
            rating=row.rating,
            participates_in_movement=row.movement,
            internal_unity=row.unity,
            note=row.note,
            log_note=note,
        )
        result.add("created" if before is None else ("unchanged" if snapshot(saved) == before else "updated"))
    return result


def template_workbook(people, units, year: int) -> bytes:
    """The sheet to fill: one row per person (and unit) the user may rate, with the
    year filled in and the allowed values on a guide sheet."""
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([header + (" *" if required else "") for _, header, required in COLUMNS])
    for cell in sheet[1]:
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for person in people:
        sheet.append([year, person.code, person.full_name, "", "", "", "", ""])
    for unit in units:
        sheet.append([year, "", unit.name, unit.code, "", "", "", ""])
    for letter, width in zip("ABCDEFGH", (8, 14, 30, 14, 14, 16, 14, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    guide = book.create_sheet("Hướng dẫn")
    guide.append(
        [
            "Mỗi dòng một cán bộ (ghi «Mã cán bộ») hoặc một đơn vị (chỉ ghi «Mã đơn vị»). "
            "Tệp có lỗi thì không dòng nào được nhập."
        ]
    )
    guide.append(["Xếp loại", "Mã"])
    for code, label in QualityRating.choices:
        guide.append([str(label), code])
    guide.append(["«Tích cực tham gia phong trào», «Nội bộ đoàn kết» (chỉ với đơn vị): Có / Không / để trống."])
    return workbook_bytes(book)
