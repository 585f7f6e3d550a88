"""Importing units and people from an Excel workbook laid out like the downloadable
template (see `import_template`).

The whole file is checked before anything is written: one wrong cell means nothing is
imported, so the organisation tree never ends up half-loaded. Rows are matched by code,
so importing a corrected file again updates what is there instead of duplicating it.
An empty cell in an optional column keeps what is stored, so a partly filled file never
erases data."""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext, override

from thidua.core import params
from thidua.core.excel_import import (
    DATE_FORMAT,
    Counts,
    RowError,
    cell_text,
    import_note,
    match_headers,
    open_workbook,
    sheet_named,
    sheet_rows,
)
from thidua.core.history import diff, record, snapshot
from thidua.core.models import ActivityLog
from thidua.core.text import fold
from thidua.organization.enums import Category, Gender, UnitKind
from thidua.organization.models import Person, Unit, User

UNIT_SHEET = "Đơn vị"
PERSON_SHEET = "Cán bộ"
EARLIEST_BIRTH = datetime.date(1940, 1, 1)


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    required: bool = False
    help: str = ""
    choices: type[models.TextChoices] | None = None
    aliases: tuple[str, ...] = ()


UNIT_COLUMNS = (
    Column(
        "Mã đơn vị",
        "code",
        True,
        "Mã riêng của đơn vị, không trùng với đơn vị khác. Hệ thống nhận ra đơn vị theo mã: "
        "mã đã có thì cập nhật, mã mới thì thêm mới.",
    ),
    Column("Tên đơn vị", "name", True, "Tên đầy đủ của đơn vị."),
    Column(
        "Mã đơn vị cấp trên",
        "parent",
        False,
        "Mã của đơn vị cấp trên, khai báo ở một dòng khác của trang này hoặc đã có trong hệ thống. "
        "Để trống: đơn vị mới là đơn vị cấp cao nhất, đơn vị đã có giữ nguyên cấp trên.",
    ),
    Column("Loại đơn vị", "kind", True, "Chọn trong danh sách; nhập tên hoặc mã đều được.", UnitKind),
    Column("Thứ tự", "order", False, "Số nguyên không âm để sắp xếp các đơn vị cùng cấp (1, 2, 3…)."),
)

PERSON_COLUMNS = (
    Column(
        "Mã cán bộ",
        "code",
        True,
        "Mã riêng của cán bộ, không trùng với người khác. Mã đã có thì cập nhật, mã mới thì thêm mới.",
    ),
    Column("Họ và tên", "full_name", True, "Họ và tên đầy đủ, có dấu.", aliases=("Họ tên",)),
    Column("Mã đơn vị", "unit", True, "Mã của đơn vị công tác, khai báo ở trang «Đơn vị» hoặc đã có trong hệ thống."),
    Column("Đối tượng", "category", True, "Chọn trong danh sách; nhập tên hoặc mã đều được.", Category),
    Column("Chức vụ", "position", False, "Chức vụ hiện giữ, ví dụ: Trưởng phòng, Chuyên viên."),
    Column("Giới tính", "gender", True, "Chọn trong danh sách; nhập tên hoặc mã đều được.", Gender),
    Column(
        "Ngày sinh",
        "birth_date",
        False,
        "Ngày sinh theo dạng dd/mm/yyyy (ví dụ 15/08/1990), từ năm 1940 đến nay.",
        aliases=("Ngày tháng năm sinh",),
    ),
    Column("Dân tộc", "ethnicity", False, "Ví dụ: Kinh, Tày, Dao. Để trống khi thêm mới thì ghi là Kinh."),
    Column(
        "Thư điện tử",
        "email",
        False,
        "Địa chỉ thư điện tử công vụ, ví dụ ten@tuyenquang.gov.vn.",
        aliases=("Email", "E-mail", "Thư điện tử công vụ"),
    ),
)


@dataclass
class ImportResult:
    units: Counts = field(default_factory=Counts)
    people: Counts = field(default_factory=Counts)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        return "\n".join(
            gettext("%(noun)s: %(created)s thêm mới, %(updated)s cập nhật, %(unchanged)s không thay đổi.")
            % {"noun": noun, "created": c.created, "updated": c.updated, "unchanged": c.unchanged}
            for noun, c in ((gettext("Đơn vị"), self.units), (gettext("Cán bộ"), self.people))
        )


