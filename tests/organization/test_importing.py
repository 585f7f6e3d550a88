"""Importing units and people from Excel: every bad input is reported at its row and
column and nothing is saved; a good file is applied, re-applied without duplicates."""

import datetime
import io
import zipfile

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook, load_workbook

from tests.spreadsheets import formula_cells
from thidua.core.models import ActivityLog
from thidua.organization.enums import Category, Gender, PersonKind, UnitKind
from thidua.organization.import_template import (
    EXAMPLE_PERSON,
    EXAMPLE_UNIT,
    GUIDE_SHEET,
    template_workbook,
)
from thidua.organization.importing import import_workbook
from thidua.organization.models import Person, Unit

pytestmark = pytest.mark.django_db

UNIT_HEADERS = ["Mã đơn vị", "Tên đơn vị", "Mã đơn vị cấp trên", "Loại đơn vị", "Thứ tự"]
PERSON_HEADERS = [
    "Mã cán bộ",
    "Họ và tên",
    "Mã đơn vị",
    "Đối tượng",
    "Chức vụ",
    "Giới tính",
    "Ngày sinh",
    "Dân tộc",
    "Thư điện tử",
]
UNITS = [
    ["SO", "Sở Tư pháp", "", "agency", 1],
    ["VP", "Văn phòng Sở", "SO", "Văn phòng", 2],
    ["PHC", "Phòng Hành chính tư pháp", "SO", "Phòng chuyên môn", 3],
]
PEOPLE = [
    [
        "CB001",
        "Nguyễn Thị Hoa",
        "VP",
        "Công chức",
        "Chánh Văn phòng",
        "Nữ",
        datetime.datetime(1980, 5, 2),
        "Tày",
        "hoa@tuyenquang.gov.vn",
    ],
    ["CB002", "Hoàng Văn Nam", "PHC", "vien_chuc", "", "male", "12/03/1985", "", ""],
]


