"""Ratings from Excel: all rows or none, each problem placed by row and column in
Vietnamese, a second import of the same file changing nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from tests.spreadsheets import HOSTILE, assert_kept_as_text, read
from thidua.commendation.importing import import_ratings
from thidua.commendation.models import YearlyRating
from thidua.organization.models import Person, Unit

pytestmark = pytest.mark.django_db
HEADER = [
    "Năm *",
    "Mã cán bộ",
    "Họ và tên",
    "Mã đơn vị",
    "Xếp loại *",
    "Tích cực tham gia phong trào",
    "Nội bộ đoàn kết",
    "Ghi chú",
]


def workbook(*rows, header=HEADER, sheet="Xếp loại") -> io.BytesIO:
    book = Workbook()
    book.active.title = sheet
    book.active.append(header)
    for row in rows:
        book.active.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "xep-loai.xlsx"
    return buffer


def good_rows(org):
    return [
        (2026, org.people.staff_a.code, "", "", "HTXSNV", "Có", "", ""),
        (2026, org.people.head_a.code, "", "", "Hoàn thành tốt nhiệm vụ", "", "", "Nhập lại sau"),
        (2026, "", "", org.units.a.code, "HTTNV", "có", "Có", ""),
    ]


def test_office_imports_people_and_units_and_a_second_import_changes_nothing(org):
    result = import_ratings(workbook(*good_rows(org)), actor=org.users.officer)
    assert result.errors == []
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    unit_rating = YearlyRating.objects.get(unit=org.units.a)
    assert (unit_rating.rating, unit_rating.participates_in_movement, unit_rating.internal_unity) == (
        "HTTNV",
        True,
        True,
    )
    assert YearlyRating.objects.get(person=org.people.head_a).rating == "HTTNV"
    again = import_ratings(workbook(*good_rows(org)), actor=org.users.officer)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_one_bad_cell_imports_nothing_and_each_problem_is_placed(org):
    rows = good_rows(org) + [
        (2026, "KHONG-CO", "", "", "HTTNV", "", "", ""),
        ("hai nghìn", org.people.staff_b.code, "", "", "Giỏi", "Chưa rõ", "", ""),
        (2026, org.people.staff_b.code, "", org.units.b.code, "HTTNV", "", "", ""),
        (2026, org.people.staff_a.code, "", "", "HTNV", "", "", ""),
    ]
    result = import_ratings(workbook(*rows), actor=org.users.officer)
    placed = [(e.row, e.column, e.problem) for e in result.errors]
    assert (5, "Mã cán bộ", "Không có mã «KHONG-CO» trong hệ thống.") in placed
    assert (6, "Năm", "Năm «hai nghìn» không hợp lệ.") in placed
    assert (6, "Xếp loại", "Xếp loại «Giỏi» không hợp lệ.") in placed
    assert (6, "Tích cực tham gia phong trào", "«Chưa rõ» không hợp lệ.") in placed
    assert (7, "Mã cán bộ", "Cần đúng một trong hai: «Mã cán bộ» hoặc «Mã đơn vị».") in placed
    assert (8, "Mã cán bộ", "Trùng với dòng 2 (cùng đối tượng, cùng năm).") in placed
    assert all(e.fix for e in result.errors)
    assert not YearlyRating.objects.exists()


def test_a_unit_head_imports_only_the_people_of_the_unit(org):
    rows = [
        (2026, org.people.staff_a.code, "", "", "HTTNV", "", "", ""),
        (2026, org.people.staff_b.code, "", "", "HTTNV", "", "", ""),
        (2026, "", "", org.units.a.code, "HTXSNV", "", "", ""),
    ]
    result = import_ratings(workbook(*rows), actor=org.users.head_a)
    assert [(e.row, e.column) for e in result.errors] == [(3, "Mã cán bộ"), (4, "Mã đơn vị")]
    assert "Bạn không được nhập xếp loại cho «Triệu Thị Mai»." in str(result.errors[0])
    assert not YearlyRating.objects.exists()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"not a workbook", "Tệp không phải là tệp Excel .xlsx đọc được."),
        (None, "Không tìm thấy trang «Xếp loại»."),
    ],
)
def test_unreadable_files_and_missing_sheets(org, content, problem):
    file = io.BytesIO(content) if content else workbook(sheet="Trang 1")
    result = import_ratings(file, actor=org.users.officer)
    assert result.errors[0].problem == problem


def test_a_missing_required_column_is_reported(org):
    result = import_ratings(workbook((2026, "X"), header=["Năm", "Mã cán bộ"]), actor=org.users.officer)
    assert result.errors[0].problem == "Thiếu cột bắt buộc «Xếp loại»."


def test_the_page_shows_each_error_and_the_template_lists_the_heads_people(org, client_for):
    client = client_for(org.users.head_a)
    bad = workbook((2026, org.people.staff_a.code, "", "", "Xuất sắc lắm", "", "", "")).getvalue()
    response = client.post(reverse("ratings_import"), {"file": SimpleUploadedFile("xep-loai.xlsx", bad)})
    body = response.content.decode()
    assert "Tệp có 1 lỗi, chưa nhập dòng nào" in body and "Xếp loại «Xuất sắc lắm» không hợp lệ." in body
    template = load_workbook(io.BytesIO(client.get(reverse("ratings_template") + "?year=2026").content))
    codes = {row[1] for row in template["Xếp loại"].iter_rows(min_row=2, values_only=True)}
    assert codes == {org.people.head_a.code, org.people.staff_a.code}


def test_the_filled_template_imports(org, client_for):
    client = client_for(org.users.officer)
    book = load_workbook(io.BytesIO(client.get(reverse("ratings_template") + "?year=2025").content))
    sheet = book["Xếp loại"]
    for row in sheet.iter_rows(min_row=2):
        row[4].value = "HTTNV"
    buffer = io.BytesIO()
    book.save(buffer)
    response = client.post(reverse("ratings_import"), {"file": SimpleUploadedFile("mau.xlsx", buffer.getvalue())})
    assert "thêm mới" in response.content.decode()
    assert YearlyRating.objects.filter(year=2025, person__isnull=False).count() == 7
    assert YearlyRating.objects.filter(year=2025, unit__isnull=False).exists()


def test_staff_cannot_import(org, client_for):
    assert client_for(org.users.staff_a).get(reverse("ratings_import")).status_code == 403


def test_the_template_writes_names_typed_as_formulas_as_text(org, client_for):
    Person.objects.filter(pk=org.people.staff_a.pk).update(full_name=HOSTILE)
    Unit.objects.filter(pk=org.units.a.pk).update(name="@Phòng thử")
    data = client_for(org.users.officer).get(reverse("ratings_template") + "?year=2026").content
    assert_kept_as_text(data, HOSTILE, "@Phòng thử")
    assert read(data)["Xếp loại"]["A2"].value == 2026