def import_workbook(file, *, actor: User | None) -> ImportResult:
    """Check the whole workbook, then apply it in one transaction or not at all."""
    errors: list[RowError] = []
    sheets = _read_workbook(file, errors)
    if errors:
        return ImportResult(errors=errors)
    units, people = _check_rows(sheets, errors)
    if errors:
        return ImportResult(errors=_sorted(errors))
    return _apply(units, people, actor=actor, note=import_note(file))


def _sorted(errors: list[RowError]) -> list[RowError]:
    order = {UNIT_SHEET: 0, PERSON_SHEET: 1}
    return sorted(errors, key=lambda e: (order.get(e.sheet, -1), e.row or 0))


# --- Reading the workbook ---------------------------------------------------------------


@dataclass
class _Sheet:
    title: str
    columns: tuple[Column, ...]
    rows: list[tuple[int, dict[str, object]]]  # (row as Excel shows it, field → cell value)


def _read_workbook(file, errors: list[RowError]) -> dict[str, _Sheet]:
    workbook = open_workbook(file, errors)
    if workbook is None:
        return {}
    try:
        sheets = _find_sheets(workbook, errors)
    finally:
        workbook.close()
    if not errors and not any(sheet.rows for sheet in sheets.values()):
        errors.append(_no_data_error())
    return sheets


def _find_sheets(workbook, errors: list[RowError]) -> dict[str, _Sheet]:
    sheets = {}
    for title, columns in ((UNIT_SHEET, UNIT_COLUMNS), (PERSON_SHEET, PERSON_COLUMNS)):
        worksheet = sheet_named(workbook, title)
        if worksheet is not None:
            sheets[title] = _read_sheet(worksheet, title, columns, errors)
    if not sheets and _has_any_value(workbook):
        errors.append(
            RowError(
                None,
                None,
                None,
                gettext("Không tìm thấy trang «%(units)s» hoặc trang «%(people)s».")
                % {"units": UNIT_SHEET, "people": PERSON_SHEET},
                gettext("Đặt tên trang đúng như tệp mẫu, hoặc tải tệp mẫu và chép dữ liệu vào đó."),
            )
        )
    return sheets


def _has_any_value(workbook) -> bool:
    return any(cell_text(value) for ws in workbook.worksheets for row in sheet_rows(ws) for value in row)


def _read_sheet(worksheet, title, columns, errors) -> _Sheet:
    rows = sheet_rows(worksheet)
    if not any(cell_text(value) for row in rows for value in row):
        return _Sheet(title, columns, [])  # a blank sheet counts as left out, not as malformed
    positions = match_headers(rows[0], {name: c.field for c in columns for name in (c.header, *c.aliases)})
    for column in columns:
        if column.required and column.field not in positions:
            errors.append(
                RowError(
                    title,
                    1,
                    column.header,
                    gettext("Trang «%(sheet)s» thiếu cột bắt buộc «%(column)s».")
                    % {"sheet": title, "column": column.header},
                    gettext("Thêm cột «%(column)s» vào dòng tiêu đề (dòng 1), đúng như tệp mẫu.")
                    % {"column": column.header},
                )
            )
    data = []
    for number, values in enumerate(rows[1:], start=2):
        cells = {name: values[i] if i < len(values) else None for name, i in positions.items()}
        if any(cell_text(value) for value in cells.values()):
            data.append((number, cells))
    return _Sheet(title, columns, data)


def _no_data_error() -> RowError:
    return RowError(
        None,
        None,
        None,
        gettext("Tệp không có dòng dữ liệu nào."),
        gettext(
            "Nhập dữ liệu vào trang «%(units)s» và/hoặc «%(people)s» từ dòng 2, dưới dòng "
            "tiêu đề; xem ví dụ ở trang «Hướng dẫn» của tệp mẫu."
        )
        % {"units": UNIT_SHEET, "people": PERSON_SHEET},
    )


# --- Checking each row ------------------------------------------------------------------


def _limit(model, name: str) -> int:
    return model._meta.get_field(name).max_length