def xlsx(units=None, people=None, *, unit_headers=UNIT_HEADERS, person_headers=PERSON_HEADERS):
    """An uploaded-like file with the given sheets; None leaves a sheet out."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, headers, rows in (("Đơn vị", unit_headers, units), ("Cán bộ", person_headers, people)):
        if rows is not None:
            sheet = workbook.create_sheet(title)
            sheet.append(headers)
            for row in rows:
                sheet.append(row)
    return saved(workbook)


def saved(workbook) -> io.BytesIO:
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "don-vi.xlsx"
    return buffer


def person(**changes) -> list:
    row = dict(zip(PERSON_HEADERS, PEOPLE[0], strict=True)) | changes
    return list(row.values())


def unit(**changes) -> list:
    return list((dict(zip(UNIT_HEADERS, UNITS[0], strict=True)) | changes).values())


def only_error(result):
    assert len(result.errors) == 1, [str(e) for e in result.errors]
    return result.errors[0]


def assert_nothing_saved():
    assert Unit.objects.count() == 0
    assert Person.objects.count() == 0
    assert ActivityLog.objects.count() == 0


@pytest.fixture
def actor(django_user_model):
    return django_user_model.objects.create_user("vanphong", password="x")


# --- Files that are not usable workbooks ------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        "Mã đơn vị,Tên đơn vị\nSO,Sở Tư pháp\n".encode(),
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF",
        b"",
    ],
    ids=["csv", "pdf", "empty-bytes"],
)
def test_a_file_that_is_not_xlsx_is_refused(content, actor):
    error = only_error(import_workbook(io.BytesIO(content), actor=actor))
    assert (error.sheet, error.row, error.column) == (None, None, None)
    assert error.problem == "Tệp không phải là tệp Excel .xlsx đọc được."
    assert "Excel Workbook (*.xlsx)" in error.fix
    assert str(error).startswith("Tệp: Tệp không phải là tệp Excel .xlsx")
    assert_nothing_saved()


def test_a_zip_that_is_not_a_workbook_is_refused(actor):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    buffer.seek(0)
    error = only_error(import_workbook(buffer, actor=actor))
    assert error.problem == "Tệp không phải là tệp Excel .xlsx đọc được."
    assert_nothing_saved()


def test_an_empty_workbook_has_no_data_rows(actor):
    error = only_error(import_workbook(saved(Workbook()), actor=actor))
    assert (error.sheet, error.row, error.column) == (None, None, None)
    assert error.problem == "Tệp không có dòng dữ liệu nào."
    assert_nothing_saved()


def test_sheets_with_headers_only_have_no_data_rows(actor):
    error = only_error(import_workbook(xlsx([], []), actor=actor))
    assert error.problem == "Tệp không có dòng dữ liệu nào."
    assert "dòng 2" in error.fix
    assert_nothing_saved()


def test_a_workbook_without_either_sheet_is_refused(actor):
    workbook = Workbook()
    workbook.active.title = "Danh sách"
    workbook.active.append(UNIT_HEADERS)
    workbook.active.append(UNITS[0])
    error = only_error(import_workbook(saved(workbook), actor=actor))
    assert error.row is None
    assert error.problem == "Không tìm thấy trang «Đơn vị» hoặc trang «Cán bộ»."
    assert_nothing_saved()


def test_a_missing_required_column_is_named(actor):
    headers = [h for h in PERSON_HEADERS if h != "Họ và tên"]
    rows = [[v for h, v in zip(PERSON_HEADERS, PEOPLE[0], strict=True) if h != "Họ và tên"]]
    error = only_error(import_workbook(xlsx(UNITS, rows, person_headers=headers), actor=actor))
    assert (error.sheet, error.row, error.column) == ("Cán bộ", 1, "Họ và tên")
    assert error.problem == "Trang «Cán bộ» thiếu cột bắt buộc «Họ và tên»."
    assert_nothing_saved()


# --- Wrong cells --------------------------------------------------------------------------


def test_a_required_cell_left_empty(actor):
    people = [PEOPLE[0], person(**{"Mã cán bộ": "CB003", "Giới tính": None})]
    error = only_error(import_workbook(xlsx(UNITS, people), actor=actor))
    assert (error.sheet, error.row, error.column) == ("Cán bộ", 3, "Giới tính")
    assert error.problem == "Chưa nhập «Giới tính»."
    assert_nothing_saved()


def test_blank_rows_do_not_shift_row_numbers(actor):
    people = [PEOPLE[0], [None] * 9, person(**{"Mã cán bộ": "CB003", "Đối tượng": ""})]
    error = only_error(import_workbook(xlsx(UNITS, people), actor=actor))
    assert (error.row, error.column) == (4, "Đối tượng")


def test_a_person_in_an_unknown_unit(actor):
    people = [PEOPLE[0], person(**{"Mã cán bộ": "CB003", "Mã đơn vị": "KHONGCO"})]
    error = only_error(import_workbook(xlsx(UNITS, people), actor=actor))
    assert (error.sheet, error.row, error.column) == ("Cán bộ", 3, "Mã đơn vị")
    assert error.problem == "Không tìm thấy đơn vị có mã «KHONGCO»."
    assert_nothing_saved()


def test_a_unit_with_an_unknown_parent(actor):
    units = [*UNITS, ["PBTTP", "Phòng Bổ trợ tư pháp", "SO-CU", "division", 4]]
    error = only_error(import_workbook(xlsx(units), actor=actor))
    assert (error.sheet, error.row, error.column) == ("Đơn vị", 5, "Mã đơn vị cấp trên")
    assert error.problem == "Không tìm thấy đơn vị có mã «SO-CU»."
    assert_nothing_saved()


def test_a_cycle_of_parents_in_the_file(actor):
    units = [UNITS[0], ["A", "Đơn vị A", "B", "division", 1], ["B", "Đơn vị B", "A", "division", 2]]
    error = only_error(import_workbook(xlsx(units), actor=actor))
    assert (error.sheet, error.row, error.column) == ("Đơn vị", 3, "Mã đơn vị cấp trên")
    assert error.problem == "Đơn vị cấp trên tạo thành vòng lặp: A → B → A."
    assert_nothing_saved()


def test_a_unit_that_is_its_own_parent(actor):
    error = only_error(import_workbook(xlsx([["A", "Đơn vị A", "A", "division", 1]]), actor=actor))
    assert (error.row, error.column) == (2, "Mã đơn vị cấp trên")
    assert error.problem == "Đơn vị cấp trên tạo thành vòng lặp: A → A."


def test_a_cycle_through_a_stored_unit(actor):
    root = Unit.objects.create(code="SO", name="Sở Tư pháp", kind=UnitKind.AGENCY)
    Unit.objects.create(code="VP", name="Văn phòng Sở", kind=UnitKind.OFFICE, parent=root)
    error = only_error(import_workbook(xlsx([["SO", "Sở Tư pháp", "VP", "agency", 1]]), actor=actor))
    assert (error.row, error.column) == (2, "Mã đơn vị cấp trên")
    assert error.problem == "Đơn vị cấp trên tạo thành vòng lặp: SO → VP → SO."
    assert Unit.objects.get(code="SO").parent is None
    assert ActivityLog.objects.count() == 0


def test_a_person_code_repeated_names_both_rows(actor):
    people = [*PEOPLE, person(**{"Họ và tên": "Người khác"})]
    error = only_error(import_workbook(xlsx(UNITS, people), actor=actor))
    assert (error.sheet, error.row, error.column) == ("Cán bộ", 4, "Mã cán bộ")
    assert error.problem == "Mã cán bộ «CB001» bị lặp: đã có ở dòng 2 và dòng 4."
    assert_nothing_saved()


def test_a_unit_code_repeated_names_both_rows(actor):
    units = [*UNITS, ["VP", "Văn phòng (trùng)", "SO", "office", 9]]
    error = only_error(import_workbook(xlsx(units), actor=actor))
    assert (error.sheet, error.row, error.column) == ("Đơn vị", 5, "Mã đơn vị")
    assert error.problem == "Mã đơn vị «VP» bị lặp: đã có ở dòng 3 và dòng 5."
    assert_nothing_saved()


@time_machine.travel(datetime.datetime(2025, 6, 1, 9, 0, tzinfo=datetime.UTC))
@pytest.mark.parametrize(
    ("cell", "problem"),
    [
        ("12/03/2031", "Ngày sinh 12/03/2031 ở tương lai."),
        (datetime.datetime(2031, 3, 12), "Ngày sinh 12/03/2031 ở tương lai."),
        ("05/06/1930", "Ngày sinh 05/06/1930 trước năm 1940."),
        ("31/02/1985", "Không đọc được ngày sinh «31/02/1985»."),
        ("năm 1985", "Không đọc được ngày sinh «năm 1985»."),
        (1985, "Không đọc được ngày sinh «1985»."),
    ],
)
def test_a_wrong_birth_date(cell, problem, actor):
    people = [PEOPLE[1], [], [], [], [], person(**{"Ngày sinh": cell})]
    error = only_error(import_workbook(xlsx(UNITS, people), actor=actor))
    assert (error.sheet, error.row, error.column) == ("Cán bộ", 7, "Ngày sinh")
    assert error.problem == problem
    assert "dd/mm/yyyy" in error.fix or "1940" in error.fix
    assert_nothing_saved()


def test_the_future_message_reads_as_documented(actor):
    with time_machine.travel(datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC)):
        people = [PEOPLE[1], [], [], [], [], person(**{"Ngày sinh": "12/03/2031"})]
        error = only_error(import_workbook(xlsx(UNITS, people), actor=actor))
    assert str(error) == (
        "Dòng 7, cột «Ngày sinh» (trang «Cán bộ»): Ngày sinh 12/03/2031 ở tương lai."
        " — Nhập ngày sinh thật theo dạng dd/mm/yyyy."
    )


@pytest.mark.parametrize(
    ("header", "value", "enum"),
    [
        ("Đối tượng", "Hợp đồng", Category),
        ("Giới tính", "Khác", Gender),
    ],
)
def test_an_unknown_coded_person_value_lists_the_allowed_values(header, value, enum, actor):
    error = only_error(import_workbook(xlsx(UNITS, [person(**{header: value})]), actor=actor))
    assert (error.sheet, error.row, error.column) == ("Cán bộ", 2, header)
    assert error.problem == f"{header} «{value}» không hợp lệ."
    for code, label in enum.choices:
        assert f"{label} ({code})" in error.fix
    assert_nothing_saved()


def test_an_unknown_unit_kind_lists_the_allowed_values(actor):
    error = only_error(import_workbook(xlsx([unit(**{"Loại đơn vị": "Chi cục"})]), actor=actor))
    assert (error.sheet, error.row, error.column) == ("Đơn vị", 2, "Loại đơn vị")
    assert "Phòng chuyên môn (division)" in error.fix
    assert "Đơn vị sự nghiệp (public_service)" in error.fix
    assert_nothing_saved()


def test_a_name_longer_than_allowed_states_the_limit(actor):
    error = only_error(import_workbook(xlsx(UNITS, [person(**{"Họ và tên": "Nguyễn " * 40})]), actor=actor))
    assert (error.sheet, error.row, error.column) == ("Cán bộ", 2, "Họ và tên")
    assert "quá giới hạn 200 ký tự" in error.problem
    assert "tối đa 200 ký tự" in error.fix
    assert_nothing_saved()


def test_a_unit_name_longer_than_allowed_states_the_limit(actor):
    error = only_error(import_workbook(xlsx([unit(**{"Tên đơn vị": "P" * 256})]), actor=actor))
    assert (error.row, error.column) == (2, "Tên đơn vị")
    assert error.problem == "«Tên đơn vị» dài 256 ký tự, quá giới hạn 255 ký tự."


def test_an_invalid_email(actor):
    error = only_error(import_workbook(xlsx(UNITS, [person(**{"Thư điện tử": "hoa@@tuyenquang"})]), actor=actor))
    assert (error.sheet, error.row, error.column) == ("Cán bộ", 2, "Thư điện tử")
    assert error.problem == "Thư điện tử «hoa@@tuyenquang» không hợp lệ."
    assert_nothing_saved()


def test_a_non_numeric_order(actor):
    error = only_error(import_workbook(xlsx([unit(**{"Thứ tự": "đầu tiên"})]), actor=actor))
    assert (error.row, error.column) == (2, "Thứ tự")


def test_every_error_is_reported_and_sorted_and_nothing_is_saved(actor):
    units = [*UNITS, ["X", "", "SO", "chi cục", None]]
    people = [person(**{"Giới tính": "?"}), person(**{"Mã cán bộ": "CB009", "Thư điện tử": "sai"})]
    result = import_workbook(xlsx(units, people), actor=actor)
    places = [(e.sheet, e.row, e.column) for e in result.errors]
    assert places == [
        ("Đơn vị", 5, "Tên đơn vị"),
        ("Đơn vị", 5, "Loại đơn vị"),
        ("Cán bộ", 2, "Giới tính"),
        ("Cán bộ", 3, "Thư điện tử"),
    ]
    assert_nothing_saved()


# --- Good files ---------------------------------------------------------------------------


def test_a_good_file_is_imported(actor):
    result = import_workbook(xlsx(UNITS, PEOPLE), actor=actor)
    assert result.ok
    assert (result.units.created, result.units.updated, result.units.unchanged) == (3, 0, 0)
    assert (result.people.created, result.people.updated, result.people.unchanged) == (2, 0, 0)
    office = Unit.objects.get(code="VP")
    assert (office.name, office.kind, office.parent.code, office.order) == ("Văn phòng Sở", "office", "SO", 2)
    hoa = Person.objects.get(code="CB001")
    assert (hoa.unit, hoa.category, hoa.gender) == (office, "cong_chuc", "female")
    assert (hoa.birth_date, hoa.ethnicity, hoa.email) == (datetime.date(1980, 5, 2), "Tày", "hoa@tuyenquang.gov.vn")
    nam = Person.objects.get(code="CB002")
    assert (nam.birth_date, nam.ethnicity, nam.position) == (datetime.date(1985, 3, 12), "Kinh", "")


def test_a_doi_tuong_khac_is_imported_as_that_kind_of_person(actor):
    """The plan's "Đối tượng khác" (III.1.2): someone who is not a cán bộ, công chức or
    viên chức, registered and later scored on that kind's criterion."""
    row = ["CB003", "Lý Văn Khánh", "VP", "Đối tượng khác", "Cộng tác viên", "Nam", "", "", ""]
    assert import_workbook(xlsx(UNITS, [row]), actor=actor).ok
    person = Person.objects.get(code="CB003")
    assert (person.category, person.kind) == (Category.KHAC, PersonKind.OTHER)
    assert Person.objects.get(code="CB003").get_category_display() == "Đối tượng khác"


