"""The yearly Excel sheet of a unit's values: the template and its all-or-nothing import
with errors by row and column."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.indicators.conftest import make_indicator
from tests.spreadsheets import HOSTILE, assert_kept_as_text, read
from thidua.indicators.excel import import_values, template_workbook
from thidua.indicators.models import IndicatorValue
from thidua.organization.models import Unit

pytestmark = pytest.mark.django_db


def _workbook(plan, unit, year=2026):
    return load_workbook(io.BytesIO(template_workbook(plan, unit, year)))


def _file(book, name="so-lieu.xlsx"):
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = name
    return buffer


def _rows(sheet) -> dict[str, int]:
    return {sheet.cell(row=r, column=1).value: r for r in range(6, sheet.max_row + 1)}


def test_the_template_lists_the_indicators_with_stored_values(org, plan, share, people_count, record):
    record(share, org.units.a, 1, "80,5".replace(",", "."))
    sheet = _workbook(plan, org.units.a)["Số liệu"]
    assert (sheet["B2"].value, sheet["B3"].value) == ("PBGD", 2026)
    assert [c.value for c in sheet[5]] == [
        "Mã chỉ tiêu *",
        "Tên chỉ tiêu",
        "Đơn vị tính",
        "Quý 1",
        "Quý 2",
        "Quý 3",
        "Quý 4",
    ]
    row = _rows(sheet)["KY-SO"]
    assert sheet.cell(row=row, column=4).value == 80.5 and sheet.cell(row=row, column=5).value is None


def test_a_filled_template_imports_and_a_second_import_updates(org, plan, share, people_count, record):
    record(share, org.units.a, 1, "70")
    book = _workbook(plan, org.units.a)
    sheet = book["Số liệu"]
    rows = _rows(sheet)
    sheet.cell(row=rows["KY-SO"], column=5).value = "88,5"
    sheet.cell(row=rows["BDHVS"], column=4).value = 3
    sheet.cell(row=rows["BDHVS"], column=5).value = 5
    outcome = import_values(_file(book), plan=plan, unit=org.units.a, actor=org.users.head_a)
    assert outcome.errors == []
    assert (outcome.counts.created, outcome.counts.updated, outcome.counts.unchanged) == (3, 0, 1)
    values = {(v.indicator.code, v.quarter): v.value for v in IndicatorValue.objects.select_related("indicator")}
    assert values == {
        ("KY-SO", 1): Decimal(70),
        ("KY-SO", 2): Decimal("88.5"),
        ("BDHVS", 1): Decimal(3),
        ("BDHVS", 2): Decimal(5),
    }
    sheet.cell(row=rows["BDHVS"], column=5).value = 6
    again = import_values(_file(book), plan=plan, unit=org.units.a, actor=org.users.head_a)
    assert again.counts.updated == 1 and IndicatorValue.objects.count() == 4


def test_a_percentage_formatted_cell_is_read_as_a_percentage(org, plan, share):
    book = _workbook(plan, org.units.a)
    cell = book["Số liệu"].cell(row=_rows(book["Số liệu"])["KY-SO"], column=4)
    cell.value, cell.number_format = 0.85, "0%"
    assert import_values(_file(book), plan=plan, unit=org.units.a, actor=None).errors == []
    assert IndicatorValue.objects.get().value == Decimal(85)


def test_every_bad_cell_is_listed_and_nothing_is_imported(org, plan, share, people_count):
    book = _workbook(plan, org.units.a)
    sheet = book["Số liệu"]
    rows = _rows(sheet)
    sheet.cell(row=rows["KY-SO"], column=4).value = "mười"
    sheet.cell(row=rows["KY-SO"], column=5).value = 120
    sheet.cell(row=rows["BDHVS"], column=4).value = -1
    sheet.cell(row=rows["BDHVS"], column=5).value = 4
    sheet.append(["KHONG-CO", "", "", 1])
    outcome = import_values(_file(book), plan=plan, unit=org.units.a, actor=None)
    found = {(e.row, e.column): e.problem for e in outcome.errors}
    assert "«mười» không phải là một số" in found[(rows["KY-SO"], "Quý 1")]
    assert "không vượt quá 100 (đã nhập 120)" in found[(rows["KY-SO"], "Quý 2")]
    assert "không nhận giá trị âm (đã nhập -1)" in found[(rows["BDHVS"], "Quý 1")]
    assert "Không có chỉ tiêu mã «KHONG-CO»" in found[(sheet.max_row, "Mã chỉ tiêu")]
    assert str(outcome.errors[0]).startswith(f"Dòng {rows['KY-SO']}, cột «Quý 1» (trang «Số liệu»)")
    assert not IndicatorValue.objects.exists()


@pytest.mark.parametrize(
    ("cell", "value", "column", "message"),
    [
        ("B3", 2031, "Năm", "Năm 2031 nằm ngoài kế hoạch. Hãy chọn năm từ 2026 đến 2030."),
        ("B2", "TGPL", "Mã đơn vị", "Tệp ghi mã đơn vị «TGPL», không phải «PBGD»"),
        ("H5", "Quý 5", "Quý 5", "Quý phải từ 1 đến 4 (đã nhập 5)."),
    ],
)
def test_a_wrong_year_unit_or_quarter_is_refused(org, plan, share, cell, value, column, message):
    book = _workbook(plan, org.units.a)
    sheet = book["Số liệu"]
    sheet[cell] = value
    sheet.cell(row=_rows(sheet)["KY-SO"], column=4).value = 50
    outcome = import_values(_file(book), plan=plan, unit=org.units.a, actor=None)
    assert [(e.column, message in e.problem) for e in outcome.errors] == [(column, True)]
    assert not IndicatorValue.objects.exists()


def test_a_file_that_is_not_excel_or_empty_is_refused(org, plan, share):
    junk = io.BytesIO(b"not a workbook")
    junk.name = "x.xlsx"
    assert "không phải là tệp Excel" in import_values(junk, plan=plan, unit=org.units.a, actor=None).errors[0].problem
    empty = import_values(_file(_workbook(plan, org.units.a)), plan=plan, unit=org.units.a, actor=None)
    assert empty.errors[0].problem == "Tệp chưa có số liệu nào."


def test_the_import_page_shows_errors_and_the_template_downloads(org, client_for, plan, share):
    client = client_for(org.users.head_a)
    template = client.get(reverse("indicator_values_template", args=[org.units.a.pk, 2026]))
    assert template["Content-Disposition"] == 'attachment; filename="so-lieu-chi-tieu-PBGD-2026.xlsx"'
    book = load_workbook(io.BytesIO(template.content))
    book["Số liệu"].cell(row=6, column=4).value = "abc"
    body = client.post(
        reverse("indicator_values_import", args=[org.units.a.pk]), {"file": _file(book)}
    ).content.decode()
    assert "Tệp có 1 lỗi, chưa nhập số liệu nào" in body and "«abc» không phải là một số" in body
    assert (
        client_for(org.users.head_b).get(reverse("indicator_values_template", args=[org.units.a.pk, 2026])).status_code
        == 404
    )
    assert (
        client_for(org.users.staff_a).get(reverse("indicator_values_import", args=[org.units.a.pk])).status_code == 403
    )


def test_the_template_writes_names_typed_as_formulas_as_text(org, plan, share, record):
    make_indicator(plan, "XX", name=HOSTILE, unit="+đồng")
    Unit.objects.filter(pk=org.units.a.pk).update(name="-Phòng thử")
    record(share, org.units.a, 1, "80.5")
    data = template_workbook(plan, Unit.objects.get(pk=org.units.a.pk), 2026)
    assert_kept_as_text(data, HOSTILE, "+đồng", "-Phòng thử")
    sheet = read(data)["Số liệu"]
    assert sheet.cell(row=_rows(sheet)["KY-SO"], column=4).value == 80.5
