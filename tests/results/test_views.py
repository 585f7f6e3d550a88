"""The result pages: recording with evidence, refusals that keep what was typed, access,
the workflow buttons, the timelines, the unit head's list and fixed query counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.results.conftest import pdf, renamed_program
from thidua.core.codes import State
from thidua.core.downloads import previewable
from thidua.core.models import ActivityLog
from thidua.results import services
from thidua.results.models import Evidence, ResultEntry

pytestmark = pytest.mark.django_db


def _form(area, **changes) -> dict:
    data = {
        "subject": "ca-nhan",
        "content_area": area.pk,
        "criterion": "",
        "title": "Số hóa hồ sơ lý lịch tư pháp",
        "description": "Quét 3.200 hồ sơ lưu trữ",
        "date": "2026-06-18",
        "quantity": "3200",
        "quantity_unit": "hồ sơ",
    }
    return data | changes


def _body(response) -> str:
    return response.content.decode()


def test_staff_records_a_result_with_two_files_and_a_decimal_comma(org, client_for, area):
    client = client_for(org.users.staff_a)
    response = client.post(reverse("result_create"), _form(area, quantity="12,5", files=[pdf("a.pdf"), pdf("b.pdf")]))
    entry = ResultEntry.objects.get()
    assert response.url == reverse("result_detail", args=[entry.pk])
    assert (entry.person, entry.unit, entry.state) == (org.people.staff_a, org.units.a, State.DRAFT)
    assert str(entry.quantity) == "12.50"
    body = _body(client.get(response.url))
    assert "a.pdf" in body and "b.pdf" in body and "Nháp (chưa gửi)" in body


def test_save_and_submit_in_one_click(org, client_for, area):
    client_for(org.users.staff_a).post(reverse("result_create"), _form(area, action="submit"))
    assert ResultEntry.objects.get().state == State.SUBMITTED


def test_a_bad_file_is_named_with_the_reason_and_everything_typed_is_kept(org, client_for, area):
    response = client_for(org.users.staff_a).post(
        reverse("result_create"), _form(area, files=[pdf("tot.pdf"), renamed_program("bao-cao.pdf")])
    )
    body = _body(response)
    assert "Nội dung tệp «bao-cao.pdf» không phải là tệp .pdf thật" in body
    assert 'value="Số hóa hồ sơ lý lịch tư pháp"' in body and "Quét 3.200 hồ sơ lưu trữ" in body
    assert 'value="2026-06-18"' in body and 'value="3200"' in body
    assert "hãy chọn lại các tệp minh chứng" in body
    assert not ResultEntry.objects.exists() and not Evidence.objects.exists()


def test_a_date_outside_the_plan_is_refused_and_the_form_kept(org, client_for, area):
    response = client_for(org.users.staff_a).post(reverse("result_create"), _form(area, date="2031-02-01"))
    body = _body(response)
    assert "Ngày 01/02/2031 nằm ngoài thời gian của kế hoạch. Hãy chọn ngày từ 01/01/2026 đến 31/12/2030." in body
    assert 'value="Số hóa hồ sơ lý lịch tư pháp"' in body
    assert not ResultEntry.objects.exists()


def test_a_quantity_that_is_not_a_number_is_refused_and_kept(org, client_for, area):
    body = _body(client_for(org.users.staff_a).post(reverse("result_create"), _form(area, quantity="mười")))
    assert "«mười» không phải là một số" in body and 'value="mười"' in body
    assert not ResultEntry.objects.exists()


def test_a_persons_entry_cannot_take_a_collective_criterion(org, client_for, area, collective):
    body = _body(client_for(org.users.staff_a).post(reverse("result_create"), _form(area, criterion=collective.pk)))
    assert "là tiêu chí tập thể; kết quả của cá nhân chỉ gắn với tiêu chí cá nhân" in body
    assert not ResultEntry.objects.exists()


def test_the_unit_head_records_for_the_unit_and_it_is_confirmed_on_submission(org, client_for, area, collective):
    client = client_for(org.users.head_a)
    form_page = _body(client.get(reverse("result_create")))
    assert "Đơn vị: Phòng Phổ biến, giáo dục pháp luật" in form_page
    client.post(
        reverse("result_create"), _form(area, subject=str(org.units.a.pk), criterion=collective.pk, action="submit")
    )
    entry = ResultEntry.objects.get()
    assert (entry.person, entry.state) == (None, State.CONFIRMED)


def test_staff_cannot_record_for_the_unit(org, client_for, area):
    response = client_for(org.users.staff_a).post(reverse("result_create"), _form(area, subject=str(org.units.a.pk)))
    assert "Bạn chỉ ghi được kết quả của chính mình, hoặc của đơn vị mà bạn là thủ trưởng." in _body(response)
    assert not ResultEntry.objects.exists()


def test_editing_after_submission_is_refused_with_the_reason(org, client_for, make_entry):
    entry = make_entry()
    services.submit_result(actor=org.users.staff_a, entry=entry)
    client = client_for(org.users.staff_a)
    response = client.post(reverse("result_edit", args=[entry.pk]), {"title": "Đổi tên"}, follow=True)
    assert "đang ở trạng thái «Đã gửi». Chỉ sửa được kết quả còn là nháp hoặc bị trả lại" in _body(response)
    entry.refresh_from_db()
    assert entry.title == "Số hóa hồ sơ"


def test_a_returned_entry_is_edited_with_a_new_file(org, client_for, make_entry, area):
    entry = make_entry()
    services.submit_result(actor=org.users.staff_a, entry=entry)
    services.return_result(actor=org.users.head_a, entry=entry, reason="Thiếu minh chứng")
    client = client_for(org.users.staff_a)
    assert "Thiếu minh chứng" in _body(client.get(reverse("result_edit", args=[entry.pk])))
    client.post(
        reverse("result_edit", args=[entry.pk]),
        _form(area, title="Đã bổ sung", files=[pdf("bo-sung.pdf")], action="submit"),
    )
    entry.refresh_from_db()
    assert (entry.title, entry.state, entry.evidence.get().original_name) == (
        "Đã bổ sung",
        State.SUBMITTED,
        "bo-sung.pdf",
    )


def test_a_double_click_on_submit_gives_one_submission(org, client_for, make_entry):
    entry = make_entry()
    client = client_for(org.users.staff_a)
    client.post(reverse("result_submit", args=[entry.pk]))
    second = client.post(reverse("result_submit", args=[entry.pk]), follow=True)
    assert "Kết quả này đã được gửi; trạng thái hiện tại: «Đã gửi»." in _body(second)
    assert ActivityLog.objects.for_object(entry).filter(action="transition").count() == 1


def test_others_cannot_submit_someone_elses_entry(org, client_for, make_entry):
    entry = make_entry()
    assert client_for(org.users.head_a).post(reverse("result_submit", args=[entry.pk])).status_code == 404
    entry.refresh_from_db()
    assert entry.state == State.DRAFT


def test_a_draft_is_seen_only_by_its_author(org, client_for, make_entry):
    entry = make_entry()
    assert client_for(org.users.head_a).get(reverse("result_detail", args=[entry.pk])).status_code == 404
    assert client_for(org.users.staff_a).get(reverse("result_detail", args=[entry.pk])).status_code == 200


def test_evidence_downloads_with_its_name_for_the_unit_and_404_for_another_unit(org, client_for, make_entry):
    entry = make_entry(files=[pdf("Biên bản.pdf")])
    services.submit_result(actor=org.users.staff_a, entry=entry)
    url = reverse("evidence_download", args=[entry.evidence.get().pk])
    response = client_for(org.users.head_a).get(url)
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Content-Type"] == "application/pdf"
    assert (
        "attachment" in response["Content-Disposition"]
        and "Bi%C3%AAn%20b%E1%BA%A3n.pdf" in response["Content-Disposition"]
    )
    other = client_for(org.users.head_b).get(url)
    assert other.status_code == 404 and not getattr(other, "streaming", False)


def test_another_units_entry_and_timeline_are_404(org, client_for, make_entry):
    entry = make_entry()
    services.submit_result(actor=org.users.staff_a, entry=entry)
    client = client_for(org.users.head_b)
    assert client.get(reverse("result_detail", args=[entry.pk])).status_code == 404
    assert client.get(reverse("results_unit_timeline", args=[org.units.a.pk])).status_code == 404
    assert client.get(reverse("results_person_timeline", args=[org.people.staff_a.pk])).status_code == 404


def test_the_unit_head_confirms_and_returns_from_the_awaiting_list(org, client_for, make_entry):
    first, second = make_entry(title="Một"), make_entry(title="Hai")
    for entry in (first, second):
        services.submit_result(actor=org.users.staff_a, entry=entry)
    client = client_for(org.users.head_a)
    page = client.get(reverse("results_awaiting"))
    assert {e.title for e in page.context["page_obj"]} == {"Một", "Hai"}
    client.post(reverse("result_confirm", args=[first.pk]), {"next": reverse("results_awaiting")})
    refused = client.post(reverse("result_return", args=[second.pk]), {"reason": ""}, follow=True)
    assert "Hãy ghi lý do trả lại" in _body(refused)
    client.post(reverse("result_return", args=[second.pk]), {"reason": "Ảnh mờ"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, second.state, second.return_reason) == (State.CONFIRMED, State.RETURNED, "Ảnh mờ")
    assert list(client.get(reverse("results_awaiting")).context["page_obj"]) == []


def test_staff_cannot_confirm_and_another_head_cannot_see(org, client_for, make_entry):
    entry = make_entry()
    services.submit_result(actor=org.users.staff_a, entry=entry)
    assert client_for(org.users.staff_a).post(reverse("result_confirm", args=[entry.pk])).status_code == 403
    assert client_for(org.users.staff_a).get(reverse("results_awaiting")).status_code == 403
    assert client_for(org.users.head_b).post(reverse("result_confirm", args=[entry.pk])).status_code == 404
    assert list(client_for(org.users.head_b).get(reverse("results_awaiting")).context["page_obj"]) == []
    entry.refresh_from_db()
    assert entry.state == State.SUBMITTED


def test_the_unit_timeline_groups_entries_by_month_in_date_order(org, client_for, make_entry):
    for day, title in [
        (datetime.date(2026, 7, 3), "Tháng bảy"),
        (datetime.date(2026, 5, 20), "Tháng năm b"),
        (datetime.date(2026, 5, 2), "Tháng năm a"),
    ]:
        services.submit_result(actor=org.users.staff_a, entry=make_entry(date=day, title=title, files=[pdf()]))
    response = client_for(org.users.head_a).get(reverse("results_unit_timeline", args=[org.units.a.pk]), {"year": 2026})
    months = response.context["months"]
    assert [m["month"] for m in months] == [datetime.date(2026, 5, 1), datetime.date(2026, 7, 1)]
    assert [e.title for e in months[0]["entries"]] == ["Tháng năm a", "Tháng năm b"]
    assert months[0]["entries"][0].evidence_count == 1
    body = _body(response)
    assert "Tháng 05/2026" in body and "1 minh chứng" in body and "Đã gửi" in body


def _queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}).status_code == 200
    return len(ctx.captured_queries)


def _submitted_entries(org, make_entry, n):
    for i in range(n):
        services.submit_result(actor=org.users.staff_a, entry=make_entry(title=f"Kết quả {i}", files=[pdf()]))


@pytest.mark.parametrize(
    ("url_name", "persona", "args"),
    [
        ("results_list", "head_a", []),
        ("results_awaiting", "head_a", []),
        ("results_unit_timeline", "head_a", ["unit_a"]),
        ("results_person_timeline", "staff_a", ["staff_a"]),
    ],
)
def test_list_pages_run_a_fixed_number_of_queries(org, client_for, make_entry, url_name, persona, args):
    ids = [org.units.a.pk if a == "unit_a" else org.people.staff_a.pk for a in args]
    client, url = client_for(getattr(org.users, persona)), reverse(url_name, args=ids)
    _submitted_entries(org, make_entry, 1)
    client.get(url)
    before = _queries(client, url)
    _submitted_entries(org, make_entry, 6)
    assert _queries(client, url) == before


def test_the_list_filters_by_state(org, client_for, make_entry):
    _submitted_entries(org, make_entry, 2)
    confirmed = ResultEntry.objects.first()
    services.confirm_result(actor=org.users.head_a, entry=confirmed)
    page = client_for(org.users.officer).get(reverse("results_list"), {"state": "confirmed"}).context["page_obj"]
    assert [e.pk for e in page] == [confirmed.pk]


def _docx(name: str):
    import io
    import zipfile

    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def test_a_pdf_opens_in_the_browser_with_xem_and_another_unit_still_gets_404(org, client_for, make_entry):
    entry = make_entry(files=[pdf("Biên bản.pdf")])
    services.submit_result(actor=org.users.staff_a, entry=entry)
    url = reverse("evidence_download", args=[entry.evidence.get().pk])
    client = client_for(org.users.head_a)
    shown = client.get(url + "?xem=1")
    assert shown["Content-Disposition"].startswith("inline") and shown["Content-Type"] == "application/pdf"
    assert client.get(url)["Content-Disposition"].startswith("attachment")
    detail = client.get(reverse("result_detail", args=[entry.pk]))
    assert 'data-testid="evidence-preview"' in _body(detail) and f"{url}?xem=1" in _body(detail)
    other = client_for(org.users.head_b).get(url + "?xem=1")
    assert other.status_code == 404 and not getattr(other, "streaming", False)


def test_a_word_file_is_saved_even_with_xem(org, client_for, make_entry):
    entry = make_entry(files=[_docx("Báo cáo.docx")])
    services.submit_result(actor=org.users.staff_a, entry=entry)
    evidence = entry.evidence.get()
    response = client_for(org.users.staff_a).get(reverse("evidence_download", args=[evidence.pk]) + "?xem=1")
    assert response["Content-Disposition"].startswith("attachment")
    assert not evidence.previewable
    assert all(previewable(kind) for kind in ("application/pdf", "image/png", "image/jpeg"))
    assert 'data-testid="evidence-preview"' not in _body(
        client_for(org.users.staff_a).get(reverse("result_detail", args=[entry.pk]))
    )


def test_the_timeline_opens_on_the_latest_year_with_results_when_this_year_has_none(org, client_for, make_entry):
    import time_machine

    services.submit_result(actor=org.users.staff_a, entry=make_entry(date=datetime.date(2026, 9, 1), files=[pdf()]))
    url = reverse("results_unit_timeline", args=[org.units.a.pk])
    with time_machine.travel("2027-03-01 09:00 +07:00", tick=False):
        client = client_for(org.users.head_a)
        assert client.get(url).context["year"] == 2026
        assert client.get(url, {"year": 2027}).context["year"] == 2027
        services.submit_result(
            actor=org.users.staff_a, entry=make_entry(date=datetime.date(2027, 2, 1), title="Năm mới", files=[pdf()])
        )
        response = client.get(url)
    assert response.context["year"] == 2027 and response.context["count"] == 1
    assert 'name="year" data-auto-submit' in _body(response)


def test_a_picture_opens_in_the_browser_with_xem(org, client_for, make_entry):
    import base64

    from django.core.files.uploadedfile import SimpleUploadedFile

    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    )
    entry = make_entry(files=[SimpleUploadedFile("Ảnh hội nghị.png", png, content_type="image/png")])
    url = reverse("evidence_download", args=[entry.evidence.get().pk])
    shown = client_for(org.users.staff_a).get(url + "?xem=1")
    assert shown["Content-Type"] == "image/png" and shown["Content-Disposition"].startswith("inline")
    assert b"".join(shown.streaming_content) == png