def test_each_created_row_is_logged_as_imported_with_its_values(actor):
    import_workbook(xlsx(UNITS, PEOPLE), actor=actor)
    log = ActivityLog.objects.for_object(Person.objects.get(code="CB001")).get()
    assert (log.action, log.actor) == ("imported", actor)
    assert log.changes["full_name"] == [None, "Nguyễn Thị Hoa"]
    assert log.changes["birth_date"] == [None, "1980-05-02"]
    assert log.note == "Nhập từ tệp don-vi.xlsx"
    assert ActivityLog.objects.filter(action="imported").count() == 5


def test_a_child_listed_before_its_parent(actor):
    units = [["VP", "Văn phòng Sở", "SO", "office", 2], UNITS[0]]
    assert import_workbook(xlsx(units), actor=actor).ok
    assert Unit.objects.get(code="VP").parent == Unit.objects.get(code="SO")


def test_people_may_join_units_already_stored(actor):
    Unit.objects.create(code="VP", name="Văn phòng Sở", kind=UnitKind.OFFICE)
    result = import_workbook(xlsx(people=[PEOPLE[0]]), actor=actor)
    assert result.ok and result.people.created == 1
    assert Person.objects.get(code="CB001").unit.code == "VP"


def test_a_blank_sheet_counts_as_left_out(actor):
    Unit.objects.create(code="VP", name="Văn phòng Sở", kind=UnitKind.OFFICE)
    workbook = load_workbook(xlsx(people=[PEOPLE[0]]))
    workbook.create_sheet("Đơn vị")
    result = import_workbook(saved(workbook), actor=actor)
    assert result.ok, [str(e) for e in result.errors]
    assert (result.units.created, result.people.created) == (0, 1)


