"""The office's December in a few clicks, on the demo year (7 December 2026): the office
receives every annual report the units sent in one action, and a council member votes on
the whole agenda of the coming session in one pass, changing only the exception."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_office_receives_every_sent_report_in_one_action(demo, page, sign_in):
    sign_in(page, "vanphong")
    page.goto("/bao-cao/tinh-hinh/?trang-thai=submitted")
    sent = page.locator('tr[data-state="submitted"]').count()
    assert sent >= 5
    page.get_by_label("Chọn tất cả báo cáo trong danh sách").check()
    page.get_by_test_id("accept-many").click()
    assert f"Tiếp nhận {sent} mục sau:" in page.get_by_test_id("bulk-will").inner_text()
    assert "không sửa được nữa" in page.get_by_test_id("bulk-warning").inner_text()
    page.get_by_test_id("bulk-confirm").click()
    page.wait_for_url("**/bao-cao/tinh-hinh/**")
    assert f"Đã tiếp nhận {sent} báo cáo." in page.content()
    assert page.locator('tr[data-state="submitted"]').count() == 0
    assert page.console_errors == []


def test_a_council_member_votes_the_whole_agenda_in_one_pass(demo, page, sign_in):
    sign_in(page, "hoidong")
    page.goto("/hoi-dong/")
    page.locator("a[href^='/hoi-dong/phien-hop/']").first.click()
    rows = page.get_by_test_id("vote-all-row")
    count = rows.count()
    assert count >= 2
    exception = rows.first
    exception.get_by_label("Không có ý kiến").check()
    page.get_by_test_id("vote-all").click()
    page.wait_for_load_state()
    assert f"Đã ghi biểu quyết của bạn cho {count} đề nghị." in page.content()
    assert page.get_by_test_id("vote-all-form").count() == 0
    assert page.get_by_test_id("voted").count() >= count


def test_a_unit_proposes_five_people_in_one_round_with_one_to_trinh(demo, page, sign_in, tmp_path):
    to_trinh = tmp_path / "to-trinh-dot-de-nghi.pdf"
    to_trinh.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    sign_in(page, "truongphong")
    page.goto("/de-nghi-khen-thuong/")
    page.get_by_test_id("new-round").click()
    page.get_by_label("Năm thành tích").fill("2025")
    page.get_by_label("Tờ trình của đơn vị (dùng chung cho cả đợt)").set_input_files(str(to_trinh))
    rows = page.get_by_test_id("round-row")
    assert rows.count() >= 5
    for n in range(5):
        rows.nth(n).locator("select").select_option("GK")
    page.get_by_test_id("round-create").click()
    page.wait_for_load_state()
    assert "Đã lập đợt đề nghị gồm 5 đề nghị." in page.content(), page.get_by_test_id("round-errors").all_inner_texts()
    assert page.get_by_test_id("round-proposal").count() == 5
    assert page.get_by_test_id("round-files").inner_text().strip() == "to-trinh-dot-de-nghi.pdf"
    page.get_by_test_id("round-submit").click()
    page.wait_for_load_state()
    assert "Đã gửi 5 đề nghị của đợt cho Văn phòng Sở." in page.content()
    assert "Sau khi gửi, đơn vị không sửa được nữa" in page.dialogs[-1]


def _council_passes_the_first_session():
    """The council votes on and closes the demo's first session (its members agree on
    every item they may vote on), as the January part of the story does."""
    import datetime

    from django.core.exceptions import ValidationError

    from thidua.council import services as council
    from thidua.council.models import Meeting
    from thidua.organization.models import User

    meeting = Meeting.objects.filter(minutes_number="").order_by("date").first()
    for member in meeting.members.select_related("user"):
        for item in meeting.items.select_related("proposal"):
            try:
                council.cast_vote(actor=member.user, meeting=meeting, proposal=item.proposal, choice="agree")
            except ValidationError:
                pass  # a member does not vote on their own unit's proposal
    office = User.objects.get(username="vanphong")
    times = {"starts_at": datetime.time(8, 0), "ends_at": datetime.time(10, 30)}
    council.close_meeting(actor=office, meeting=meeting, on=meeting.date, **times)


def test_the_director_approves_every_passed_proposal_issues_the_decision_and_revokes_one(
    demo, page, sign_in, after_the_story
):
    _council_passes_the_first_session()
    sign_in(page, "giamdoc")
    page.goto("/de-nghi-khen-thuong/?state=under_review")
    page.get_by_label("Chọn tất cả đề nghị trên trang").check()
    page.get_by_test_id("approve-many").click()
    will = page.get_by_test_id("bulk-will").inner_text()
    count = int(re.search(r"(\d+) mục", will).group(1))
    assert count >= 2
    page.get_by_test_id("bulk-confirm").click()
    page.wait_for_load_state()
    assert f"Đã phê duyệt {count} đề nghị." in page.content()

    page.get_by_test_id("to-decision").click()
    boxes = page.locator('input[name="proposals"]')
    assert boxes.count() == count
    for n in range(count):
        boxes.nth(n).check()
    page.get_by_test_id("issue").click()
    page.wait_for_url("**/quyet-dinh-khen-thuong/*/")
    assert page.get_by_test_id("decision-award").count() == count

    page.get_by_test_id("revoke-link").click()
    page.locator('input[name="proposals"]').nth(0).check()
    for n in range(1, count):
        page.locator('input[name="proposals"]').nth(n).uncheck()
    page.get_by_label("Lý do hủy bỏ").fill(
        "Có kết luận của cơ quan có thẩm quyền về việc kê khai không đúng thành tích."
    )
    page.get_by_test_id("revoke").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("revoked-award").count() == 1
    assert "khai không đúng thành tích" in page.get_by_test_id("revocation-reason").inner_text()
    assert "hủy bỏ" in page.dialogs[-1]
