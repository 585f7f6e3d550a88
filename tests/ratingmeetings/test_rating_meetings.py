"""A unit's rating meeting: recorded by its head or the office with checked counts,
read by those who see the unit, its minutes laid out as Nghị định 30/2020 with every
name and count, and held in the dossier of the people it voted on."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.documents.content import content_problems, text_of
from tests.documents.layout import nd30_problems
from tests.factories import PersonFactory
from tests.wording.edits import assert_office_owns
from thidua.plans.loading import load_plan
from thidua.ratingmeetings import services
from thidua.ratingmeetings.minutes_docx import RatingMinutesDocx, filename, share
from thidua.ratingmeetings.wording import MINUTES

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 12, 5)


def _fields(org, **changes):
    return {
        "date": DAY,
        "start_time": datetime.time(8, 0),
        "end_time": datetime.time(10, 30),
        "place": "Phòng họp số 3",
        "chair": org.people.head_a,
        "secretary": org.people.staff_a,
        "members_total": 12,
        "present": 11,
        "conclusion": "",
    } | changes


@pytest.fixture
def meeting(org):
    load_plan()
    meeting = services.save_meeting(actor=org.users.head_a, unit=org.units.a, year=2026, **_fields(org))
    services.save_vote(
        actor=org.users.head_a, meeting=meeting, person=org.people.staff_a, award_code="CSTDCS", votes_for=10
    )
    services.save_vote(
        actor=org.users.head_a, meeting=meeting, person=org.people.staff_a, award_code="LDTT", votes_for=11
    )
    services.save_vote(
        actor=org.users.head_a,
        meeting=meeting,
        person=org.people.head_a,
        award_code="LDTT",
        votes_for=9,
        votes_against=2,
    )
    return meeting


def test_the_minutes_pass_the_layout_check(meeting):
    data = RatingMinutesDocx(meeting).render()
    assert nd30_problems(data, doc_type="BIÊN BẢN") == []


def test_the_minutes_carry_every_name_and_count(org, meeting):
    data = RatingMinutesDocx(meeting).render()
    assert (
        content_problems(
            data,
            expected=[
                "SỞ TƯ PHÁP",
                org.units.a.name.upper(),
                "/BB-PBGD",
                "Tuyên Quang, ngày 05 tháng 12 năm 2026",
                "Họp bình xét thi đua, khen thưởng năm 2026",
                "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
                "Nghị định số 98/2023/NĐ-CP",
                "hồi 08 giờ 00 phút, ngày 05 tháng 12 năm 2026, tại Phòng họp số 3",
                "Chủ trì: Nguyễn Văn Đạt, Trưởng phòng.",
                "Thư ký: Đặng Thị Hương",
                "12 người; có mặt 11 người; vắng mặt 01 người.",
                "1. Đề nghị Chiến sĩ thi đua cơ sở: 01 cá nhân.",
                "2. Đề nghị Lao động tiên tiến: 02 cá nhân.",
                "10/11",
                "90,9%",
                "11/11",
                "100%",
                "09/11",
                "81,8%",
                "kết thúc hồi 10 giờ 30 phút cùng ngày",
                "THƯ KÝ",
                "CHỦ TRÌ",
                "- Văn phòng Sở (để tổng hợp);",
            ],
        )
        == []
    )
    assert text_of(data).count("Đặng Thị Hương") == 4  # secretary, two votes, signature


def test_shares_are_written_the_vietnamese_way():
    assert share(10, 11) == "90,9%" and share(11, 11) == "100%" and share(0, 0) == "0%"


def test_the_counts_must_add_up(org, meeting):
    with pytest.raises(ValidationError) as error:
        services.save_vote(
            actor=org.users.head_a,
            meeting=meeting,
            person=org.people.head_a,
            award_code="CSTDCS",
            votes_for=10,
            votes_against=2,
        )
    assert "lớn hơn số người dự họp (11)" in str(error.value)
    with pytest.raises(ValidationError) as error:
        services.save_vote(
            actor=org.users.head_a, meeting=meeting, person=org.people.staff_b, award_code="LDTT", votes_for=1
        )
    assert "không thuộc" in str(error.value)


def test_the_meeting_is_checked(org):
    bad = _fields(org, present=13, end_time=datetime.time(7, 0), secretary=org.people.staff_b)
    with pytest.raises(ValidationError) as error:
        services.save_meeting(actor=org.users.head_a, unit=org.units.a, year=2026, **bad)
    messages = error.value.message_dict
    assert set(messages) == {"present", "end_time", "secretary"}
    with pytest.raises(PermissionDenied):
        services.save_meeting(actor=org.users.head_b, unit=org.units.a, year=2026, **_fields(org))


def test_a_second_meeting_of_the_year_is_refused(org, meeting):
    with pytest.raises(ValidationError, match="đã ghi cuộc họp bình xét năm 2026"):
        services.save_meeting(actor=org.users.officer, unit=org.units.a, year=2026, **_fields(org))


def test_the_file_name(meeting):
    assert filename(meeting) == "bien-ban-binh-xet-phong-pho-bien-giao-duc-phap-luat-2026.docx"


def test_pages_follow_the_units_scope(client_for, org, meeting):
    detail = reverse("rating_meeting_detail", args=[meeting.pk])
    minutes = reverse("rating_meeting_minutes", args=[meeting.pk])
    head = client_for(org.users.head_a)
    assert head.get(detail).status_code == 200 and head.get(minutes).status_code == 200
    assert client_for(org.users.officer).get(minutes).status_code == 200
    other = client_for(org.users.head_b)
    assert other.get(detail).status_code == 404 and other.get(minutes).status_code == 404
    staff = client_for(org.users.staff_a)
    assert staff.get(detail).status_code == 200  # a member of the unit reads its minutes
    answer = staff.post(detail, {"person": org.people.staff_a.pk, "award_code": "LDTT", "votes_for": 1})
    assert answer.status_code == 403
    assert other.get(reverse("rating_meeting_create", args=[org.units.a.pk])).status_code == 404


def test_recording_through_the_pages_keeps_what_was_typed(client_for, org):
    load_plan()
    head = client_for(org.users.head_a)
    url = reverse("rating_meeting_create", args=[org.units.a.pk])
    data = {
        "year": 2026,
        "date": "05/12/2026",
        "start_time": "08:00",
        "end_time": "07:00",
        "place": "Phòng họp số 3",
        "chair": org.people.head_a.pk,
        "secretary": org.people.staff_a.pk,
        "members_total": 12,
        "present": 11,
    }
    answer = head.post(url, data)
    assert answer.status_code == 400
    page = answer.content.decode()
    assert "Giờ kết thúc phải sau giờ bắt đầu." in page and "Phòng họp số 3" in page
    answer = head.post(url, data | {"end_time": "10:00"})
    assert answer.status_code == 302
    detail = answer["Location"]
    answer = head.post(detail, {"person": org.people.staff_a.pk, "award_code": "LDTT", "votes_for": 20})
    assert answer.status_code == 400 and "lớn hơn số người dự họp" in answer.content.decode()


def test_the_list_costs_the_same_queries_for_many_meetings(client_for, org, meeting):
    officer = client_for(org.users.officer)
    url = reverse("rating_meeting_list")
    with CaptureQueriesContext(connection) as one:
        assert officer.get(url).status_code == 200
    services.save_meeting(
        actor=org.users.officer,
        unit=org.units.b,
        year=2026,
        **_fields(org, chair=org.people.head_b, secretary=org.people.staff_b),
    )
    for year in (2024, 2025):
        services.save_meeting(
            actor=org.users.officer, unit=org.units.a, year=year, **_fields(org, date=datetime.date(year, 12, 5))
        )
    with CaptureQueriesContext(connection) as many:
        page = officer.get(url).content.decode()
    assert page.count('data-testid="rating-meeting"') == 4
    assert len(many) == len(one)


def test_the_dossier_holds_the_minutes_of_the_persons_unit(client_for, org, meeting):
    from tests.proposals.conftest import Flow, rate
    from thidua.proposals import dossier

    rate(org.people.staff_a)
    proposal = Flow(org).create()
    assert "Biên bản họp bình xét của" in dossier.held_by_system(proposal)["bien_ban_binh_xet"]
    page = client_for(org.users.head_a).get(reverse("proposal_detail", args=[proposal.pk])).content.decode()
    assert reverse("rating_meeting_minutes", args=[meeting.pk]) in page
    PersonFactory(unit=org.units.a)  # unrelated people change nothing
    assert dossier.rating_meeting(proposal) == meeting


def test_the_office_owns_the_minutes_wording(org, meeting):
    assert_office_owns(
        org.users.officer,
        MINUTES,
        "ket_luan",
        "Cuộc họp đề nghị công nhận danh hiệu theo kết quả trên.",
        lambda: RatingMinutesDocx(meeting).render(),
    )
