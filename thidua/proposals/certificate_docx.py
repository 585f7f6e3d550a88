"""The Giấy khen certificate: a Word template with placeholders that the office may
download, change in Word and upload back, and the filling of one certificate per
person from it.

Placeholders are written in braces: {ho_ten}, {chuc_vu}, {don_vi}, {thanh_tich},
{so_quyet_dinh}, {ngay}, {chuc_vu_ky} (the signer's authority and title, one per line)
and {nguoi_ky} (the signer's name); the agency's names {co_quan_chu_quan}, {co_quan} and
{nguoi_tang} ("GIÁM ĐỐC SỞ …") are filled where a template has them. The achievement is a text the office words
(`proposals.wording.CERTIFICATE`) and is printed once, as it reads. Word often splits
a word typed or edited by hand into several runs ("{ho_" + "ten}"), so filling works
on each paragraph's whole text and rewrites the runs it spans, keeping the formatting
of the run where the placeholder starts."""

import copy
import io
from collections.abc import Iterator, Mapping, Sequence

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from thidua.core.codes import CommendationKind
from thidua.documents.certificate_page import certificate_page
from thidua.documents.nd30 import MOTTO, NATIONAL_NAME, date_line
from thidua.proposals.wording import CERTIFICATE

PLACEHOLDERS = ("ho_ten", "chuc_vu", "don_vi", "thanh_tich", "so_quyet_dinh", "ngay", "chuc_vu_ky", "nguoi_ky")
OPTIONAL = ("co_quan_chu_quan", "co_quan", "nguoi_tang")
FILENAME = "mau-giay-khen.docx"


def token(name: str) -> str:
    return "{" + name + "}"


# --- reading and filling ----------------------------------------------------------------
def _paragraphs(container) -> Iterator[Paragraph]:
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block
        elif isinstance(block, Table):
            seen = set()
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc not in seen:
                        seen.add(cell._tc)  # the element itself: an id() of a freed proxy is reused
                        yield from _paragraphs(cell)


def _headers_and_footers(doc) -> Iterator[Paragraph]:
    for section in doc.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            if not part.is_linked_to_previous:
                yield from _paragraphs(part)


def _all_paragraphs(doc) -> Iterator[Paragraph]:
    yield from _paragraphs(doc)
    yield from _headers_and_footers(doc)


def missing_placeholders(source) -> list[str]:
    """The placeholders a template lacks. Raises ValueError if it is no Word file."""
    try:
        doc = Document(source)
    except Exception as error:  # python-docx raises several kinds for a broken package
        raise ValueError("not a Word document") from error
    text = "\n".join(p.text for p in _all_paragraphs(doc))
    return [token(name) for name in PLACEHOLDERS if token(name) not in text]


def _replace(paragraph: Paragraph, placeholder: str, value: str) -> None:
    offset = 0
    while True:
        runs = paragraph.runs
        start = "".join(r.text for r in runs).find(placeholder, offset)
        if start < 0:
            return
        end, position, first = start + len(placeholder), 0, True
        for run in runs:
            run_start, run_end = position, position + len(run.text)
            position = run_end
            if run_end <= start or run_start >= end:
                continue
            cut_from, cut_to = max(start, run_start) - run_start, min(end, run_end) - run_start
            run.text = run.text[:cut_from] + (value if first else "") + run.text[cut_to:]
            first = False
        offset = start + len(value)


def fill(template: bytes, values: Mapping[str, str]) -> bytes:
    """A certificate: `template` with every {placeholder} replaced by its value."""
    return fill_many(template, [values])


