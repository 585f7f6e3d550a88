"""The organisation pages: who sees whom, diacritic-insensitive search, pagination, and
a fixed number of queries per list page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _names(response) -> set[str]:
    return {p.full_name for p in response.context["page_obj"]}


def test_unit_head_sees_own_unit_only(org, client_for):
    names = _names(client_for(org.users.head_a).get(reverse("people")))
    assert names == {"Nguyễn Văn Đạt", "Đặng Thị Hương"}


def test_office_sees_the_whole_department(org, client_for):
    names = _names(client_for(org.users.officer).get(reverse("people")))
    assert {"Ma Văn Sơn", "Nguyễn Văn Đạt", "Nguyễn Khánh Lâm"} <= names
    assert len(names) == 7


@pytest.mark.parametrize("persona", ["head_a", "staff_a"])
def test_person_of_another_unit_is_404(org, client_for, persona):
    response = client_for(getattr(org.users, persona)).get(reverse("person_detail", args=[org.people.head_b.pk]))
    assert response.status_code == 404
    assert "Ma Văn Sơn" not in response.content.decode()


def test_head_of_b_cannot_open_a_person_of_a(org, client_for):
    response = client_for(org.users.head_b).get(reverse("person_detail", args=[org.people.staff_a.pk]))
    assert response.status_code == 404


def test_staff_sees_own_page_and_colleagues(org, client_for):
    client = client_for(org.users.staff_a)
    assert client.get(reverse("person_detail", args=[org.people.staff_a.pk])).status_code == 200
    assert client.get(reverse("person_detail", args=[org.people.head_a.pk])).status_code == 200


def test_anonymous_cannot_list_people(client, org):
    response = client.get(reverse("people"))
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nguyen van", {"Nguyễn Văn Đạt", "Nguyễn Khánh Lâm"} - {"Nguyễn Khánh Lâm"}),
        ("dat", {"Nguyễn Văn Đạt"}),
        ("đặng", {"Đặng Thị Hương"}),
        ("dang thi", {"Đặng Thị Hương"}),
        ("HUONG", {"Đặng Thị Hương"}),
        ("nguyễn", {"Nguyễn Văn Đạt", "Nguyễn Khánh Lâm"}),
    ],
)
def test_search_ignores_diacritics(org, client_for, query, expected):
    names = _names(client_for(org.users.officer).get(reverse("people"), {"q": query}))
    assert names == expected


def test_search_by_d_finds_đ(org, client_for):
    names = _names(client_for(org.users.officer).get(reverse("people"), {"q": "d"}))
    assert {"Nguyễn Văn Đạt", "Đặng Thị Hương"} <= names


def test_unit_filter_includes_the_units_below(org, client_for):
    names = _names(client_for(org.users.officer).get(reverse("people"), {"unit": org.units.agency.pk}))
    assert len(names) == 7


def test_people_list_paginates(org, client_for):
    PersonFactory.create_batch(30, unit=org.units.a)
    client = client_for(org.users.officer)
    first = client.get(reverse("people"))
    second = client.get(reverse("people"), {"page": 2})
    assert len(first.context["page_obj"]) == 25
    assert len(second.context["page_obj"]) == 37 - 25
    assert "Trang 1/2" in first.content.decode()


def _queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url_name", ["people", "unit_tree", "activity"])
def test_list_pages_run_a_fixed_number_of_queries(org, client_for, url_name):
    client = client_for(org.users.officer)
    url = reverse(url_name)
    client.get(url)  # warm the session
    before = _queries(client, url)
    PersonFactory.create_batch(20, unit=org.units.a)
    PersonFactory.create_batch(20, unit=org.units.b)
    assert _queries(client, url) == before


def test_search_query_count_does_not_grow(org, client_for):
    client = client_for(org.users.officer)
    url = reverse("people")
    client.get(url)
    before = _queries(client, url, {"q": "nguyen"})
    PersonFactory.create_batch(20, unit=org.units.a, full_name="Nguyễn Thị Lan")
    assert _queries(client, url, {"q": "nguyen"}) == before


def test_unit_tree_shows_only_visible_units(org, client_for):
    body = client_for(org.users.head_a).get(reverse("unit_tree")).content.decode()
    assert "Phòng Phổ biến, giáo dục pháp luật" in body
    assert "Trung tâm Trợ giúp pháp lý" not in body


def test_import_page_is_for_the_office_only(org, client_for):
    assert client_for(org.users.head_a).get(reverse("import_organization")).status_code == 403
    assert client_for(org.users.head_a).get(reverse("import_template")).status_code == 403
    assert client_for(org.users.officer).get(reverse("import_organization")).status_code == 200


def test_activity_log_is_not_for_staff(org, client_for):
    assert client_for(org.users.staff_a).get(reverse("activity")).status_code == 403
    assert client_for(org.users.director).get(reverse("activity")).status_code == 200


def test_english_is_available(org, client_for):
    client = client_for(org.users.officer)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.get(reverse("people")).content.decode()
    assert "List of staff" in body
    assert 'lang="en"' in body


def test_office_imports_a_file_and_sees_each_bad_row(org, client_for):
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Cán bộ"
    sheet.append(["Mã cán bộ", "Họ và tên", "Mã đơn vị", "Đối tượng", "Giới tính", "Ngày sinh"])
    sheet.append(["N-01", "Lò Văn Pằng", "PBGD", "Công chức", "Nam", "01/02/1990"])
    sheet.append(["N-02", "Giàng Thị Mỷ", "KHONG-CO", "Công chức", "Nữ", "12/03/2031"])
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "can-bo.xlsx"
    client = client_for(org.users.officer)
    body = client.post(reverse("import_organization"), {"file": buffer}).content.decode()
    assert "chưa nhập dòng nào" in body
    assert "KHONG-CO" in body and "12/03/2031" in body
    from thidua.organization.models import Person

    assert not Person.objects.filter(code__in=["N-01", "N-02"]).exists()


def test_import_refuses_a_file_that_is_not_excel(org, client_for):
    import io

    upload = io.BytesIO(b"ho ten,don vi\nA,B\n")
    upload.name = "danh-sach.csv"
    body = client_for(org.users.officer).post(reverse("import_organization"), {"file": upload}).content.decode()
    assert "Chỉ nhận tệp Excel .xlsx" in body