def test_headers_are_found_in_any_order_without_case_or_diacritics(actor):
    headers = ["loai don vi", "THỨ TỰ", "Ten don vi *", "ma don vi cap tren", "MÃ ĐƠN VỊ (bắt buộc)"]
    rows = [["Cơ quan", 1, "Sở Tư pháp", None, "SO"], ["PHONG CHUYEN MON", 2, "Phòng A", "SO", "PA"]]
    result = import_workbook(xlsx(rows, unit_headers=headers), actor=actor)
    assert result.ok, [str(e) for e in result.errors]
    assert Unit.objects.get(code="SO").kind == UnitKind.AGENCY
    assert Unit.objects.get(code="PA").kind == UnitKind.DIVISION


def test_markup_is_stored_as_text(actor):
    name = "<script>alert('x')</script> Phòng Công chứng"
    assert import_workbook(xlsx([unit(**{"Tên đơn vị": name})]), actor=actor).ok
    assert Unit.objects.get(code="SO").name == name


def test_reimporting_a_changed_name_updates_and_logs_from_and_to(actor):
    import_workbook(xlsx(UNITS, PEOPLE), actor=actor)
    office = Unit.objects.get(code="VP")
    units = [UNITS[0], ["VP", "Văn phòng Sở Tư pháp", "SO", "Văn phòng", 2], UNITS[2]]
    result = import_workbook(xlsx(units, PEOPLE), actor=actor)
    assert (result.units.created, result.units.updated, result.units.unchanged) == (0, 1, 2)
    assert (result.people.created, result.people.updated, result.people.unchanged) == (0, 0, 2)
    office.refresh_from_db()
    assert office.name == "Văn phòng Sở Tư pháp"
    log = ActivityLog.objects.for_object(office).first()
    assert (log.action, log.actor) == ("imported", actor)
    assert log.changes == {"name": ["Văn phòng Sở", "Văn phòng Sở Tư pháp"]}
    assert Unit.objects.count() == 3


