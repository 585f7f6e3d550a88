"""The money of a decision as the office and the Director meet it: the Government has
changed the base salary and the office has typed the new figure but not yet confirmed
it against the decree; the Director's decision is refused, saying what to do and where;
the office adds the decree's date and confirms; the Director issues, and the decision
downloads with the new figure and the decree it rests on."""

import datetime
import io

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("after_the_story")]

NEW_BASIS = "Nghị định số 01/2026/NĐ-CP"


def sign_out(page):
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/dang-nhap/")


def _approved_cstdcs(settings, tmp_path):
    """A CSTĐCS proposal of the demo department approved by the Director (through the
    services, as the other browser test does it through the pages)."""
    from types import SimpleNamespace

    from tests.proposals.conftest import Flow
    from thidua.organization.models import Person, User

    settings.MEDIA_ROOT = tmp_path / "media"
    users = {u.username: u for u in User.objects.filter(username__in=["vanphong", "truongphong", "giamdoc", "hoidong"])}
    org = SimpleNamespace(
        users=SimpleNamespace(
            officer=users["vanphong"],
            head_a=users["truongphong"],
            director=users["giamdoc"],
            councillor=users["hoidong"],
        )
    )
    hero = Person.objects.get(code="PBGD-02")
    from thidua.core.codes import State

    proposal = Flow(org).make(State.APPROVED, hero, "CSTDCS", files=False)
    Flow(org).attach_needed(proposal, "to_trinh")
    assert proposal.state == State.APPROVED
    return proposal, hero


def test_issuing_waits_for_the_office_to_confirm_the_base_salary(demo, page, sign_in, settings, tmp_path):
    from django.utils import timezone
    from docx import Document

    from tests.documents.layout import nd30_problems

    proposal, hero = _approved_cstdcs(settings, tmp_path)
    start = timezone.localdate().replace(day=1)
    signed = start - datetime.timedelta(days=10)

    # The office types the new figure from the decree, without its date yet.
    sign_in(page, "vanphong")
    page.goto("/khen-thuong/cai-dat/")
    form = page.get_by_test_id("salary-form")
    form.get_by_label("Mức lương cơ sở (đồng)").fill("2530000")
    form.get_by_label("Áp dụng từ ngày").fill(start.isoformat())
    form.get_by_label("Văn bản quy định").fill(NEW_BASIS)
    form.get_by_role("button", name="Lưu mức lương cơ sở").click()
    page.wait_for_load_state()
    assert "chưa được Văn phòng Sở xác nhận" in page.get_by_test_id("salary-problem").inner_text()
    sign_out(page)

    # The Director's decision is refused: the figure in force today is not confirmed.
    sign_in(page, "giamdoc")
    page.goto("/quyet-dinh-khen-thuong/ban-hanh/")
    assert "chưa được Văn phòng Sở xác nhận" in page.get_by_test_id("money-problems").inner_text()
    page.get_by_label(f"{hero.full_name} — Chiến sĩ thi đua cơ sở 2026").check()
    page.get_by_test_id("issue").click()
    page.wait_for_load_state()
    refusal = page.locator("main").inner_text()
    assert "Mức lương cơ sở 2.530.000 đồng áp dụng từ ngày" in refusal
    assert "Văn phòng Sở nhập và xác nhận mức lương cơ sở tại trang «Khen thưởng › Thiết lập khen thưởng»" in refusal
    assert "/quyet-dinh-khen-thuong/ban-hanh/" in page.url
    sign_out(page)

    # The office confirms: first refused without the decree's date, then with it.
    sign_in(page, "vanphong")
    page.goto("/khen-thuong/cai-dat/")
    page.get_by_test_id("confirm-salary").click()
    page.wait_for_load_state()
    assert "Hãy ghi văn bản quy định" in page.locator("main").inner_text()
    form = page.get_by_test_id("salary-form")
    form.get_by_label("Mức lương cơ sở (đồng)").fill("2530000")
    form.get_by_label("Áp dụng từ ngày").fill(start.isoformat())
    form.get_by_label("Văn bản quy định").fill(NEW_BASIS)
    form.get_by_label("Ngày ban hành văn bản").fill(signed.isoformat())
    form.get_by_role("button", name="Lưu mức lương cơ sở").click()
    page.wait_for_load_state()
    page.get_by_test_id("confirm-salary").click()
    page.wait_for_load_state()
    assert "Đã xác nhận mức lương cơ sở 2.530.000 đồng" in page.locator("main").inner_text()
    assert "2.530.000 đồng" in page.get_by_test_id("current-salary").inner_text()
    sign_out(page)

    # The Director issues; the decision names the figure and its decree.
    sign_in(page, "giamdoc")
    page.goto("/quyet-dinh-khen-thuong/ban-hanh/")
    assert "2.530.000" in page.get_by_test_id("base-salary").inner_text()
    page.get_by_label(f"{hero.full_name} — Chiến sĩ thi đua cơ sở 2026").check()
    page.get_by_test_id("issue").click()
    page.wait_for_url("**/quyet-dinh-khen-thuong/*/")
    assert "2.530.000" in page.get_by_test_id("base-salary").inner_text()
    assert page.get_by_test_id("money-total").inner_text() == "2.530.000"
    with page.expect_download() as info:
        page.get_by_test_id("download-decision").click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    data = target.read_bytes()
    assert nd30_problems(data, doc_type="QUYẾT ĐỊNH") == []
    doc = Document(io.BytesIO(data))
    text = "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    assert f"mức lương cơ sở 2.530.000 đồng theo {NEW_BASIS} ngày {signed.day:02d} tháng" in text
    assert "Điều 54 Nghị định số 98/2023/NĐ-CP" in text and "—" not in text
    # The refused issue answers 400 (the form shown again with the reason), nothing else fails.
    assert [e for e in page.console_errors if "status of 400" not in e] == []
