"""What the check of a signed PDF answers: a valid signature under a trusted root; a
file altered after signing; a page added after signing; a signature under a root the
office does not trust; an unsigned scan; and a file that is no PDF."""

import pytest
from django.core.exceptions import ValidationError

from tests.outgoing.signed_pdfs import ORGANISATION, SIGNER, altered, page_added, unsigned_pdf
from thidua.outgoing.models import Signature
from thidua.outgoing.signatures import trusted_roots, verify


@pytest.fixture(scope="module")
def signed(government_ca):
    return government_ca.sign(unsigned_pdf())


def test_a_signature_under_a_trusted_root_is_valid_with_its_signer_and_time(signed, government_ca):
    verdict = verify(signed, government_ca.trusted)
    assert verdict.status == Signature.VALID
    assert verdict.signer == f"{SIGNER}, {ORGANISATION}"
    assert verdict.signed_at is not None
    [detail] = verdict.details
    assert (detail["intact"], detail["trusted"], detail["coverage"], detail["changed"]) == (
        True,
        True,
        "ENTIRE_FILE",
        False,
    )


def test_bytes_changed_inside_the_signed_range_make_it_modified(signed, government_ca):
    verdict = verify(altered(signed), government_ca.trusted)
    assert verdict.status == Signature.MODIFIED
    assert verdict.details[0]["intact"] is False


def test_a_page_added_after_signing_makes_it_modified(signed, government_ca):
    verdict = verify(page_added(signed), government_ca.trusted)
    assert verdict.status == Signature.MODIFIED
    assert verdict.details[0]["modification"] == "OTHER"


def test_a_signature_under_another_root_is_untrusted(government_ca, stranger_ca):
    verdict = verify(stranger_ca.sign(unsigned_pdf()), government_ca.trusted)
    assert verdict.status == Signature.UNTRUSTED
    assert verdict.signer.startswith(SIGNER)


def test_with_no_trusted_root_nothing_is_valid(signed):
    assert verify(signed, []).status == Signature.UNTRUSTED


def test_a_pdf_without_signature_is_unsigned(government_ca):
    verdict = verify(unsigned_pdf(), government_ca.trusted)
    assert (verdict.status, verdict.signer, verdict.details) == (Signature.UNSIGNED, "", [])


def test_a_file_that_is_no_pdf_is_refused_in_vietnamese():
    with pytest.raises(ValidationError) as error:
        verify(b"%PDF-1.7\nkhong phai pdf", [])
    assert "Không đọc được tệp PDF" in error.value.messages[0]


def test_the_roots_folder_takes_pem_and_der_and_skips_other_files(tmp_path, government_ca, stranger_ca, signed):
    (tmp_path / "a.pem").write_bytes(government_ca.root_pem)
    (tmp_path / "b.cer").write_bytes(stranger_ca.root_der)
    (tmp_path / "ghi-chu.txt").write_text("không phải chứng thư")
    (tmp_path / "hong.crt").write_bytes(b"not a certificate")
    roots = trusted_roots(tmp_path)
    assert len(roots) == 2
    assert verify(signed, roots).status == Signature.VALID


def test_the_setting_folder_is_read_when_no_roots_are_given(trust_folder, signed):
    assert verify(signed).status == Signature.VALID


def test_a_missing_folder_trusts_nothing(tmp_path):
    assert trusted_roots(tmp_path / "khong-co") == []