def test_reimporting_the_same_file_changes_and_logs_nothing(actor):
    import_workbook(xlsx(UNITS, PEOPLE), actor=actor)
    logged = ActivityLog.objects.count()
    result = import_workbook(xlsx(UNITS, PEOPLE), actor=actor)
    assert (result.units.created, result.units.updated, result.units.unchanged) == (0, 0, 3)
    assert (result.people.created, result.people.updated, result.people.unchanged) == (0, 0, 2)
    assert ActivityLog.objects.count() == logged
    assert (Unit.objects.count(), Person.objects.count()) == (3, 2)


def test_an_empty_optional_cell_keeps_the_stored_value(actor):
    import_workbook(xlsx(UNITS, PEOPLE), actor=actor)
    blank = person(**{"Chức vụ": None, "Ngày sinh": None, "Dân tộc": None, "Thư điện tử": None})
    result = import_workbook(xlsx(UNITS, [blank]), actor=actor)
    assert result.people.unchanged == 1
    hoa = Person.objects.get(code="CB001")
    assert (hoa.position, hoa.ethnicity, hoa.birth_date) == ("Chánh Văn phòng", "Tày", datetime.date(1980, 5, 2))


def test_moving_a_person_to_another_unit_logs_the_unit_change(actor):
    import_workbook(xlsx(UNITS, PEOPLE), actor=actor)
    result = import_workbook(xlsx(UNITS, [person(**{"Mã đơn vị": "PHC"})]), actor=actor)
    assert result.people.updated == 1
    hoa = Person.objects.get(code="CB001")
    log = ActivityLog.objects.for_object(hoa).first()
    assert log.changes == {"unit_id": [Unit.objects.get(code="VP").pk, Unit.objects.get(code="PHC").pk]}


