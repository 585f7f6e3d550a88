"""The Excel template offered for download before importing units and people.

The two data sheets hold headers only. The example rows live on the guide sheet: a
template imported as downloaded must not add a made-up unit to the real organisation
tree, and someone filling the template cannot forget to delete an example row."""

from django.utils.functional import Promise
from django.utils.translation import override
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from thidua.documents.safe_cells import workbook_bytes
from thidua.organization.enums import Category, Gender, UnitKind
from thidua.organization.importing import (
    PERSON_COLUMNS,
    PERSON_SHEET,
    UNIT_COLUMNS,
    UNIT_SHEET,
    Column,
)

GUIDE_SHEET = "Hướng dẫn"
REQUIRED_MARK = " *"
LAST_INPUT_ROW = 2000

EXAMPLE_UNIT = {
    "code": "VD-01",
    "name": "Phòng Ví dụ",
    "parent": "",
    "kind": UnitKind.DIVISION.label,
    "order": 1,
}
EXAMPLE_PERSON = {
    "code": "VD-CB-01",
    "full_name": "Nguyễn Văn Ví Dụ",
    "unit": "VD-01",
    "category": Category.CONG_CHUC.label,
    "position": "Chuyên viên",
    "gender": Gender.MALE.label,
    "birth_date": "15/08/1990",
    "ethnicity": "Kinh",
    "email": "vidu@example.com",
}

GENERAL_NOTES = (
    f"Nhập dữ liệu vào trang «{UNIT_SHEET}» và trang «{PERSON_SHEET}», mỗi đơn vị hoặc cán bộ "
    "một dòng, bắt đầu từ dòng 2. Có thể chỉ dùng một trong hai trang.",
    "Cột có dấu * là bắt buộc. Giữ nguyên chữ ở dòng tiêu đề; thứ tự các cột có thể thay đổi.",
    "Đơn vị và cán bộ được nhận ra theo mã: mã đã có trong hệ thống thì thông tin được cập nhật, "
    "mã mới thì được thêm mới. Ô trống ở cột không bắt buộc giữ nguyên thông tin đã lưu.",
    "Nếu tệp có lỗi, hệ thống không nhập dòng nào và liệt kê từng lỗi (trang, dòng, cột, cách sửa). "
    "Sửa hết các lỗi rồi nhập lại cả tệp.",
    "Cột có danh sách chọn nhận tên hoặc mã trong bảng «Giá trị cho phép» dưới đây.",
)

BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WIDE_FIELDS = {"name": 40, "full_name": 30, "position": 24, "email": 30, "kind": 24, "category": 20}


def template_workbook() -> bytes:
    """The template is in Vietnamese whatever the interface language: its sheet names,
    headers and labels are what the import reads."""
    with override("vi"):
        return _template_workbook()


def _template_workbook() -> bytes:
    workbook = Workbook()
    units = workbook.active
    units.title = UNIT_SHEET
    people = workbook.create_sheet(PERSON_SHEET)
    label_ranges = _fill_guide(workbook.create_sheet(GUIDE_SHEET))
    _fill_data_sheet(units, UNIT_COLUMNS, label_ranges)
    _fill_data_sheet(people, PERSON_COLUMNS, label_ranges)
    return workbook_bytes(workbook)


def header_text(column: Column) -> str:
    return column.header + (REQUIRED_MARK if column.required else "")


# --- Data sheets ------------------------------------------------------------------------


def _fill_data_sheet(sheet, columns: tuple[Column, ...], label_ranges: dict[str, str]) -> None:
    for index, column in enumerate(columns, start=1):
        _header_cell(sheet.cell(row=1, column=index), column)
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = WIDE_FIELDS.get(column.field, max(14, len(column.header) + 6))
        _column_format(sheet, letter, column)
        if column.field in label_ranges:
            _add_dropdown(sheet, letter, label_ranges[column.field])
    sheet.freeze_panes = "A2"


def _header_cell(cell, column: Column) -> None:
    cell.value = header_text(column)
    cell.font = BOLD
    cell.fill = HEADER_FILL
    cell.comment = Comment(column.help, "Thi Đua", width=300, height=120)


def _column_format(sheet, letter: str, column: Column) -> None:
    # Codes stay text, so "001" is not turned into 1; a typed date shows as dd/mm/yyyy.
    if column.field in ("code", "parent", "unit"):
        sheet.column_dimensions[letter].number_format = "@"
    elif column.field == "birth_date":
        sheet.column_dimensions[letter].number_format = "DD/MM/YYYY"


def _add_dropdown(sheet, letter: str, source: str) -> None:
    # A list to pick from, not a lock: typing the code (e.g. "female") is also accepted.
    dropdown = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=False)
    dropdown.add(f"{letter}2:{letter}{LAST_INPUT_ROW}")
    sheet.add_data_validation(dropdown)


# --- Guide sheet ------------------------------------------------------------------------


def _fill_guide(sheet) -> dict[str, str]:
    """Write the guide; return, for each coded column, the cell range holding its labels."""
    sheet.append(["HƯỚNG DẪN NHẬP ĐƠN VỊ VÀ CÁN BỘ"])
    sheet["A1"].font = Font(bold=True, size=14)
    for note in GENERAL_NOTES:
        sheet.append([f"• {note}"])
    _column_table(sheet)
    label_ranges = _allowed_values(sheet)
    _example(sheet, UNIT_SHEET, UNIT_COLUMNS, EXAMPLE_UNIT)
    _example(sheet, PERSON_SHEET, PERSON_COLUMNS, EXAMPLE_PERSON)
    for letter, width in zip("ABCDEFGHI", (24, 30, 22, 80, 16, 16, 16, 16, 28), strict=True):
        sheet.column_dimensions[letter].width = width
    return label_ranges


def _title(sheet, text: str) -> None:
    sheet.append([])
    sheet.append([text])
    sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, size=12)


def _bold_row(sheet, values: list) -> None:
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
        cell.fill = HEADER_FILL


def _column_table(sheet) -> None:
    _title(sheet, "Các cột")
    _bold_row(sheet, ["Trang", "Cột", "Bắt buộc", "Ý nghĩa, cách nhập"])
    for title, columns in ((UNIT_SHEET, UNIT_COLUMNS), (PERSON_SHEET, PERSON_COLUMNS)):
        for column in columns:
            sheet.append([title, column.header, "Bắt buộc" if column.required else "", column.help])
            sheet.cell(row=sheet.max_row, column=4).alignment = Alignment(wrap_text=True, vertical="top")


def _allowed_values(sheet) -> dict[str, str]:
    _title(sheet, "Giá trị cho phép")
    _bold_row(sheet, ["Cột", "Tên (nhập tên này…)", "Mã (…hoặc mã này)"])
    ranges = {}
    for column in (*UNIT_COLUMNS, *PERSON_COLUMNS):
        if column.choices is not None:
            first = sheet.max_row + 1
            for code, label in column.choices.choices:
                sheet.append([column.header, str(label), code])
            ranges[column.field] = f"'{sheet.title}'!$B${first}:$B${sheet.max_row}"
    return ranges


def _example(sheet, title: str, columns: tuple[Column, ...], example: dict) -> None:
    _title(sheet, f"Ví dụ một dòng của trang «{title}» (chép sang trang đó rồi sửa lại)")
    _bold_row(sheet, [header_text(column) for column in columns])
    sheet.append([_cell(example[column.field]) for column in columns])


def _cell(value):
    """A translatable label as plain text (openpyxl writes only plain values)."""
    return str(value) if isinstance(value, Promise) else value