def fill_many(template: bytes, pages: Sequence[Mapping[str, str]]) -> bytes:
    """Many certificates in one file for batch printing: the template's body once a
    certificate, each starting a new page. The copies share the template's images and
    styles, as they are copies of the same body."""
    doc = Document(io.BytesIO(template))
    body = doc.element.body
    prototype = [element for element in body.iterchildren() if element.tag != qn("w:sectPr")]
    end = body.find(qn("w:sectPr"))  # a Word document's body always ends with it
    for element in prototype:
        body.remove(element)
    for number, values in enumerate(pages):
        copies = [copy.deepcopy(element) for element in prototype]
        for element in copies:
            end.addprevious(element)
        if number:
            _new_page(doc, copies[0])
        for element in copies:
            _fill_paragraphs((Paragraph(p, doc._body) for p in element.iter(qn("w:p"))), values)
    _fill_paragraphs(_headers_and_footers(doc), pages[0] if pages else {})
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _fill_paragraphs(paragraphs, values: Mapping[str, str]) -> None:
    for paragraph in paragraphs:
        if "{" in paragraph.text:
            for name in PLACEHOLDERS + OPTIONAL:
                _replace(paragraph, token(name), values.get(name, ""))


def _new_page(doc, first) -> None:
    """The copy starts a new page: its first paragraph breaks before, or a break is put
    before a copy that starts with a table."""
    if first.tag == qn("w:p"):
        Paragraph(first, doc._body).paragraph_format.page_break_before = True
        return
    breaker = OxmlElement("w:p")
    run = OxmlElement("w:r")
    page_break = OxmlElement("w:br")
    page_break.set(qn("w:type"), "page")
    run.append(page_break)
    breaker.append(run)
    first.addprevious(breaker)


# --- the template shipped with the application ------------------------------------------
LINES = [
    # (text, size in pt, bold, italic, space before in pt)
    (token("co_quan_chu_quan"), 13, False, False, 0),
    (token("co_quan"), 13, True, False, 0),
    (NATIONAL_NAME, 13, True, False, 12),
    (MOTTO, 14, True, False, 0),
    (token("nguoi_tang"), 15, True, False, 18),
    ("TẶNG", 15, True, False, 6),
    ("GIẤY KHEN", 30, True, False, 6),
    (token("ho_ten"), 20, True, False, 12),
    (token("chuc_vu"), 14, False, False, 4),
    (token("don_vi"), 14, False, False, 0),
    (token("thanh_tich"), 14, False, False, 12),
    ("Quyết định số " + token("so_quyet_dinh"), 13, False, True, 18),
    (token("ngay"), 13, False, True, 0),
    (token("chuc_vu_ky"), 14, True, False, 6),
    ("", 14, False, False, 48),  # room for the signature and seal
    (token("nguoi_ky"), 14, True, False, 0),
]


def values(proposal, plan, texts=None) -> dict[str, str]:
    """What one person's (or unit's) Giấy khen says: as decided and stored, the
    achievement in the office's words (`texts`: read once for a batch), the decision's
    signer."""
    decision = proposal.decision
    texts = texts or CERTIFICATE.in_force()
    key = {CommendationKind.DOT_XUAT: "thanh_tich_dot_xuat", CommendationKind.CHUYEN_DE: "thanh_tich_chuyen_de"}
    signer = [line for line in (decision.signer_authority, decision.signer_title) if line.strip()]
    return {
        "ho_ten": proposal.decided_name,
        "chuc_vu": proposal.decided_position,
        "don_vi": proposal.decided_unit,
        "thanh_tich": texts.get(key.get(proposal.kind, "thanh_tich"), nam=proposal.year),
        "so_quyet_dinh": decision.number_symbol,
        "ngay": date_line(plan.place, decision.date),
        "chuc_vu_ky": "\n".join(line.upper() for line in signer),
        "nguoi_ky": decision.signer_name,
        "co_quan_chu_quan": plan.issuer_parent_name.upper(),
        "co_quan": plan.issuer_name.upper(),
        "nguoi_tang": f"GIÁM ĐỐC {plan.issuer.name}".upper(),
    }


def default_template() -> bytes:
    """A landscape A4 Giấy khen with every placeholder, in Times New Roman."""
    return certificate_page(LINES)