# --- The template ---------------------------------------------------------------------------


def template():
    return load_workbook(io.BytesIO(template_workbook()))


def test_the_template_has_bold_marked_headers_widths_and_a_guide():
    workbook = template()
    assert workbook.sheetnames == ["Đơn vị", "Cán bộ", GUIDE_SHEET]
    people = workbook["Cán bộ"]
    headers = [cell.value for cell in people[1]]
    assert headers[:3] == ["Mã cán bộ *", "Họ và tên *", "Mã đơn vị *"]
    assert "Chức vụ" in headers
    assert all(cell.font.bold for cell in people[1])
    assert people.column_dimensions["B"].width == 30
    assert people.max_row == 1 and workbook["Đơn vị"].max_row == 1
    guide = [cell for row in workbook[GUIDE_SHEET].iter_rows() for cell in row if cell.value]
    texts = {cell.value for cell in guide}
    for code, label in (*UnitKind.choices, *Category.choices, *Gender.choices):
        assert code in texts and label in texts


def test_the_template_as_downloaded_imports_nothing(actor):
    error = only_error(import_workbook(io.BytesIO(template_workbook()), actor=actor))
    assert error.problem == "Tệp không có dòng dữ liệu nào."
    assert_nothing_saved()


def example_rows(guide, title):
    """The header and example rows shown on the guide under the block for `title`."""
    rows = list(guide.iter_rows(values_only=True))
    start = next(i for i, row in enumerate(rows) if str(row[0]).startswith(f"Ví dụ một dòng của trang «{title}»"))
    return rows[start + 1], rows[start + 2]


