"""The record of a person or unit — ratings, titles and forms received, discipline and
holds — who sees it, and how the office and unit heads change it."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import PersonFactory
from thidua.commendation import services
from thidua.commendation.models import AwardRecord, DisciplineRecord, PendingFlag, YearlyRating
from thidua.core.models import ActivityLog

pytestmark = pytest.mark.django_db


def record_url(person) -> str:
    return reverse("person_record", args=[person.pk])


@pytest.mark.parametrize(
    ("persona", "whose", "status"),
    [
        ("officer", "staff_b", 200),
        ("director", "staff_a", 200),
        ("head_a", "staff_a", 200),
        ("head_a", "staff_b", 404),
        ("head_b", "staff_a", 404),
        ("staff_a", "staff_a", 200),
        ("staff_a", "head_a", 404),
        ("staff_a", "staff_b", 404),
    ],
)
def test_who_sees_a_persons_record(org, client_for, persona, whose, status):
    target = getattr(org.people, whose)
    response = client_for(getattr(org.users, persona)).get(record_url(target))
    assert response.status_code == status
    assert (target.full_name in response.content.decode()) == (status == 200)


@pytest.mark.parametrize(("persona", "status"), [("officer", 200), ("head_a", 200), ("head_b", 404), ("staff_a", 404)])
def test_who_sees_a_units_record(org, client_for, persona, status):
    assert (
        client_for(getattr(org.users, persona)).get(reverse("unit_record", args=[org.units.a.pk])).status_code == status
    )


def test_the_record_shows_ratings_titles_and_forms_apart(org, client_for):
    staff = org.people.staff_a
    services.set_rating(actor=None, subject=staff, year=2025, rating="HTXSNV", participates_in_movement=True)
    services.record_award(
        actor=None,
        subject=staff,
        code="CSTDCS",
        year=2025,
        decision_number="12/QĐ-STP",
        decision_date=datetime.date(2026, 1, 16),
        before_system=True,
    )
    services.record_award(actor=None, subject=staff, code="GK", year=2024, decision_number="09/QĐ-STP")
    services.record_discipline(
        actor=None, person=staff, form="khien_trach", date=datetime.date(2023, 5, 4), text="Đi muộn nhiều lần"
    )
    services.save_hold(actor=None, subject=staff, kind="investigation", from_date=datetime.date(2026, 9, 1))
    own = client_for(org.users.staff_a).get(record_url(staff)).content.decode()
    titles = own.split('data-testid="titles-received"')[1].split("</table>")[0]
    forms = own.split('data-testid="forms-received"')[1].split("</table>")[0]
    assert "Chiến sĩ thi đua cơ sở" in titles and "12/QĐ-STP, 16/01/2026" in titles and "Giấy khen" not in titles
    assert "Giấy khen" in forms and "Chiến sĩ thi đua cơ sở" not in forms
    assert "Hoàn thành xuất sắc nhiệm vụ" in own and "Đi muộn nhiều lần" in own
    assert "Đang thanh tra" not in own  # holds are for the office
    assert "Đang thanh tra, kiểm tra, điều tra" in client_for(org.users.officer).get(record_url(staff)).content.decode()


def award_form(**changes) -> dict:
    data = {
        "code": "LDTT",
        "year": "2025",
        "kind": "cong_trang",
        "decision_number": "12/QĐ-STP",
        "decision_date": "2026-01-16",
        "issuer": "Giám đốc Sở",
        "before_system": "on",
        "achievement_key": "",
        "note": "",
    }
    return data | changes


def test_office_records_an_award_given_before_the_system(org, client_for):
    url = reverse("award_record_add", args=["ca-nhan", org.people.staff_a.pk])
    response = client_for(org.users.officer).post(url, award_form())
    assert response.status_code == 302
    saved = AwardRecord.objects.get(person=org.people.staff_a)
    assert (saved.award_type.code, saved.year, saved.before_system, saved.achievement_key) == (
        "LDTT",
        2025,
        True,
        "LDTT:2025",
    )
    assert ActivityLog.objects.for_object(saved).get().actor == org.users.officer


def test_the_same_achievement_twice_is_refused_naming_the_earlier_decision(org, client_for):
    url = reverse("award_record_add", args=["ca-nhan", org.people.staff_a.pk])
    client = client_for(org.users.officer)
    client.post(url, award_form(code="GK", decision_number="20/QĐ-STP"))
    response = client.post(url, award_form(code="BK_TINH", decision_number="99/QĐ-UBND", note="Đề nghị lại"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Thành tích này đã được khen thưởng: Giấy khen của Giám đốc Sở năm 2025, quyết định số 20/QĐ-STP" in body
    assert "99/QĐ-UBND" in body and "Đề nghị lại" in body
    assert AwardRecord.objects.filter(person=org.people.staff_a).count() == 1


def test_a_different_achievement_key_allows_another_form(org, client_for):
    url = reverse("award_record_add", args=["ca-nhan", org.people.staff_a.pk])
    client = client_for(org.users.officer)
    client.post(url, award_form(code="GK"))
    client.post(url, award_form(code="GK", kind="dot_xuat", achievement_key="cuu-nguoi-2025"))
    assert AwardRecord.objects.filter(person=org.people.staff_a).count() == 2


def test_a_collective_title_is_refused_for_a_person(org, client_for):
    url = reverse("award_record_add", args=["ca-nhan", org.people.staff_a.pk])
    body = client_for(org.users.officer).post(url, award_form(code="TTLDXS")).content.decode()
    assert "«Tập thể lao động xuất sắc» không dành cho cá nhân." in body
    assert not AwardRecord.objects.exists()


def test_correcting_an_award_keeps_its_history(org, client_for):
    record = services.record_award(actor=None, subject=org.units.a, code="TTLDTT", year=2025, decision_number="1")
    url = reverse("award_record_edit", args=["don-vi", org.units.a.pk, record.pk])
    client_for(org.users.officer).post(url, award_form(code="TTLDTT", decision_number="11/QĐ-STP"))
    record.refresh_from_db()
    assert record.decision_number == "11/QĐ-STP"
    assert ActivityLog.objects.for_object(record).first().changes["decision_number"] == ["1", "11/QĐ-STP"]


@pytest.mark.parametrize("persona", ["head_a", "staff_a"])
def test_only_the_office_records_awards_discipline_and_holds(org, client_for, persona):
    client = client_for(getattr(org.users, persona))
    target = org.people.staff_a.pk
    assert client.post(reverse("award_record_add", args=["ca-nhan", target]), award_form()).status_code == 403
    assert client.get(reverse("discipline_add", args=[target])).status_code == 403
    assert client.get(reverse("hold_add", args=["ca-nhan", target])).status_code == 403
    assert not AwardRecord.objects.exists()


def test_office_records_discipline(org, client_for):
    url = reverse("discipline_add", args=[org.people.staff_b.pk])
    client_for(org.users.officer).post(
        url, {"form": "canh_cao", "date": "2026-03-02", "text": "Vi phạm quy chế", "decision_number": "30/QĐ-STP"}
    )
    assert DisciplineRecord.objects.get().form == "canh_cao"


def test_a_hold_ending_before_it_starts_is_refused_with_the_input_kept(org, client_for):
    url = reverse("hold_add", args=["ca-nhan", org.people.staff_b.pk])
    response = client_for(org.users.officer).post(
        url, {"kind": "complaint", "from_date": "2026-10-01", "to_date": "2026-09-01", "note": "Đơn thư số 7"}
    )
    body = response.content.decode()
    assert "Ngày kết thúc (01/09/2026) trước ngày bắt đầu (01/10/2026)" in body
    assert "Đơn thư số 7" in body
    assert not PendingFlag.objects.exists()


def test_office_ends_a_hold(org, client_for):
    flag = services.save_hold(
        actor=None, subject=org.units.b, kind="investigation", from_date=datetime.date(2026, 3, 1)
    )
    url = reverse("hold_edit", args=["don-vi", org.units.b.pk, flag.pk])
    client_for(org.users.officer).post(
        url, {"kind": "investigation", "from_date": "2026-03-01", "to_date": "2026-06-30", "note": "Đã có kết luận"}
    )
    flag.refresh_from_db()
    assert flag.to_date == datetime.date(2026, 6, 30)
    assert not flag.is_active(datetime.date(2026, 7, 1))


# --- ratings on a page ----------------------------------------------------------------------
def ratings_url(unit, year=2026) -> str:
    return f"{reverse('ratings')}?year={year}&unit={unit.pk}"


def test_unit_head_rates_the_people_of_the_unit(org, client_for):
    staff = org.people.staff_a
    response = client_for(org.users.head_a).post(
        ratings_url(org.units.a),
        {f"p{staff.pk}_rating": "HTXSNV", f"p{staff.pk}_movement": "yes", f"p{org.people.head_a.pk}_rating": ""},
    )
    assert response.status_code == 302
    rating = YearlyRating.objects.get(person=staff, year=2026)
    assert (rating.rating, rating.participates_in_movement) == ("HTXSNV", True)
    assert not YearlyRating.objects.filter(person=org.people.head_a).exists()  # left blank: not rated
    page = client_for(org.users.head_a).get(ratings_url(org.units.a)).content.decode()
    assert '<option value="HTXSNV" selected>' in page
    assert "(tập thể)" not in page  # the unit's own rating is the office's


def test_unit_head_cannot_rate_another_unit(org, client_for):
    staff_b = org.people.staff_b
    response = client_for(org.users.head_a).post(ratings_url(org.units.b), {f"p{staff_b.pk}_rating": "KHTNV"})
    assert response.status_code == 200
    assert "Bạn không được nhập xếp loại cho đơn vị này" in response.content.decode()
    assert not YearlyRating.objects.exists()


def test_staff_cannot_enter_ratings(org, client_for):
    assert client_for(org.users.staff_a).get(reverse("ratings")).status_code == 403


def test_office_rates_the_unit_too(org, client_for):
    response = client_for(org.users.officer).post(
        ratings_url(org.units.b), {"unit_rating": "HTXSNV", "unit_movement": "yes", "unit_unity": "no"}
    )
    assert response.status_code == 302
    rating = YearlyRating.objects.get(unit=org.units.b)
    assert (rating.rating, rating.participates_in_movement, rating.internal_unity) == ("HTXSNV", True, False)


def test_ratings_page_runs_a_fixed_number_of_queries(org, client_for):
    client = client_for(org.users.officer)
    client.get(ratings_url(org.units.a))
    with CaptureQueriesContext(connection) as before:
        client.get(ratings_url(org.units.a))
    for new in PersonFactory.create_batch(20, unit=org.units.a):
        services.set_rating(actor=None, subject=new, year=2026, rating="HTTNV")
    with CaptureQueriesContext(connection) as after:
        page = client.get(ratings_url(org.units.a))
    assert len(after) == len(before)
    assert page.content.decode().count("_rating") >= 22


def test_records_querysets_follow_the_same_access(org):
    for person in (org.people.staff_a, org.people.head_a, org.people.staff_b):
        services.set_rating(actor=None, subject=person, year=2026, rating="HTTNV")
    services.set_rating(actor=None, subject=org.units.a, year=2026, rating="HTXSNV")

    def seen(user) -> set:
        return {r.subject for r in YearlyRating.objects.visible_to(user).select_related("person", "unit")}

    assert seen(org.users.staff_a) == {org.people.staff_a}
    assert seen(org.users.head_a) == {org.people.staff_a, org.people.head_a, org.units.a}
    assert seen(org.users.officer) == {org.people.staff_a, org.people.head_a, org.people.staff_b, org.units.a}
