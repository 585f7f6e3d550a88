"""Evidence files: refused when empty, too large, of a type we do not take, or when the
content does not match the extension."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.core.uploads import validate_evidence

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") + b"\x00" * 32
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 64
MZ = b"MZ\x90\x00\x03" + b"\x00" * 64


def _office(prefix: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{prefix}document.xml", "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bien-ban.pdf", PDF),
        ("anh.png", PNG),
        ("bao-cao.docx", _office("word/")),
        ("so-lieu.xlsx", _office("xl/")),
    ],
)
def test_real_files_pass(name, content):
    validate_evidence(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("chuong-trinh.pdf", ELF, "không phải là tệp .pdf thật"),
        ("setup.pdf", MZ, "không phải là tệp .pdf thật"),
        ("trang.pdf", b"<html><body>x</body></html>", "không phải là tệp .pdf thật"),
        ("gia.docx", _office("xl/"), "không phải là tệp .docx thật"),
        ("nen.docx", b"PK\x03\x04 not really a zip", "không phải là tệp .docx thật"),
        ("rong.pdf", b"", "rỗng"),
        ("virus.exe", MZ, "không thuộc loại được nhận"),
        ("khong-duoi", PDF, "không thuộc loại được nhận"),
    ],
)
def test_bad_files_are_refused_with_the_reason(name, content, reason):
    with pytest.raises(ValidationError) as error:
        validate_evidence(SimpleUploadedFile(name, content))
    assert reason in error.value.messages[0]
    assert name in error.value.messages[0] or not name


def test_too_large_file_says_the_limit(settings):
    settings.MAX_UPLOAD_MB = 1
    with pytest.raises(ValidationError) as error:
        validate_evidence(SimpleUploadedFile("lon.pdf", PDF + b"0" * (1024 * 1024)))
    assert "vượt giới hạn 1 MB" in error.value.messages[0]
