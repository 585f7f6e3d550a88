"""Reads a document as the office prints and signs it: the .docx converted to PDF by the
server's LibreOffice (`documents/pdf.py`), read back with pypdf.

    pages = printed({"quyet-dinh": data})
    assert pages["quyet-dinh"].missing(data, names=["Đặng Thị Hương"]) == []

Without LibreOffice the tests skip, saying why, except under CI (the variable CI set):
CI installs LibreOffice (.ci/run), so there a missing converter fails the test."""

import io
import os
import re
import unicodedata
from dataclasses import dataclass

import pytest

from tests.documents.content import lines_of
from thidua.documents import pdf
from thidua.organization.models import Person

# A number as the documents write it: "05", "15.000.000", "96,5", "06/2022/QH15",
# "01/QĐ-STP", "31/12/2023".
NUMBER = re.compile(r"\d+(?:[.,/]\d+)*(?:/[\wĐđ-]+)*")


def _needed(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing, and CI installs it (.ci/run): the printed pages cannot be checked.")
    pytest.skip(f"{what} is not installed here; CI installs it and runs these tests.")


def require_converter() -> None:
    if not pdf.available():
        _needed("LibreOffice (the soffice command, Debian package libreoffice-writer-nogui)")


def _pypdf():
    try:
        import pypdf
    except ImportError:
        _needed("pypdf (a test dependency: pip install -e '.[dev]')")
    return pypdf


def squeezed(text: str) -> str:
    """Without spaces and line breaks, which a PDF places where its lines end."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


@dataclass
class Printed:
    pages: int
    text: str
    fonts: set[str]

    def missing(self, docx: bytes, *, names: list[str]) -> list[str]:
        """Every person's name and every number of the Word file that the printed page
        lacks; `names` must be among them (so a document that lost them fails)."""
        words = "\n".join(lines_of(docx))
        absent = [name for name in names if name not in words]
        assert absent == [], f"the Word file itself lacks {absent}"
        people = {name for name in Person.objects.values_list("full_name", flat=True) if name and name in words}
        wanted = sorted(people | set(names)) + NUMBER.findall(words)
        on_paper = squeezed(self.text)
        return [item for item in wanted if squeezed(item) not in on_paper]


def printed(documents: dict[str, bytes]) -> dict[str, Printed]:
    """Each .docx of `documents` as printed, converted by one LibreOffice start."""
    require_converter()
    reader = _pypdf()
    result = {}
    for name, data in pdf.docx_to_pdfs(documents).items():
        document = reader.PdfReader(io.BytesIO(data))
        text = "\n".join(page.extract_text() or "" for page in document.pages)
        result[name] = Printed(pages=len(document.pages), text=text, fonts=_fonts(document))
    return result


def _fonts(document) -> set[str]:
    """The fonts the pages use, without the subset prefix ("BAAAAA+LiberationSerif")."""
    names = set()
    for page in document.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            names.add(str(font.get_object().get("/BaseFont", "")).lstrip("/").split("+")[-1])
    return names
