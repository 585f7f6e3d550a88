"""`core.downloads.attachment`: a file to save, its type from its name."""

from thidua.core.downloads import DOCX, XLSX, attachment


def test_the_type_follows_the_name_and_the_name_is_the_one_to_save():
    word, sheet = attachment(b"w", "bien-ban.docx"), attachment(b"x", "Mau.XLSX")
    assert (word["Content-Type"], word["Content-Disposition"]) == (DOCX, 'attachment; filename="bien-ban.docx"')
    assert (sheet["Content-Type"], sheet.content) == (XLSX, b"x")
    assert attachment(b"", "khac.bin")["Content-Type"] == "application/octet-stream"
