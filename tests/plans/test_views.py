"""The plan page, its editing by the office with validation and history, and access."""

import pytest
from django.http import Http404
from django.urls import reverse

from thidua.core.models import ActivityLog
from thidua.plans.loading import load_plan
from thidua.plans.models import ContentArea, Phase, Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(org):
    return load_plan()[0]


def _phase_post(plan, rows):
    data = {
        "phases-TOTAL_FORMS": str(len(rows)),
        "phases-INITIAL_FORMS": str(sum(1 for r in rows if r.get("id"))),
        "phases-MIN_NUM_FORMS": "0",
        "phases-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"phases-{i}-{key}"] = value
        data[f"phases-{i}-plan"] = plan.pk
    return data


def _existing_phase_rows(plan):
    return [
        {
            "id": p.pk,
            "order": p.order,
            "name": p.name,
            "start_year": p.start_year,
            "end_year": p.end_year,
            "review_kind": p.review_kind,
            "review_year": p.review_year,
            "text": p.text,
        }
        for p in plan.phases.all()
    ]


@pytest.mark.parametrize("persona", ["officer", "head_a", "staff_a", "councillor", "director"])
def test_every_signed_in_user_reads_the_plan(org, plan, client_for, persona):
    body = client_for(getattr(org.users, persona)).get(reverse("plan_detail")).content.decode()
    assert plan.title in body
    assert "Giai đoạn 2" in body
    assert "Sở Khoa học và Công nghệ" in body


def test_anonymous_cannot_read_the_plan_or_download_it(client, plan):
    assert client.get(reverse("plan_detail")).status_code == 302
    assert client.get(reverse("plan_docx")).status_code == 302


@pytest.mark.parametrize("persona", ["head_a", "staff_a", "councillor", "director"])
def test_only_the_office_edits(org, plan, client_for, persona):
    client = client_for(getattr(org.users, persona))
    assert client.get(reverse("plan_edit", args=[plan.code])).status_code == 403
    area = plan.content_areas.first()
    response = client.post(
        reverse("part_edit", args=[plan.code, "noi-dung", area.pk]),
        {"number": "1", "order": 1, "short_title": "x", "text": "đổi"},
    )
    assert response.status_code == 403
    area.refresh_from_db()
    assert area.text != "đổi"


def test_office_edits_a_content_area_and_history_records_it(org, plan, client_for):
    area = plan.content_areas.first()
    old = area.text
    response = client_for(org.users.officer).post(
        reverse("part_edit", args=[plan.code, "noi-dung", area.pk]),
        {"number": area.number, "order": area.order, "short_title": area.short_title, "text": old + " (sửa)"},
    )
    assert response.status_code == 302
    log = ActivityLog.objects.for_object(area).get(action="changed")
    assert log.actor == org.users.officer
    assert log.changes["text"] == [old, old + " (sửa)"]


def test_overlapping_phases_are_refused_with_a_clear_message(org, plan, client_for):
    rows = _existing_phase_rows(plan)
    rows[1]["start_year"] = 2027  # overlaps phase 1 (2026–2027)
    response = client_for(org.users.officer).post(reverse("phases_edit", args=[plan.code]), _phase_post(plan, rows))
    assert response.status_code == 200
    body = response.content.decode()
    assert "trùng thời gian với Giai đoạn 1" in body
    assert "bắt đầu từ năm 2028" in body
    assert Phase.objects.get(pk=rows[1]["id"]).start_year == 2028  # nothing saved


def test_phase_ending_before_it_starts_is_refused_and_input_kept(org, plan, client_for):
    rows = _existing_phase_rows(plan)
    rows[0]["end_year"] = 2025
    rows[0]["text"] = "Nội dung đang gõ dở"
    response = client_for(org.users.officer).post(reverse("phases_edit", args=[plan.code]), _phase_post(plan, rows))
    body = response.content.decode()
    assert "Năm kết thúc (2025) đứng trước năm bắt đầu (2026)" in body
    assert "Nội dung đang gõ dở" in body
    assert Phase.objects.get(pk=rows[0]["id"]).end_year == 2027


def test_phase_outside_the_plan_is_refused(org, plan, client_for):
    rows = _existing_phase_rows(plan)
    rows[1]["end_year"] = 2031
    rows[1]["review_year"] = 2031
    body = (
        client_for(org.users.officer)
        .post(reverse("phases_edit", args=[plan.code]), _phase_post(plan, rows))
        .content.decode()
    )
    assert "nằm ngoài thời gian của kế hoạch (2026–2030)" in body


def test_valid_phase_edit_is_saved_with_history(org, plan, client_for):
    rows = _existing_phase_rows(plan)
    rows[0]["text"] = "Giai đoạn 1 đã sửa"
    response = client_for(org.users.officer).post(reverse("phases_edit", args=[plan.code]), _phase_post(plan, rows))
    assert response.status_code == 302
    phase = Phase.objects.get(pk=rows[0]["id"])
    assert phase.text == "Giai đoạn 1 đã sửa"
    assert ActivityLog.objects.for_object(phase).filter(actor=org.users.officer).exists()


def test_plan_with_end_before_start_is_refused(org, plan, client_for):
    client = client_for(org.users.officer)
    form = client.get(reverse("plan_edit", args=[plan.code])).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "movements"}
    data["movements"] = [m.pk for m in plan.movements.all()]
    data.update(start_year=2030, end_year=2026)
    body = client.post(reverse("plan_edit", args=[plan.code]), data).content.decode()
    assert "Năm kết thúc (2026) đứng trước năm bắt đầu (2030)" in body
    assert Plan.objects.get(pk=plan.pk).start_year == 2026


