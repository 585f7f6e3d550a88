"""The year-end commendation path as the department lives it: the head of a unit
proposes CSTĐCS for one person and a Giấy khen for another; the office returns one with
a reason, the unit sends it again; the office sends both to the council; the members
vote; the office issues the minutes; the Director approves and decides; the decision
downloads as Word in the official layout; the register shows the awards; the office
publishes them and the public honours page shows them."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RETURN_REASON = "Tờ trình chưa có chữ ký của thủ trưởng đơn vị; đề nghị bổ sung."
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def sign_out(page):
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/dang-nhap/")


def propose(page, person, award: str, to_trinh) -> int:
    page.goto("/de-nghi-khen-thuong/lap/")
    page.get_by_label("Cá nhân", exact=True).select_option(str(person.pk))
    page.get_by_label("Danh hiệu thi đua hoặc hình thức khen thưởng").select_option(award)
    page.get_by_label("Năm thành tích").fill("2026")
    page.get_by_role("button", name="Lập bản nháp").click()
    page.wait_for_url("**/de-nghi-khen-thuong/*/")
    assert page.get_by_test_id("state-banner").get_attribute("data-state") == "draft"
    form = page.get_by_test_id("attach-form")
    form.get_by_label("Thành phần hồ sơ").select_option("to_trinh")
    form.get_by_label("Tệp").set_input_files(str(to_trinh))
    form.get_by_role("button", name="Đính kèm").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("dossier-to_trinh").get_attribute("data-present") == "yes"
    page.get_by_test_id("submit-proposal").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("state-banner").get_attribute("data-state") == "submitted"
    return int(page.url.rstrip("/").rsplit("/", 1)[-1])


def open_proposal(page, pk: int):
    page.goto(f"/de-nghi-khen-thuong/{pk}/")


def state_of(page) -> str:
    return page.get_by_test_id("state-banner").get_attribute("data-state")


def vote_agree(page, meeting_url: str, proposals: list[int]):
    for pk in proposals:
        page.goto(meeting_url)
        page.locator(f'[data-testid="agenda-row"][data-proposal="{pk}"]').get_by_role(
            "button", name="Đồng ý", exact=True
        ).click()
        page.wait_for_load_state()
        assert "Đã ghi biểu quyết của bạn" in page.locator("main").inner_text()


def test_a_unit_proposes_the_council_votes_and_the_director_decides(demo, page, sign_in, settings, tmp_path):
    from docx import Document

    from tests.documents.layout import nd30_problems
    from thidua.organization.models import Person

    settings.MEDIA_ROOT = tmp_path / "media"
    to_trinh = tmp_path / "to-trinh.pdf"
    to_trinh.write_bytes(PDF)
    hero, colleague = Person.objects.get(code="PBGD-02"), Person.objects.get(code="PBGD-03")

    # The head of the unit proposes CSTĐCS for one person and a Giấy khen for another.
    sign_in(page, "truongphong")
    cstdcs = propose(page, hero, "CSTDCS", to_trinh)
    assert page.get_by_test_id("verdict-badge").get_attribute("data-verdict") == "eligible"
    gk = propose(page, colleague, "GK", to_trinh)
    sign_out(page)

    # The office returns the Giấy khen with a reason and accepts the CSTĐCS.
    sign_in(page, "vanphong")
    open_proposal(page, gk)
    page.get_by_test_id("return-form").get_by_label("Lý do").fill(RETURN_REASON)
    page.get_by_test_id("return-form").get_by_role("button", name="Trả lại").click()
    page.wait_for_load_state()
    assert state_of(page) == "returned"
    open_proposal(page, cstdcs)
    page.get_by_test_id("accept-form").get_by_role("button", name="Tiếp nhận").click()
    page.wait_for_load_state()
    assert state_of(page) == "accepted"
    sign_out(page)

    # The unit reads the reason and sends it again.
    sign_in(page, "truongphong")
    open_proposal(page, gk)
    assert RETURN_REASON in page.get_by_test_id("return-reason").inner_text()
    page.get_by_test_id("submit-proposal").click()
    page.wait_for_load_state()
    assert state_of(page) == "submitted"
    sign_out(page)

    # The office accepts it, prepares a council meeting and puts both before it.
    sign_in(page, "vanphong")
    # The proposal list shows the order of decision of the round: CSTĐCS first.
    page.goto("/de-nghi-khen-thuong/?year=2026")
    first_step = page.get_by_test_id("decision-step").first.get_attribute("data-awards").split()
    assert "CSTDCS" in first_step and "BK_TINH" not in first_step
    assert "Giám đốc Sở quyết định" in page.get_by_test_id("decision-step").first.inner_text()
    open_proposal(page, gk)
    page.get_by_test_id("accept-form").get_by_role("button", name="Tiếp nhận").click()
    page.wait_for_load_state()
    page.goto("/hoi-dong/phien-hop/tao/")
    page.get_by_label("Tên phiên họp").fill("Họp xét khen thưởng cuối năm 2026")
    page.get_by_role("button", name="Lưu phiên họp").click()
    page.wait_for_url("**/hoi-dong/phien-hop/*/")
    meeting_url = page.url
    assert "mặc định, có thể thay đổi" in page.get_by_test_id("threshold").inner_text()
    agenda = page.get_by_test_id("agenda-form")
    agenda.get_by_label(f"{hero.full_name} (").check()
    agenda.get_by_label(f"{colleague.full_name} (").check()
    agenda.get_by_role("button", name="Đưa ra Hội đồng").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("agenda-row").count() == 2
    sign_out(page)

    # The council members vote.
    for member in ("hoidong", "giamdoc"):
        sign_in(page, member)
        vote_agree(page, meeting_url, [cstdcs, gk])
        sign_out(page)

    # The office closes the vote with the minutes.
    sign_in(page, "vanphong")
    page.goto(meeting_url)
    for pk in (cstdcs, gk):
        row = page.locator(f'[data-testid="agenda-row"][data-proposal="{pk}"]')
        assert row.get_by_test_id("count-agree").inner_text() == "2"
    close = page.get_by_test_id("close-form")
    close.get_by_label("Giờ bắt đầu").fill("08:00")
    close.get_by_label("Giờ kết thúc").fill("10:30")
    close.get_by_role("button", name="Ban hành biên bản").click()
    page.wait_for_load_state()
    assert "/BB-STP" in page.get_by_test_id("minutes-number").inner_text()
    sign_out(page)

    # The Director approves both and issues the decision.
    sign_in(page, "giamdoc")
    for pk in (cstdcs, gk):
        open_proposal(page, pk)
        page.get_by_test_id("approve").click()
        page.wait_for_load_state()
        assert state_of(page) == "approved"
    page.goto("/quyet-dinh-khen-thuong/ban-hanh/")
    page.get_by_label(f"{hero.full_name} — Chiến sĩ thi đua cơ sở 2026").check()
    page.get_by_label(f"{colleague.full_name} — Giấy khen của Giám đốc Sở 2026").check()
    page.get_by_test_id("issue").click()
    page.wait_for_url("**/quyet-dinh-khen-thuong/*/")
    assert "chỉ sửa đổi hoặc hủy bỏ được bằng một quyết định khác" in page.dialogs[-1]
    number = page.get_by_test_id("decision-number").inner_text().removeprefix("Quyết định số ").strip()
    assert number.endswith("/QĐ-STP")
    with page.expect_download() as info:
        page.get_by_test_id("download-decision").click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    data = target.read_bytes()
    assert nd30_problems(data, doc_type="QUYẾT ĐỊNH") == []
    cells = " ".join(c.text for t in Document(target).tables for row in t.rows for c in row.cells)
    assert hero.full_name in cells and colleague.full_name in cells

    # The register shows the awards.
    page.goto("/so-khen-thuong/?year=2026&q=" + number)
    rows = page.get_by_test_id("register-row")
    assert rows.count() >= 2
    text = page.locator("main").inner_text()
    assert hero.full_name in text and colleague.full_name in text
    assert "Chiến sĩ thi đua cơ sở" in text and "Giấy khen của Giám đốc Sở" in text
    sign_out(page)

    # The office publishes them; the public honours page shows them.
    sign_in(page, "vanphong")
    for person in (hero, colleague):
        page.goto("/ton-vinh/quan-ly/khen-thuong/?nam=2026")
        row = page.get_by_test_id("award-row").filter(has_text=person.full_name).filter(has_text=number)
        row.get_by_role("button", name="Công bố").click()
        page.wait_for_load_state()
    sign_out(page)
    page.goto("/ton-vinh/khen-thuong/?nam=2026")
    public = page.locator("main").inner_text()
    assert hero.full_name in public and colleague.full_name in public
    assert page.console_errors == []
