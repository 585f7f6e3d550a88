"""The signed copy of a decision: after the Director signs the decision of the demo year
with a USB token, the office uploads the signed PDF on the decision's line of the
register of outgoing documents and sees it verified; an altered file is labelled so."""

import datetime
from concurrent.futures import ThreadPoolExecutor

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# After the demo year's decision (28/12/2026): the demo loads it, dated in the past.
AFTER_THE_STORY = datetime.datetime(2027, 2, 1, 8, 0, tzinfo=datetime.UTC)
VALID = "Đã ký số, chữ ký hợp lệ"


def upload(page, line_url: str, path) -> None:
    page.goto(line_url)
    page.get_by_test_id("signed-form").get_by_label("Tệp PDF đã ký").set_input_files(str(path))
    page.get_by_test_id("upload-signed").click()
    page.wait_for_load_state()


def test_the_office_uploads_the_signed_decision_and_the_register_shows_it_verified(
    page, sign_in, settings, tmp_path, live_server
):
    import time_machine
    from django.core.management import call_command

    from tests.outgoing.signed_pdfs import SIGNER, Authority, altered, unsigned_pdf
    from thidua.proposals.models import Decision

    settings.MEDIA_ROOT = tmp_path / "media"
    authority = Authority.make("Root CA thử nghiệm của Chính phủ")
    roots = tmp_path / "trust-roots"
    roots.mkdir()
    (roots / "chinh-phu.crt").write_bytes(authority.root_pem)
    settings.SIGNING_TRUST_ROOTS_DIR = roots
    signed = tmp_path / "quyet-dinh-da-ky.pdf"
    # pyHanko signs through asyncio.run, which Playwright's loop in this thread forbids.
    with ThreadPoolExecutor(1) as pool:
        signed.write_bytes(pool.submit(authority.sign, unsigned_pdf()).result())
    tampered = tmp_path / "quyet-dinh-da-sua.pdf"
    tampered.write_bytes(altered(signed.read_bytes()))

    with time_machine.travel(AFTER_THE_STORY, tick=True):
        call_command("load_plan", verbosity=0)
        call_command("load_demo", verbosity=0)
        decision = Decision.objects.get(issued_here=True)
        number = decision.number_symbol

        sign_in(page, "vanphong")
        page.goto("/so-van-ban-di/?nam=2026&loai=QĐ")
        row = page.get_by_test_id("register-row").filter(has_text=number)
        assert "Chưa có bản đã ký" in row.inner_text()
        row.get_by_role("link", name=number).click()
        page.wait_for_url("**/so-van-ban-di/*/")
        line_url = page.url

        upload(page, line_url, signed)
        assert VALID in page.get_by_test_id("current-copy").inner_text()
        assert SIGNER in page.get_by_test_id("signer").inner_text()
        page.goto("/so-van-ban-di/?nam=2026&loai=QĐ")
        row = page.get_by_test_id("register-row").filter(has_text=number)
        assert row.get_by_test_id("signature-status").inner_text() == VALID
        page.goto(f"/quyet-dinh-khen-thuong/{decision.pk}/")
        assert VALID in page.get_by_test_id("issued-copy").inner_text()

        # A file changed after signing becomes the issued copy only labelled as such.
        upload(page, line_url, tampered)
        assert "Tệp đã bị sửa sau khi ký" in page.get_by_test_id("current-copy").inner_text()
        page.goto("/so-van-ban-di/?nam=2026&loai=QĐ")
        row = page.get_by_test_id("register-row").filter(has_text=number)
        assert row.get_by_test_id("signature-status").inner_text() == "Tệp đã bị sửa sau khi ký"
    assert page.console_errors == []
