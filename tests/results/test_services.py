"""The result workflow and its checks, through the services the pages and API call."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tests.results.conftest import pdf, renamed_program
from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.core.workflow import AlreadyChanged, TransitionError
from thidua.results import services
from thidua.results.models import Evidence, ResultEntry

pytestmark = pytest.mark.django_db


def _moves(entry) -> list[list[str]]:
    return [
        row.changes["state"]
        for row in ActivityLog.objects.for_object(entry).filter(action="transition").order_by("at", "id")
    ]


def test_a_persons_entry_goes_draft_submitted_confirmed(org, make_entry):
    entry = make_entry(files=[pdf()])
    assert entry.state == State.DRAFT
    services.submit_result(actor=org.users.staff_a, entry=entry)
    assert entry.state == State.SUBMITTED
    services.confirm_result(actor=org.users.head_a, entry=entry)
    assert entry.state == State.CONFIRMED
    assert _moves(entry) == [["draft", "submitted"], ["submitted", "confirmed"]]


def test_a_returned_entry_is_editable_and_submitted_again(org, make_entry):
    entry = make_entry()
    services.submit_result(actor=org.users.staff_a, entry=entry)
    services.return_result(actor=org.users.head_a, entry=entry, reason="Thiếu biên bản nghiệm thu")
    assert entry.state == State.RETURNED
    assert entry.return_reason == "Thiếu biên bản nghiệm thu"
    services.update_result(
        actor=org.users.staff_a, entry=entry, values={"title": "Số hóa 3.200 hồ sơ"}, files=[pdf("bien-ban.pdf")]
    )
    services.submit_result(actor=org.users.staff_a, entry=entry)
    entry.refresh_from_db()
    assert (entry.state, entry.title, entry.return_reason) == (State.SUBMITTED, "Số hóa 3.200 hồ sơ", "")
    assert entry.evidence.count() == 1


def test_a_unit_heads_entry_is_confirmed_on_submission_and_both_moves_are_logged(org, make_entry):
    entry = make_entry(person=None)
    services.submit_result(actor=org.users.head_a, entry=entry)
    assert entry.state == State.CONFIRMED
    assert _moves(entry) == [["draft", "submitted"], ["submitted", "confirmed"]]


def test_editing_after_submission_is_refused_saying_why(org, make_entry):
    entry = make_entry()
    services.submit_result(actor=org.users.staff_a, entry=entry)
    with pytest.raises(services.EditRefused, match="đang ở trạng thái «Đã gửi».*nháp hoặc bị trả lại"):
        services.update_result(actor=org.users.staff_a, entry=entry, values={"title": "Khác"})
    with pytest.raises(services.EditRefused):
        services.add_evidence(actor=org.users.staff_a, entry=entry, files=[pdf()])
    entry.refresh_from_db()
    assert entry.title == "Số hóa hồ sơ"


def test_submitting_twice_gives_one_submission(org, make_entry):
    entry = make_entry()
    stale = ResultEntry.objects.get(pk=entry.pk)
    services.submit_result(actor=org.users.staff_a, entry=entry)
    with pytest.raises(AlreadyChanged, match="đã được người khác chuyển"):
        services.submit_result(actor=org.users.staff_a, entry=stale)
    with pytest.raises(TransitionError, match="đã được gửi"):
        services.submit_result(actor=org.users.staff_a, entry=ResultEntry.objects.get(pk=entry.pk))
    assert _moves(entry) == [["draft", "submitted"]]


def test_a_return_needs_a_reason(org, make_entry):
    entry = make_entry()
    services.submit_result(actor=org.users.staff_a, entry=entry)
    with pytest.raises(ValidationError, match="lý do trả lại"):
        services.return_result(actor=org.users.head_a, entry=entry, reason="  ")
    entry.refresh_from_db()
    assert entry.state == State.SUBMITTED


@pytest.mark.parametrize("date", [datetime.date(2025, 12, 31), datetime.date(2031, 1, 1)])
def test_a_date_outside_the_plan_is_refused_with_the_allowed_range(make_entry, date):
    with pytest.raises(ValidationError) as caught:
        make_entry(date=date)
    assert "từ 01/01/2026 đến 31/12/2030" in caught.value.message_dict["date"][0]
    assert not ResultEntry.objects.exists()


def test_a_unit_entry_takes_only_a_collective_criterion(make_entry, individual, collective):
    with pytest.raises(ValidationError, match="tiêu chí cá nhân"):
        make_entry(person=None, criterion=individual)
    with pytest.raises(ValidationError, match="tiêu chí tập thể"):
        make_entry(criterion=collective)
    assert make_entry(person=None, criterion=collective).criterion == collective


def test_a_negative_quantity_is_refused(make_entry):
    with pytest.raises(ValidationError, match="không được âm"):
        make_entry(quantity=Decimal("-1"))


def test_evidence_is_stored_under_its_year_with_a_random_name_and_the_original_name_kept(make_entry):
    entry = make_entry(files=[pdf("Biên bản nghiệm thu.pdf"), pdf("Ảnh.pdf")])
    first, second = entry.evidence.all()
    assert first.original_name == "Biên bản nghiệm thu.pdf"
    assert first.file.name.startswith("evidence/2026/")
    assert "Bi" not in first.file.name and first.file.name != second.file.name
    assert first.file.read().startswith(b"%PDF")


def test_a_program_renamed_pdf_is_refused_and_nothing_is_saved(make_entry):
    with pytest.raises(ValidationError) as caught:
        make_entry(files=[pdf("tot.pdf"), renamed_program("virus.pdf")])
    assert "virus.pdf" in caught.value.message_dict["files"][0]
    assert not ResultEntry.objects.exists() and not Evidence.objects.exists()


def test_removing_evidence_deletes_the_file_once_committed(org, make_entry, django_capture_on_commit_callbacks):
    entry = make_entry(files=[pdf()])
    evidence = entry.evidence.get()
    storage, name = evidence.file.storage, evidence.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_evidence(actor=org.users.staff_a, evidence=evidence)
    assert not storage.exists(name)
    assert ActivityLog.objects.filter(action="deleted", object_repr="minh-chung.pdf").exists()


def test_counts_by_content_area_and_unit_leave_drafts_out(org, plan, make_entry):
    confirmed = make_entry(person=None)
    services.submit_result(actor=org.users.head_a, entry=confirmed)
    submitted = make_entry()
    services.submit_result(actor=org.users.staff_a, entry=submitted)
    make_entry(title="Nháp")
    by_area = list(ResultEntry.objects.count_by_content_area(2026))
    assert by_area == [
        {
            "content_area_id": confirmed.content_area_id,
            "content_area__number": "2",
            "content_area__short_title": confirmed.content_area.short_title,
            "total": 2,
            "confirmed": 1,
        }
    ]
    by_unit = list(ResultEntry.objects.count_by_unit(2026))
    assert [(row["unit__code"], row["total"], row["confirmed"]) for row in by_unit] == [("PBGD", 2, 1)]
    assert list(ResultEntry.objects.count_by_unit(2027)) == []


def test_an_empty_or_too_large_file_is_refused_with_the_reason(make_entry, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MAX_UPLOAD_MB = 1
    empty = SimpleUploadedFile("rong.pdf", b"", content_type="application/pdf")
    large = SimpleUploadedFile("lon.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10), content_type="application/pdf")
    with pytest.raises(ValidationError) as caught:
        make_entry(files=[empty, large])
    assert caught.value.message_dict["files"] == [
        "Tệp «rong.pdf» rỗng (0 byte). Hãy chọn lại tệp có nội dung.",
        "Tệp «lon.pdf» nặng 1.0 MB, vượt giới hạn 1 MB. Hãy nén hoặc chia nhỏ tệp.",
    ]
    assert not ResultEntry.objects.exists()
