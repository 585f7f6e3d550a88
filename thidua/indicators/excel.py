"""A unit's indicator values for a year in an Excel sheet: the template to download
(one row per indicator, a column per quarter, stored values filled in) and its import.

The whole file is checked before anything is written: one wrong cell means nothing is
recorded, and every problem is listed with its row, column and how to fix it, as the
organisation import does. An empty cell keeps the stored value."""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext, override
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from thidua.core.excel_import import (
    RowError,
    cell_int,
    cell_text,
    find_sheet,
    header_key,
    import_note,
    open_workbook,
    sheet_rows,
)
from thidua.core.text import fold
from thidua.documents.safe_cells import workbook_bytes
from thidua.indicators import services
from thidua.indicators.models import Indicator, IndicatorValue
from thidua.organization.models import Unit, User
from thidua.plans.models import Plan

SHEET = "Số liệu"
GUIDE = "Hướng dẫn"
UNIT_LABEL, YEAR_LABEL, CODE_HEADER = "Mã đơn vị", "Năm", "Mã chỉ tiêu"
UNIT_ROW, YEAR_ROW, HEADER_ROW = 2, 3, 5
HEADERS = [f"{CODE_HEADER} *", "Tên chỉ tiêu", "Đơn vị tính", "Quý 1", "Quý 2", "Quý 3", "Quý 4"]
NOTES = (
    "Mỗi chỉ tiêu một dòng; nhập số liệu của từng quý vào cột «Quý 1» … «Quý 4».",
    "Số liệu là tình hình tại cuối quý: tỷ lệ (%), số người đến hết quý, số bình quân mỗi tháng trong quý…",
    "Dùng dấu phẩy cho phần thập phân, ví dụ 12,5. Tỷ lệ phần trăm nhập từ 0 đến 100.",
    "Ô để trống: giữ nguyên số liệu đã nhập trước đó. Nhập lại một ô: số liệu mới thay số cũ, số cũ vẫn "
    "được lưu trong nhật ký thay đổi.",
    "Không sửa «Mã đơn vị», «Năm» và cột «Mã chỉ tiêu». Nếu tệp có lỗi, không số liệu nào được nhập; "
    "hệ thống liệt kê từng lỗi (dòng, cột, cách sửa).",
)
BOLD = Font(bold=True)
FILL = PatternFill("solid", fgColor="DDEBF7")
_QUARTER = re.compile(r"^quy\s*(\d+)$")


def template_workbook(plan: Plan, unit: Unit, year: int) -> bytes:
    """Vietnamese whatever the interface language: the import reads these words."""
    with override("vi"):
        book = Workbook()
        sheet = book.active
        sheet.title = SHEET
        _fill_values(sheet, plan, unit, year)
        guide = book.create_sheet(GUIDE)
        guide.append(["HƯỚNG DẪN NHẬP SỐ LIỆU CHỈ TIÊU"])
        guide["A1"].font = Font(bold=True, size=14)
        for note in NOTES:
            guide.append([f"• {note}"])
        guide.column_dimensions["A"].width = 120
        return workbook_bytes(book)


