"""The public honours API: anonymous, read-only, only what is published, and of a
person only the name, position and unit; fixed query counts."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import PersonFactory
from thidua.commendation import services as commendation
from thidua.honours import services

pytestmark = pytest.mark.django_db
EXAMPLES, AWARDS, INITIATIVES = "/api/v1/honours/examples/", "/api/v1/honours/awards/", "/api/v1/honours/initiatives/"


@pytest.fixture
def published(org, make_example, private_person, decided_award, undecided_award, recognised, draft_initiative):
    make_example(person=private_person, title="Số hóa hồ sơ lưu trữ")
    make_example(title="Chưa công bố", publish=False)
    services.publish_award(actor=org.users.officer, award=decided_award)
    services.publish_initiative(actor=org.users.officer, initiative=recognised)


def test_anonymous_visitors_read_only_what_is_published(published):
    client = Client()
    examples = client.get(EXAMPLES).json()["results"]
    assert [e["title"] for e in examples] == ["Số hóa hồ sơ lưu trữ"]
    assert examples[0]["subject"] == {
        "kind": "individual",
        "name": "Đặng Thị Hương",
        "position": "Chuyên viên",
        "unit": "Phòng Phổ biến, giáo dục pháp luật",
    }
    awards = client.get(AWARDS, {"year": 2026}).json()["results"]
    assert [(a["code"], a["category"], a["decision_number"]) for a in awards] == [("CSTDCS", "title", "25/QĐ-STP")]
    initiatives = client.get(INITIATIVES).json()["results"]
    assert [i["title"] for i in initiatives] == ["Số hóa và tra cứu hồ sơ lý lịch tư pháp"]
    assert initiatives[0]["authors"] == [
        {"name": "Đặng Thị Hương", "position": "Chuyên viên", "unit": "Phòng Phổ biến, giáo dục pháp luật"}
    ]


def test_no_private_field_of_a_person_reaches_the_api(published):
    text = "".join(Client().get(url).content.decode() for url in (EXAMPLES, AWARDS, INITIATIVES))
    for private in (
        "huong.dang@stp.example.vn",
        "1985-05-17",
        "Tày",
        "nguoi_lao_dong",
        "female",
        "HTXSNV",
        "07/QĐ-KL",
        "birth",
        "email",
        "gender",
        "ethnicity",
        "rating",
        "discipline",
    ):
        assert private not in text


def test_the_public_api_is_read_only(published):
    assert Client().post(EXAMPLES, {"title": "x"}).status_code in (403, 405)


@pytest.mark.parametrize("url", [EXAMPLES, AWARDS, INITIATIVES])
def test_public_api_lists_run_a_fixed_number_of_queries(org, published, make_example, decided_award, url):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert Client().get(url).status_code == 200
        return len(ctx.captured_queries)

    before = count()
    for n in range(3):
        person = PersonFactory(unit=org.units.b)
        make_example(person=person, title=f"Điển hình {n}")
        award = commendation.record_award(
            actor=org.users.officer,
            subject=person,
            code="CSTDCS",
            year=2026,
            decision_number="25/QĐ-STP",
            decision_date=decided_award.decision_date,
        )
        services.publish_award(actor=org.users.officer, award=award)
    assert count() == before
