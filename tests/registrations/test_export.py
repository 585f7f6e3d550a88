"""The consolidated Excel list, read back from the downloaded file."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

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
    assert rows[0][:5] == [1, "Phòng Phổ biến, giáo dục pháp luật", "Tập thể lao động xuất sắc", "Đã tiếp nhận",
                           "15/05/2026"]
    assert rows[0][6] == "Cam kết của đơn vị ở nội dung 1"
    assert rows[1][1:4] == ["Trung tâm Trợ giúp pháp lý", "Tập thể lao động tiên tiến", "Nháp (chưa gửi)"]


def test_people_sheet_lists_unit_title_and_commitments(workbook, org):
    sheet = workbook["Cá nhân"]
    assert [c.value for c in sheet[1]] == ["STT", "Họ và tên", "Mã cán bộ", "Đơn vị", "Danh hiệu đăng ký",
                                           "Cam kết", "Trạng thái"]
    assert [c.value for c in sheet[2]] == [1, "Đặng Thị Hương", org.people.staff_a.code,
                                           "Phòng Phổ biến, giáo dục pháp luật", "Lao động tiên tiến",
                                           "Hoàn thành tốt nhiệm vụ", "Đã tiếp nhận"]


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