class _Cells:
    """One data row; each check returns the clean value (None when the cell is empty
    or wrong) and adds an error to the shared list when the cell is wrong."""

    def __init__(self, sheet: _Sheet, number: int, cells: dict, errors: list[RowError]):
        self.sheet, self.number, self.cells, self.errors = sheet, number, cells, errors
        self.columns = {c.field: c for c in sheet.columns}

    def fail(self, name: str, problem: str, fix: str) -> None:
        self.errors.append(RowError(self.sheet.title, self.number, self.columns[name].header, problem, fix))

    def raw(self, name: str) -> str:
        value = cell_text(self.cells.get(name))
        if not value and self.columns[name].required:
            header = self.columns[name].header
            self.fail(
                name,
                gettext("Chưa nhập «%(column)s».") % {"column": header},
                gettext("Nhập «%(column)s» cho dòng này; đây là cột bắt buộc.") % {"column": header},
            )
        return value

    def text(self, name: str, limit: int) -> str | None:
        value = self.raw(name)
        if len(value) > limit:
            header = self.columns[name].header
            self.fail(
                name,
                gettext("«%(column)s» dài %(length)s ký tự, quá giới hạn %(limit)s ký tự.")
                % {"column": header, "length": len(value), "limit": limit},
                gettext("Rút gọn «%(column)s» còn tối đa %(limit)s ký tự.") % {"column": header, "limit": limit},
            )
            return None
        return value or None

    def choice(self, name: str) -> str | None:
        value = self.raw(name)
        choices = self.columns[name].choices
        code = _choice_lookup(choices).get(fold(value))
        if value and code is None:
            allowed = ", ".join(f"{label} ({code})" for code, label in choices.choices)
            header = self.columns[name].header
            self.fail(
                name,
                gettext("%(column)s «%(value)s» không hợp lệ.") % {"column": header, "value": value},
                gettext("Chọn một trong: %(allowed)s.") % {"allowed": allowed},
            )
        return code

    def integer(self, name: str) -> int | None:
        value = self.raw(name)
        number = params.to_int(value)
        if value and number is None:
            header = self.columns[name].header
            self.fail(
                name,
                gettext("%(column)s «%(value)s» không phải số nguyên không âm.") % {"column": header, "value": value},
                gettext("Nhập «%(column)s» là số nguyên từ 0 trở lên, ví dụ 1, 2, 3.") % {"column": header},
            )
            return None
        return number

    def email(self, name: str, limit: int) -> str | None:
        value = self.text(name, limit)
        try:
            if value:
                validate_email(value)
        except ValidationError:
            self.fail(
                name,
                gettext("Thư điện tử «%(value)s» không hợp lệ.") % {"value": value},
                gettext("Nhập đúng một địa chỉ dạng ten@tenmien.vn, không có dấu cách hay dấu tiếng Việt."),
            )
            return None
        return value

    def birth_date(self, name: str) -> datetime.date | None:
        cell, value = self.cells.get(name), self.raw(name)
        date = _as_date(cell)
        if value and date is None:
            self.fail(
                name,
                gettext("Không đọc được ngày sinh «%(value)s».") % {"value": value},
                gettext("Nhập ngày sinh theo dạng dd/mm/yyyy, ví dụ 15/08/1990."),
            )
        elif date and date > timezone.localdate():
            self.fail(
                name,
                gettext("Ngày sinh %(value)s ở tương lai.") % {"value": date.strftime(DATE_FORMAT)},
                gettext("Nhập ngày sinh thật theo dạng dd/mm/yyyy."),
            )
        elif date and date < EARLIEST_BIRTH:
            self.fail(
                name,
                gettext("Ngày sinh %(value)s trước năm %(year)s.")
                % {"value": date.strftime(DATE_FORMAT), "year": EARLIEST_BIRTH.year},
                gettext("Kiểm tra lại năm sinh; ngày sinh phải từ 01/01/%(year)s trở đi.")
                % {"year": EARLIEST_BIRTH.year},
            )
        else:
            return date
        return None


