"""The consolidated Excel list, read back from the downloaded file."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.spreadsheets import HOSTILE, HOSTILE_VALUES, assert_kept_as_text, read
from thidua.core.codes import EmulationTitle
from thidua.organization.models import Unit
from thidua.registrations import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def workbook(submitted, unit_b_draft, org, client_for):
    services.accept_registration(registration=submitted, actor=org.users.officer)
    response = client_for(org.users.officer).get(reverse("registration_export") + "?nam=2026")
    assert response["Content-Disposition"] == 'attachment; filename="dang-ky-thi-dua-2026.xlsx"'
    return load_workbook(io.BytesIO(response.content))


def test_units_sheet_lists_title_and_state(workbook):
    assert workbook.sheetnames == ["Đơn vị", "Cá nhân"]
    sheet = workbook["Đơn vị"]
    headers = [c.value for c in sheet[1]]
    assert headers[:6] == ["STT", "Đơn vị", "Danh hiệu đăng ký", "Trạng thái", "Ngày gửi", "Nộp muộn"]
    assert headers[6:] == [f"Cam kết nội dung {n}" for n in range(1, 6)]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert rows[0][:5] == [
        1,
        "Phòng Phổ biến, giáo dục pháp luật",
        "Tập thể lao động xuất sắc",
        "Đã tiếp nhận",
        "15/05/2026",
    ]
    assert rows[0][6] == "Cam kết của đơn vị ở nội dung 1"
    assert rows[1][1:4] == ["Trung tâm Trợ giúp pháp lý", "Tập thể lao động tiên tiến", "Nháp (chưa gửi)"]


def test_people_sheet_lists_unit_title_and_commitments(workbook, org):
    sheet = workbook["Cá nhân"]
    assert [c.value for c in sheet[1]] == [
        "STT",
        "Họ và tên",
        "Mã cán bộ",
        "Đơn vị",
        "Danh hiệu đăng ký",
        "Cam kết",
        "Trạng thái",
    ]
    assert [c.value for c in sheet[2]] == [
        1,
        "Đặng Thị Hương",
        org.people.staff_a.code,
        "Phòng Phổ biến, giáo dục pháp luật",
        "Lao động tiên tiến",
        "Hoàn thành tốt nhiệm vụ",
        "Đã tiếp nhận",
    ]


def test_headers_are_bold_and_columns_sized(workbook):
    for sheet in workbook.worksheets:
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.column_dimensions["B"].width >= 28
        assert sheet.freeze_panes == "A2"


def test_export_follows_the_state_filter(submitted, unit_b_draft, org, client_for):
    response = client_for(org.users.officer).get(reverse("registration_export") + "?nam=2026&trang_thai=draft")
    sheet = load_workbook(io.BytesIO(response.content))["Đơn vị"]
    assert [row[1].value for row in sheet.iter_rows(min_row=2)] == ["Trung tâm Trợ giúp pháp lý"]


def test_a_unit_head_cannot_download_the_list(submitted, org, client_for):
    response = client_for(org.users.head_a).get(reverse("registration_export") + "?nam=2026")
    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")


def test_commitments_typed_as_formulas_are_exported_as_text(plan, areas, unit_b_draft, draft, org, client_for):
    hostile = dict(zip((a.pk for a in areas), HOSTILE_VALUES, strict=False))
    services.save_unit_registration(
        registration=unit_b_draft, title=EmulationTitle.TTLDTT, commitments=hostile, actor=org.users.head_b
    )
    services.save_person_registration(
        registration=draft,
        person=org.people.staff_a,
        title=EmulationTitle.LDTT,
        commitments=HOSTILE,
        actor=org.users.staff_a,
    )
    Unit.objects.filter(pk=org.units.a.pk).update(name="-Phòng thử")
    response = client_for(org.users.officer).get(reverse("registration_export") + "?nam=2026")
    # The service trims what was typed: "\t=1+1" is stored, and exported, as "=1+1".
    assert_kept_as_text(response.content, *(v.strip() for v in hostile.values()), HOSTILE, "-Phòng thử")
    assert read(response.content)["Đơn vị"]["A2"].value == 1  # the row number stays a number
