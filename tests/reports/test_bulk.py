"""The office receives or returns many unit reports in one action: a confirmation page
says which reports move and which do not, then each goes through its own audited move;
if one is refused on the way, nothing changes."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.reports.conftest import at, filled
from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.reports import services

pytestmark = pytest.mark.django_db
SENT_ON = at(datetime.date(2026, 11, 20))


@pytest.fixture
def sent(org, report_a, report_b):
    services.submit_report(report=report_a, actor=org.users.head_a, content=filled(report_a), at=SENT_ON)
    services.submit_report(report=report_b, actor=org.users.head_b, content=filled(report_b), at=SENT_ON)
    report_a.refresh_from_db()
    report_b.refresh_from_db()
    return report_a, report_b


def test_the_office_receives_every_sent_report_in_one_action(org, sent, client_for):
    client = client_for(org.users.officer)
    ids = [r.pk for r in sent]
    page = client.post("/bao-cao/tiep-nhan-nhieu/", {"chon": ids, "next": "/bao-cao/tinh-hinh/"})
    text = page.content.decode()
    assert page.status_code == 200 and "Tiếp nhận 2 mục sau:" in text
    assert "Phòng Phổ biến, giáo dục pháp luật — " in text and "Trung tâm Trợ giúp pháp lý — " in text
    assert "không sửa được nữa" in text
    assert {r.state for r in type(sent[0]).objects.filter(pk__in=ids)} == {State.SUBMITTED}  # asked first
    done = client.post("/bao-cao/tiep-nhan-nhieu/", {"chon": ids, "xac-nhan": "1", "next": "/bao-cao/tinh-hinh/"})
    assert done.status_code == 302 and done["Location"] == "/bao-cao/tinh-hinh/"
    assert {r.state for r in type(sent[0]).objects.filter(pk__in=ids)} == {State.ACCEPTED}
    moves = ActivityLog.objects.filter(action=ActivityLog.Action.TRANSITION, object_id__in=[str(i) for i in ids])
    assert moves.filter(changes__state=[State.SUBMITTED, State.ACCEPTED]).count() == 2
    assert "Đã tiếp nhận 2 báo cáo." in client.get("/bao-cao/tinh-hinh/").content.decode()


def test_a_report_the_unit_still_holds_is_named_and_left_as_it_is(org, report_a, report_b, client_for):
    services.submit_report(report=report_a, actor=org.users.head_a, content=filled(report_a), at=SENT_ON)
    draft = report_b
    ids = [report_a.pk, draft.pk]
    text = client_for(org.users.officer).post("/bao-cao/tiep-nhan-nhieu/", {"chon": ids}).content.decode()
    assert "Tiếp nhận 1 mục sau:" in text
    assert "không thực hiện được thao tác này" in text
    client_for(org.users.officer).post("/bao-cao/tiep-nhan-nhieu/", {"chon": [report_a.pk], "xac-nhan": "1"})
    draft.refresh_from_db()
    assert draft.state == State.DRAFT


def test_one_refusal_on_the_way_changes_nothing_and_says_why(org, sent, client_for, monkeypatch):
    report_a, report_b = sent
    accept = services.accept_report

    def returned_meanwhile(*, report, actor):
        if report.pk == report_b.pk:  # a colleague returns B while the office receives A and B
            services.return_report(report=report, actor=org.users.officer, reason="Thiếu số liệu quý IV.")
        return accept(report=report, actor=actor)

    monkeypatch.setattr(services, "accept_report", returned_meanwhile)
    response = client_for(org.users.officer).post(
        "/bao-cao/tiep-nhan-nhieu/", {"chon": [report_a.pk, report_b.pk], "xac-nhan": "1"}
    )
    text = response.content.decode()
    assert response.status_code == 409 and "Chưa thay đổi mục nào" in text
    assert "Trung tâm Trợ giúp pháp lý — " in text.split("Chưa thay đổi mục nào")[1]
    for report in (report_a, report_b):
        report.refresh_from_db()
        assert report.state == State.SUBMITTED
    assert not ActivityLog.objects.filter(changes__state=[State.SUBMITTED, State.ACCEPTED]).exists()


def test_returning_many_asks_one_reason_and_keeps_the_ticks_when_it_is_missing(org, sent, client_for):
    client = client_for(org.users.officer)
    ids = [r.pk for r in sent]
    response = client.post("/bao-cao/tra-lai-nhieu/", {"chon": ids, "xac-nhan": "1", "reason": "  "})
    text = response.content.decode()
    assert response.status_code == 400 and "Hãy ghi lý do trả lại" in text
    assert all(f'value="{pk}"' in text for pk in ids)
    client.post("/bao-cao/tra-lai-nhieu/", {"chon": ids, "xac-nhan": "1", "reason": "Bổ sung số liệu chuyển đổi xanh."})
    assert {r.state for r in type(sent[0]).objects.filter(pk__in=ids)} == {State.RETURNED}


def test_others_cannot_move_reports_in_bulk(org, sent, client_for):
    ids = [r.pk for r in sent]
    assert client_for(org.users.head_a).post("/bao-cao/tiep-nhan-nhieu/", {"chon": ids}).status_code == 403
    response = client_for(org.users.officer).post("/bao-cao/tiep-nhan-nhieu/", {"chon": ["1x"]})
    assert response.status_code == 400
    assert client_for(org.users.officer).post("/bao-cao/tiep-nhan-nhieu/", {}).status_code == 400
    assert client_for(org.users.officer).post("/bao-cao/tiep-nhan-nhieu/", {"chon": [99999999]}).status_code == 404


def test_the_confirmation_page_costs_the_same_for_two_or_ten_reports(org, sent, client_for):
    client = client_for(org.users.officer)
    with CaptureQueriesContext(connection) as two:
        client.post("/bao-cao/tiep-nhan-nhieu/", {"chon": [r.pk for r in sent]})
    with CaptureQueriesContext(connection) as one:
        client.post("/bao-cao/tiep-nhan-nhieu/", {"chon": [sent[0].pk]})
    assert len(two) == len(one)


def test_the_board_offers_ticks_and_the_two_actions_to_the_office(org, sent, client_for):
    page = client_for(org.users.officer).get("/bao-cao/tinh-hinh/").content.decode()
    assert 'form="bulk-reports"' in page and "/bao-cao/tiep-nhan-nhieu/" in page
    head = client_for(org.users.head_a).get("/bao-cao/tinh-hinh/").content.decode()
    assert 'form="bulk-reports"' not in head