def _choice_lookup(choices: type[models.TextChoices]) -> dict[str, str]:
    """Folded code, label and the label without its note in brackets → code, so
    "Nữ", "nu", "female" and "Cơ quan" are all understood. The Vietnamese labels (those
    of the template) are understood whatever the interface language, and so are the
    labels of the language the error messages are shown in."""
    lookup = {}
    with override("vi"):
        for code, label in choices.choices:
            for name in (code, str(label), str(label).split("(")[0]):
                lookup[fold(name)] = code
    for code, label in choices.choices:  # in the interface language, when it is not Vietnamese
        for name in (str(label), str(label).split("(")[0]):
            lookup.setdefault(fold(name), code)
    return lookup


def _as_date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = cell_text(value) if isinstance(value, str) else ""
    for pattern in (r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", r"(\d{4})-(\d{1,2})-(\d{1,2})"):
        match = re.fullmatch(pattern, text)
        if match:
            return _valid_date(*match.groups(), year_first=pattern.startswith(r"(\d{4})"))
    return None


def _valid_date(a: str, b: str, c: str, *, year_first: bool) -> datetime.date | None:
    year, month, day = (a, b, c) if year_first else (c, b, a)
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


@dataclass
class _Row:
    number: int
    code: str | None
    reference: str | None  # parent code for a unit, unit code for a person
    values: dict


def _unit_row(cells: _Cells) -> _Row:
    code_limit = _limit(Unit, "code")
    code = cells.text("code", code_limit)
    values = {"name": cells.text("name", _limit(Unit, "name"))}
    parent = cells.text("parent", code_limit)
    values |= {"kind": cells.choice("kind"), "order": cells.integer("order")}
    return _Row(cells.number, code, parent, values)


def _person_row(cells: _Cells) -> _Row:
    code = cells.text("code", _limit(Person, "code"))
    values = {"full_name": cells.text("full_name", _limit(Person, "full_name"))}
    unit = cells.text("unit", _limit(Unit, "code"))
    values |= {
        "category": cells.choice("category"),
        "position": cells.text("position", _limit(Person, "position")),
        "gender": cells.choice("gender"),
        "birth_date": cells.birth_date("birth_date"),
        "ethnicity": cells.text("ethnicity", _limit(Person, "ethnicity")),
        "email": cells.email("email", _limit(Person, "email")),
    }
    return _Row(cells.number, code, unit, values)


def _check_rows(sheets: dict[str, _Sheet], errors: list[RowError]) -> tuple[list[_Row], list[_Row]]:
    units = _rows_of(sheets.get(UNIT_SHEET), _unit_row, errors)
    people = _rows_of(sheets.get(PERSON_SHEET), _person_row, errors)
    _check_repeats(
        units,
        UNIT_SHEET,
        "Mã đơn vị",
        errors,
        gettext("Mỗi đơn vị chỉ khai báo trên một dòng; xóa dòng thừa hoặc sửa lại mã cho đúng."),
    )
    _check_repeats(
        people,
        PERSON_SHEET,
        "Mã cán bộ",
        errors,
        gettext("Mỗi cán bộ chỉ khai báo trên một dòng; xóa dòng thừa hoặc sửa lại mã cho đúng."),
    )
    known = _known_unit_codes(units, people)
    _check_references(units, known, UNIT_SHEET, "Mã đơn vị cấp trên", errors)
    _check_references(people, known, PERSON_SHEET, "Mã đơn vị", errors)
    _check_cycles(units, errors)
    return units, people


def _rows_of(sheet: _Sheet | None, build, errors: list[RowError]) -> list[_Row]:
    if sheet is None:
        return []
    return [build(_Cells(sheet, number, cells, errors)) for number, cells in sheet.rows]


def _check_repeats(rows: list[_Row], sheet: str, header: str, errors: list[RowError], fix: str) -> None:
    first_seen: dict[str, int] = {}
    for row in rows:
        if row.code is None:
            continue
        if row.code in first_seen:
            errors.append(
                RowError(
                    sheet,
                    row.number,
                    header,
                    gettext("%(column)s «%(code)s» bị lặp: đã có ở dòng %(first)s và dòng %(row)s.")
                    % {"column": header, "code": row.code, "first": first_seen[row.code], "row": row.number},
                    fix,
                )
            )
        first_seen.setdefault(row.code, row.number)


def _known_unit_codes(units: list[_Row], people: list[_Row]) -> set[str]:
    in_file = {row.code for row in units if row.code}
    wanted = {row.reference for row in units + people if row.reference} - in_file
    return in_file | set(Unit.objects.filter(code__in=wanted).values_list("code", flat=True))


def _check_references(rows: list[_Row], known: set[str], sheet: str, header: str, errors) -> None:
    for row in rows:
        if row.reference and row.reference not in known:
            errors.append(
                RowError(
                    sheet,
                    row.number,
                    header,
                    gettext("Không tìm thấy đơn vị có mã «%(code)s».") % {"code": row.reference},
                    gettext("Sửa lại mã cho đúng, hoặc khai báo đơn vị «%(code)s» ở trang «%(sheet)s».")
                    % {"code": row.reference, "sheet": UNIT_SHEET},
                )
            )


def _parent_map(units: list[_Row]) -> dict[str, str | None]:
    """Unit code → parent code as the tree will be after the import: what is stored,
    overlaid with the file (an empty parent cell keeps the stored parent)."""
    parents = dict(Unit.objects.values_list("code", "parent__code"))
    for row in units:
        if row.code and (row.reference or row.code not in parents):
            parents[row.code] = row.reference
    return parents


def _check_cycles(units: list[_Row], errors: list[RowError]) -> None:
    parents, reported = _parent_map(units), set()
    for row in units:
        cycle = _cycle_from(row.code, parents)
        if cycle and row.code in cycle and frozenset(cycle) not in reported:
            reported.add(frozenset(cycle))
            errors.append(
                RowError(
                    UNIT_SHEET,
                    row.number,
                    "Mã đơn vị cấp trên",
                    gettext("Đơn vị cấp trên tạo thành vòng lặp: %(cycle)s.")
                    % {"cycle": " → ".join([*cycle, cycle[0]])},
                    gettext(
                        "Một đơn vị không thể là cấp trên của chính nó hay của đơn vị cấp trên nó; "
                        "sửa lại «Mã đơn vị cấp trên»."
                    ),
                )
            )


def _cycle_from(code: str | None, parents: dict[str, str | None]) -> list[str]:
    """The loop reached by walking up from `code` (empty when the walk ends at a root)."""
    path: list[str] = []
    while code is not None and code in parents:
        if code in path:
            return path[path.index(code) :]
        path.append(code)
        code = parents[code]
    return []


# --- Applying ---------------------------------------------------------------------------


@transaction.atomic
def _apply(units: list[_Row], people: list[_Row], *, actor: User | None, note: str) -> ImportResult:
    result = ImportResult()
    stored = _stored_units(units, people)
    parents = _parent_map(units)
    # Parents first, so a unit's parent already exists when the unit is saved.
    for row in sorted(units, key=lambda r: _depth(r.code, parents)):
        unit = stored.setdefault(row.code, Unit(code=row.code))
        values = _filled(row.values) | ({"parent_id": stored[row.reference].pk} if row.reference else {})
        result.units.add(_store(unit, values, actor=actor, note=note))
    existing = Person.objects.in_bulk([row.code for row in people], field_name="code")
    for row in people:
        person = existing.get(row.code) or Person(code=row.code)
        values = _filled(row.values) | {"unit_id": stored[row.reference].pk}
        result.people.add(_store(person, values, actor=actor, note=note))
    return result


def _stored_units(units: list[_Row], people: list[_Row]) -> dict[str, Unit]:
    codes = {code for row in units for code in (row.code, row.reference) if code}
    codes |= {row.reference for row in people}
    return Unit.objects.in_bulk(codes, field_name="code")


def _depth(code: str, parents: dict[str, str | None]) -> int:
    depth = 0
    while (code := parents.get(code)) is not None:
        depth += 1
    return depth


def _filled(values: dict) -> dict:
    return {name: value for name, value in values.items() if value is not None}


def _store(obj: models.Model, values: dict, *, actor: User | None, note: str) -> str:
    """Set `values`, save only when something differs and log the difference.
    Returns "created", "updated" or "unchanged"."""
    before = snapshot(obj) if obj.pk else {}
    for name, value in values.items():
        setattr(obj, name, value)
    if before and not diff(before, snapshot(obj)):
        return "unchanged"
    obj.save()
    record(actor=actor, obj=obj, action=ActivityLog.Action.IMPORTED, changes=diff(before, snapshot(obj)), note=note)
    return "updated" if before else "created"