def _fill_values(sheet, plan: Plan, unit: Unit, year: int) -> None:
    sheet.append([f"SỐ LIỆU CHỈ TIÊU NĂM {year}"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([UNIT_LABEL, unit.code, unit.name])
    sheet.append([YEAR_LABEL, year])
    sheet.append([])
    sheet.append(HEADERS)
    for cell in sheet[HEADER_ROW]:
        cell.font, cell.fill = BOLD, FILL
    stored = {
        (v.indicator_id, v.quarter): v.value
        for v in IndicatorValue.objects.filter(unit=unit, year=year, indicator__plan=plan)
    }
    for indicator in Indicator.objects.filter(plan=plan):
        sheet.append(
            [
                indicator.code,
                indicator.name,
                indicator.unit_of_measure,
                *(_cell(stored.get((indicator.pk, q))) for q in (1, 2, 3, 4)),
            ]
        )
    for index, width in enumerate((16, 70, 16, 12, 12, 12, 12), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = f"D{HEADER_ROW + 1}"


def _cell(value):
    return None if value is None else float(value)


# --- Import -----------------------------------------------------------------------------


@dataclass
class ImportOutcome:
    unit: Unit | None = None
    year: int | None = None
    counts: services.Counts = field(default_factory=services.Counts)
    errors: list[RowError] = field(default_factory=list)


@dataclass
class _Read:
    unit_code: str = ""
    year: object = None
    columns: dict = field(default_factory=dict)  # "code" or a quarter number → column index
    rows: list = field(default_factory=list)  # (row number, [cells])


def import_values(file, *, plan: Plan, unit: Unit, actor: User | None) -> ImportOutcome:
    """Check the whole sheet, then record every value in one transaction or none."""
    outcome = ImportOutcome(unit=unit)
    read = _read(file, outcome.errors)
    if outcome.errors:
        return outcome
    outcome.year = _check_header(read, plan, unit, outcome.errors)
    rows = _check_rows(read, plan, outcome.errors)
    if not outcome.errors and not rows:
        outcome.errors.append(
            _problem(
                None,
                None,
                gettext("Tệp chưa có số liệu nào."),
                gettext("Nhập số liệu vào các cột «Quý 1» … «Quý 4» rồi tải lên lại."),
            )
        )
    if not outcome.errors:
        outcome.counts = services.record_values(
            actor=actor, unit=unit, year=outcome.year, rows=rows, log_note=import_note(file)
        )
    return outcome


def _problem(row, column, problem: str, fix: str) -> RowError:
    return RowError(SHEET, row, column, problem, fix)


def _read(file, errors: list[RowError]) -> _Read:
    book = open_workbook(file, errors)
    if book is None:
        return _Read()
    try:
        sheet = find_sheet(book, SHEET, errors, gettext("Tải tệp mẫu của đơn vị và điền số liệu vào trang đó."))
        return _layout(sheet_rows(sheet, values_only=False), errors) if sheet is not None else _Read()
    finally:
        book.close()


def _layout(rows: list, errors: list[RowError]) -> _Read:
    read = _Read()
    for number, cells in enumerate(rows, start=1):
        label = header_key(cells[0].value) if cells else ""
        if label == fold(UNIT_LABEL) and len(cells) > 1:
            read.unit_code = cell_text(cells[1].value)
        elif label == fold(YEAR_LABEL) and len(cells) > 1:
            read.year = cells[1].value
        elif label == fold(CODE_HEADER):
            read.columns = _columns(number, cells, errors)
            read.rows = [
                (n, r) for n, r in enumerate(rows[number:], start=number + 1) if any(cell_text(c.value) for c in r)
            ]
            return read
    errors.append(
        _problem(
            None,
            None,
            gettext("Không tìm thấy dòng tiêu đề có cột «%(column)s».") % {"column": CODE_HEADER},
            gettext("Giữ nguyên dòng tiêu đề của tệp mẫu (dòng %(row)s).") % {"row": HEADER_ROW},
        )
    )
    return read


def _columns(number: int, cells, errors: list[RowError]) -> dict:
    columns = {}
    for index, cell in enumerate(cells):
        key = header_key(cell.value)
        match = _QUARTER.match(key)
        if key == fold(CODE_HEADER):
            columns["code"] = index
        elif match and int(match.group(1)) in (1, 2, 3, 4):
            columns[int(match.group(1))] = index
        elif match:
            errors.append(
                _problem(
                    number,
                    cell_text(cell.value),
                    services.quarter_error(int(match.group(1))),
                    gettext("Mỗi năm có 4 quý: dùng các cột «Quý 1» … «Quý 4»."),
                )
            )
    return columns


def _check_header(read: _Read, plan: Plan, unit: Unit, errors: list[RowError]) -> int | None:
    if read.unit_code != unit.code:
        errors.append(
            _problem(
                UNIT_ROW,
                UNIT_LABEL,
                gettext("Tệp ghi mã đơn vị «%(found)s», không phải «%(code)s» (%(name)s).")
                % {"found": read.unit_code, "code": unit.code, "name": unit.name},
                gettext("Tải tệp mẫu của đúng đơn vị, hoặc nhập tệp này ở trang của đơn vị «%(found)s».")
                % {"found": read.unit_code},
            )
        )
    year = cell_int(read.year)
    year = cell_text(read.year) if year is None else year
    if error := services.year_error(plan, year):
        errors.append(_problem(YEAR_ROW, YEAR_LABEL, error, gettext("Sửa ô «Năm» thành một năm của kế hoạch.")))
        return None
    return year


def _check_rows(read: _Read, plan: Plan, errors: list[RowError]) -> list:
    indicators = {i.code.upper(): i for i in Indicator.objects.filter(plan=plan).select_related("plan")}
    seen, rows = set(), []
    for number, cells in read.rows:
        indicator = _row_indicator(number, _cell_text(cells, read.columns.get("code")), indicators, seen, errors)
        for quarter in (1, 2, 3, 4):
            cell = _cell_at(cells, read.columns.get(quarter))
            if indicator is not None and cell is not None and cell_text(cell.value):
                value = _row_value(number, quarter, cell, indicator, errors)
                if value is not None:
                    rows.append((indicator, quarter, value))
    return rows


def _cell_at(cells, index):
    return cells[index] if index is not None and index < len(cells) else None


def _cell_text(cells, index) -> str:
    cell = _cell_at(cells, index)
    return cell_text(cell.value) if cell is not None else ""


def _row_indicator(number, code, indicators, seen, errors) -> Indicator | None:
    indicator = indicators.get(code.upper())
    if not code:
        errors.append(
            _problem(
                number,
                CODE_HEADER,
                gettext("Chưa nhập «%(column)s».") % {"column": CODE_HEADER},
                gettext("Giữ nguyên mã chỉ tiêu như tệp mẫu."),
            )
        )
    elif indicator is None:
        errors.append(
            _problem(
                number,
                CODE_HEADER,
                gettext("Không có chỉ tiêu mã «%(code)s» trong kế hoạch.") % {"code": code},
                gettext("Sửa lại mã cho đúng như tệp mẫu, hoặc xóa dòng này."),
            )
        )
    elif indicator.pk in seen:
        errors.append(
            _problem(
                number,
                CODE_HEADER,
                gettext("Chỉ tiêu «%(code)s» có ở hơn một dòng.") % {"code": code},
                gettext("Giữ một dòng cho mỗi chỉ tiêu."),
            )
        )
        return None
    else:
        seen.add(indicator.pk)
    return indicator


def _row_value(number, quarter, cell, indicator, errors):
    raw = cell.value
    # A cell formatted as a percentage holds 0.85 for "85%".
    if indicator.is_percentage and isinstance(raw, int | float) and "%" in (cell.number_format or ""):
        raw = raw * 100
    if isinstance(raw, float):
        raw = round(raw, 9)  # binary noise such as 85.00000000000001, not a typed digit
    try:
        return services.clean_value(indicator=indicator, raw=raw)
    except ValidationError as exc:
        errors.append(
            _problem(
                number,
                f"Quý {quarter}",
                " ".join(exc.messages),
                gettext(
                    "Nhập một số (dùng dấu phẩy cho phần thập phân, ví dụ 12,5), hoặc để trống để giữ số liệu đã có."
                ),
            )
        )
        return None