def test_office_creates_a_further_plan_for_another_movement(org, plan, client_for):
    client = client_for(org.users.officer)
    response = client.post(
        reverse("movement_create"),
        {
            "code": "chuyen-doi-so-2027",
            "name": "Phong trào thi đua khác",
            "decision_number": "12/QĐ-UBND",
            "decision_date": "05/01/2027",
            "decision_issuer": "UBND tỉnh",
            "decision_text": "Quyết định số 12/QĐ-UBND",
        },
    )
    assert response.status_code == 302
    from thidua.plans.models import Movement

    movement = Movement.objects.get(code="chuyen-doi-so-2027")
    response = client.post(
        reverse("plan_create"),
        {
            "code": "ke-hoach-2027",
            "document_type": "Kế hoạch",
            "title": "Kế hoạch khác",
            "issuer": org.units.agency.pk,
            "issuer_name": "SỞ TƯ PHÁP",
            "symbol": "KH-STP",
            "place": "Tuyên Quang",
            "issued_year": 2027,
            "preamble": "Căn cứ …",
            "signer_title": "GIÁM ĐỐC",
            "signer_name": "Nguyễn Khánh Lâm",
            "start_year": 2027,
            "end_year": 2028,
            "movements": [movement.pk],
        },
    )
    assert response.status_code == 302
    created = Plan.objects.get(code="ke-hoach-2027")
    assert list(created.movements.all()) == [movement]
    assert ActivityLog.objects.for_object(created).get().action == "created"


def test_very_long_short_title_gets_a_vietnamese_message(org, plan, client_for):
    area = plan.content_areas.first()
    body = (
        client_for(org.users.officer)
        .post(
            reverse("part_edit", args=[plan.code, "noi-dung", area.pk]),
            {"number": "1", "order": 1, "short_title": "x" * 300, "text": "giữ nguyên chữ đã gõ"},
        )
        .content.decode()
    )
    assert "tối đa 160 kí tự (hiện có 300)" in body
    assert "giữ nguyên chữ đã gõ" in body
    assert ContentArea.objects.get(pk=area.pk).short_title != "x" * 300


def test_plan_page_query_count_is_fixed(org, plan, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(org.users.officer)
    client.get(reverse("plan_detail"))
    with CaptureQueriesContext(connection) as before:
        client.get(reverse("plan_detail"))
    for n in range(10):
        ContentArea.objects.create(plan=plan, number=str(6 + n), order=6 + n, short_title=f"Thêm {n}", text="…")
    with CaptureQueriesContext(connection) as after:
        client.get(reverse("plan_detail"))
    assert len(after.captured_queries) == len(before.captured_queries)


def test_timeline_places_today_in_phase_one(org, plan, client_for):
    import time_machine

    with time_machine.travel("2026-11-27 10:00 +07:00", tick=False):
        body = client_for(org.users.staff_a).get(reverse("plan_detail")).content.decode()
    assert "Hiện đang ở Giai đoạn 1 (2026–2027)" in body
    with time_machine.travel("2029-03-01 10:00 +07:00", tick=False):
        body = client_for(org.users.staff_a).get(reverse("plan_detail")).content.decode()
    assert "Hiện đang ở Giai đoạn 2 (2028–2030)" in body


def test_current_or_404_without_a_plan_answers_404_saying_why():
    with pytest.raises(Http404, match="Chưa có kế hoạch nào."):
        Plan.objects.current_or_404()


def test_current_or_404_is_the_current_plan(plan):
    assert Plan.objects.current_or_404() == plan == Plan.objects.current()