def test_the_guide_examples_copied_into_the_template_import_cleanly(actor):
    workbook = template()
    for title in ("Đơn vị", "Cán bộ"):
        header, example = example_rows(workbook[GUIDE_SHEET], title)
        assert tuple(cell.value for cell in workbook[title][1]) == header[: len(workbook[title][1])]
        workbook[title].append(example)
    result = import_workbook(saved(workbook), actor=actor)
    assert result.ok, [str(e) for e in result.errors]
    assert (result.units.created, result.people.created) == (1, 1)
    example = Person.objects.get(code=EXAMPLE_PERSON["code"])
    assert (example.unit.code, example.gender, example.birth_date) == (
        EXAMPLE_UNIT["code"],
        "male",
        datetime.date(1990, 8, 15),
    )


# --- The command ------------------------------------------------------------------------------


def write(tmp_path, buffer) -> str:
    path = tmp_path / "to-chuc.xlsx"
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_the_command_prints_the_counts(tmp_path, actor):
    out = io.StringIO()
    call_command("import_organization", write(tmp_path, xlsx(UNITS, PEOPLE)), "--user", "vanphong", stdout=out)
    assert out.getvalue().splitlines() == [
        "Đơn vị: 3 thêm mới, 0 cập nhật, 0 không thay đổi.",
        "Cán bộ: 2 thêm mới, 0 cập nhật, 0 không thay đổi.",
    ]
    assert set(ActivityLog.objects.values_list("actor__username", flat=True)) == {"vanphong"}


def test_the_command_prints_each_error_and_fails(tmp_path):
    path = write(tmp_path, xlsx(UNITS, [PEOPLE[1], person(**{"Ngày sinh": "30/02/1990"})]))
    err = io.StringIO()
    with pytest.raises(CommandError, match="tệp có 1 lỗi"):
        call_command("import_organization", path, stderr=err)
    assert err.getvalue().splitlines() == [
        "Dòng 3, cột «Ngày sinh» (trang «Cán bộ»): Không đọc được ngày sinh «30/02/1990»."
        " — Nhập ngày sinh theo dạng dd/mm/yyyy, ví dụ 15/08/1990.",
    ]
    assert_nothing_saved()


def test_the_command_exits_non_zero_on_errors(tmp_path, capsys):
    path = write(tmp_path, io.BytesIO(b"not a workbook"))
    # CommandError is what makes `thidua` exit with status 1. (run_from_argv is not used
    # here: it closes the database connections, which ends the test's transaction.)
    with pytest.raises(CommandError, match="Không nhập gì"):
        call_command("import_organization", path)
    assert "Tệp: Tệp không phải là tệp Excel .xlsx đọc được." in capsys.readouterr().err
    assert_nothing_saved()


def test_the_command_exits_zero_on_success(tmp_path, capsys):
    call_command("import_organization", write(tmp_path, xlsx(UNITS)))
    assert "Đơn vị: 3 thêm mới" in capsys.readouterr().out
    assert Unit.objects.count() == 3


def test_the_template_holds_no_formula_and_keeps_its_dropdowns():
    workbook = template()
    assert formula_cells(workbook) == []
    assert workbook["Cán bộ"].data_validations.dataValidation  # the lists to pick from survive the guard
