"""The public honours pages: readable without signing in, showing only what the office
published, and of a person only the name, position, unit and achievement; never cached,
so what the office takes off is gone at once; fixed query counts."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import PersonFactory
from tests.honours.conftest import png
from thidua.commendation import services as commendation
from thidua.honours import services

pytestmark = pytest.mark.django_db
PAGES = ["honours_home", "honours_examples", "honours_awards", "honours_initiatives"]


def _body(url, client=None) -> str:
    response = (client or Client()).get(url)
    assert response.status_code == 200
    return response.content.decode()


def _everything_published(org, make_example, private_person, decided_award, unit_award, recognised):
    example = make_example(person=private_person, title="Số hóa hồ sơ lý lịch tư pháp lưu trữ", photo=png())
    services.publish_award(actor=org.users.officer, award=decided_award)
    services.publish_award(actor=org.users.officer, award=unit_award)
    services.publish_initiative(actor=org.users.officer, initiative=recognised)
    return example


@pytest.fixture
def published(org, make_example, private_person, decided_award, unit_award, recognised):
    return _everything_published(org, make_example, private_person, decided_award, unit_award, recognised)


def _public_urls(published, recognised) -> list[str]:
    return [reverse(name) for name in PAGES] + [
        reverse("honours_example", args=[published.pk]),
        reverse("honours_initiative", args=[recognised.pk]),
    ]


def test_an_anonymous_visitor_reads_every_public_page(published, recognised):
    home = _body(reverse("honours_home"))
    assert "Số hóa hồ sơ lý lịch tư pháp lưu trữ" in home
    assert "Năm 2026: 1 tập thể và 1 cá nhân được khen thưởng." in home
    assert "Số hóa và tra cứu hồ sơ lý lịch tư pháp" in home
    awards = _body(reverse("honours_awards"))
    assert "Trung tâm Trợ giúp pháp lý" in awards and "Tập thể lao động xuất sắc" in awards
    assert "Chiến sĩ thi đua cơ sở" in awards and "Quyết định số 25/QĐ-STP ngày 20/11/2026" in awards
    assert "Danh hiệu thi đua" in awards  # titles are labelled apart from forms of commendation
    detail = _body(reverse("honours_initiative", args=[recognised.pk]))
    assert "Quyết định công nhận số 215/QĐ-STP ngày 20/10/2026" in detail


@pytest.mark.parametrize("signed_in", [False, True])
def test_of_a_person_only_name_position_unit_and_achievement_are_shown(
    org, client_for, published, recognised, signed_in
):
    client = client_for(org.users.officer) if signed_in else Client()
    for url in _public_urls(published, recognised):
        body = _body(url, client)
        if "Đặng Thị Hương" in body:
            assert "Đặng Thị Hương</strong>, Chuyên viên — Phòng Phổ biến, giáo dục pháp luật" in body, url
        for private in (
            "huong.dang@stp.example.vn",
            "17/05/1985",
            "1985-05-17",
            "17 tháng 5 năm 1985",
            "Tày",
            "Người lao động",
            "Nữ",
            "HTXSNV",
            "Hoàn thành xuất sắc nhiệm vụ",
            "Khiển trách",
            "Vi phạm quy chế làm việc",
            "07/QĐ-KL",
            "Kinh",
        ):
            assert private not in body, f"{private!r} leaked on {url}"


def test_nothing_is_public_until_the_office_publishes_it(
    org, make_example, private_person, decided_award, undecided_award, recognised, draft_initiative
):
    hidden = make_example(person=private_person, title="Bài viết chưa công bố", publish=False)
    bodies = "".join(_body(reverse(name)) for name in PAGES)
    for text in (
        "Bài viết chưa công bố",
        "Chiến sĩ thi đua cơ sở",
        "Lao động tiên tiến",
        "Số hóa và tra cứu hồ sơ lý lịch tư pháp",
        "Họp không giấy tờ",
    ):
        assert text not in bodies
    assert Client().get(reverse("honours_example", args=[hidden.pk])).status_code == 404
    assert Client().get(reverse("honours_initiative", args=[recognised.pk])).status_code == 404
    assert Client().get(reverse("honours_initiative", args=[draft_initiative.pk])).status_code == 404


def test_what_the_office_takes_off_disappears_at_once(org, published, decided_award, recognised):
    client = Client()
    assert "Số hóa hồ sơ lý lịch tư pháp lưu trữ" in _body(reverse("honours_examples"), client)
    response = client.get(reverse("honours_awards"))
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    services.unpublish_example(actor=org.users.officer, example=published)
    services.unpublish_award(actor=org.users.officer, award=decided_award)
    services.unpublish_initiative(actor=org.users.officer, initiative=recognised)
    assert "Số hóa hồ sơ lý lịch tư pháp lưu trữ" not in _body(reverse("honours_examples"), client)
    assert "Chiến sĩ thi đua cơ sở" not in _body(reverse("honours_awards"), client)
    assert "Số hóa và tra cứu hồ sơ lý lịch tư pháp" not in _body(reverse("honours_initiatives"), client)
    assert client.get(reverse("honours_example_photo", args=[published.pk])).status_code == 404


def test_the_photo_of_a_published_example_is_served(published):
    response = Client().get(reverse("honours_example_photo", args=[published.pk]))
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_awards_are_shown_by_year(org, published, private_person):
    older = commendation.record_award(
        actor=org.users.officer,
        subject=private_person,
        code="LDTT",
        year=2025,
        decision_number="12/QĐ-STP",
        decision_date=published.created_at.date(),
    )
    services.publish_award(actor=org.users.officer, award=older)
    body = _body(reverse("honours_awards") + "?nam=2025")
    assert "Lao động tiên tiến" in body and "Chiến sĩ thi đua cơ sở" not in body
    assert 'href="?nam=2026"' in body


def test_the_public_pages_work_without_javascript_on_a_phone_and_in_english(published):
    body = _body(reverse("honours_home"))
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in body
    assert "row-cols-1" in body  # one card per row on a narrow screen
    assert f'action="{reverse("set_language")}"' in body  # a plain form: no script needed to switch
    client = Client()
    client.post(reverse("set_language"), {"language": "en", "next": "/ton-vinh/"})
    response = client.get(reverse("honours_home"))
    assert response["Content-Language"] == "en" and 'lang="en"' in response.content.decode()


def _queries(url) -> int:
    client = Client()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", PAGES)
def test_public_lists_run_a_fixed_number_of_queries(org, make_example, published, unit_award, name):
    url = reverse(name)
    before = _queries(url)
    for n in range(4):
        person = PersonFactory(unit=org.units.b, position="Trợ giúp viên pháp lý")
        make_example(person=person, title=f"Điển hình {n}")
        award = commendation.record_award(
            actor=org.users.officer,
            subject=person,
            code="CSTDCS",
            year=2026,
            decision_number="25/QĐ-STP",
            decision_date=unit_award.decision_date,
        )
        services.publish_award(actor=org.users.officer, award=award)
    assert _queries(url) == before
