"""What the pages answer to input they cannot take: a form over Django's size limits
gets a 400 page in the site's layout that names the limit; a filter in the address
that is not a valid number is ignored with a warning naming it, and the page shows its
default; an id or a year in the path that no column holds is 404."""

import pytest
from django.urls import reverse

from thidua.plans.loading import load_plan

pytestmark = pytest.mark.django_db

YEAR_NAM = "Tham số nam phải là một năm từ 2000 đến 2100."
YEAR = "Tham số year phải là một năm từ 2000 đến 2100."


@pytest.fixture
def plan(org):
    return load_plan()[0]


def test_a_form_over_the_size_limit_gets_the_sites_400_page_naming_it(org, client_for, plan, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = client_for(org.users.head_a).post(
        reverse("difficulty_create"), {"title": "x", "description": "y" * 2000}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dữ liệu gửi lên quá lớn: tối đa 1 KB (không kể tệp đính kèm)." in page
    assert 'class="navbar-brand fw-semibold"' in page and "Đăng xuất" in page  # the site's layout, signed in
    assert "những gì bạn đã nhập vẫn còn ở đó" in page


def test_a_form_with_too_many_fields_names_the_limit(org, client_for, plan, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 3
    response = client_for(org.users.head_a).post(reverse("difficulty_create"), {f"f{n}": "x" for n in range(5)})
    assert response.status_code == 400
    assert "Gửi quá nhiều trường dữ liệu: tối đa 3 trường một lần." in response.content.decode()


@pytest.mark.parametrize(
    "persona, name, query, message",
    [
        ("staff_a", "registration_mine", {"nam": "²"}, YEAR_NAM),
        ("officer", "movement_overview", {"nam": "10000"}, YEAR_NAM),
        ("officer", "indicators_overview", {"year": "²"}, YEAR),
        (
            "officer",
            "report_status_board",
            {"ky": "99999999999999999999999"},
            "Tham số ky phải là mã số (id) của một đối tượng: số nguyên dương, tối đa 19 chữ số.",
        ),
        (
            "officer",
            "activity",
            {"loai": "²"},
            "Tham số loai phải là mã số (id) của một đối tượng: số nguyên dương, tối đa 19 chữ số.",
        ),
        ("officer", "honours_manage_awards", {"nam": "99999"}, YEAR_NAM),
    ],
)
def test_an_invalid_filter_is_ignored_with_a_warning(org, client_for, plan, persona, name, query, message):
    response = client_for(getattr(org.users, persona)).get(reverse(name), query)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_timeline_ignores_an_invalid_year(org, client_for, plan):
    url = reverse("results_person_timeline", args=[org.people.staff_a.pk])
    response = client_for(org.users.staff_a).get(url, {"year": "0"})
    assert response.status_code == 200
    assert YEAR in response.content.decode()
    assert response.context["year"] in range(plan.start_year, plan.end_year + 1)


def test_the_page_shows_the_default_year_when_the_filter_is_invalid(org, client_for, plan):
    response = client_for(org.users.officer).get(reverse("indicators_overview"), {"year": "²"})
    assert response.context["year"] in range(plan.start_year, plan.end_year + 1)


def test_the_public_honours_page_ignores_an_invalid_year(client, org):
    response = client.get(reverse("honours_awards"), {"nam": "²"})
    assert response.status_code == 200
    assert YEAR_NAM in response.content.decode()


def test_the_ratings_template_keeps_this_year_for_an_invalid_one(org, client_for, plan):
    response = client_for(org.users.officer).get(reverse("ratings_template"), {"year": "²"})
    assert response.status_code == 200
    assert 'filename="mau-xep-loai-20' in response["Content-Disposition"]


@pytest.mark.parametrize(
    "path",
    [
        "/ket-qua/99999999999999999999/",
        "/ket-qua/9223372036854775808/",
        "/ket-qua/0/",
        "/kho-khan/99999999999999999999999/",
        "/dang-ky-thi-dua/don-vi/99999999999999999999/",
        "/khen-thuong/xet-dieu-kien/ca-nhan/99999999999999999999/",
        "/cham-diem/1999/",
        "/cham-diem/99999/",
    ],
)
def test_an_id_or_year_out_of_range_in_the_path_is_404(org, client_for, plan, path):
    assert client_for(org.users.officer).get(path).status_code == 404


def test_an_id_in_range_still_resolves(org, client_for, plan):
    from thidua.core.converters import IdConverter

    assert IdConverter().to_python("9223372036854775807") == 2**63 - 1
    response = client_for(org.users.officer).get(reverse("registration_unit", args=[org.units.a.pk]))
    assert response.status_code == 200
