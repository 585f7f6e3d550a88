"""The achievement report (báo cáo thành tích) of a proposal as a Word document: the
unit in the header, Quốc hiệu and Tiêu ngữ, the title with the award proposed, the
report as written and edited in the application (lines starting "I." or "1." are
headings), then the signatures: the person reporting and the head confirming (for a
unit, its head). Fonts, page and margins as in Nghị định 30/2020; no number, as the
report is the person's or the unit's own."""

import io
import re

from django.utils import timezone
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from thidua.core.text import fold
from thidua.documents import nd30
from thidua.plans.models import Plan

HEADING = re.compile(r"^([IVX]+|\d+)\.\s")


def filename(proposal) -> str:
    name = re.sub(r"[^a-z0-9]+", "-", fold(str(proposal.subject))).strip("-")
    return f"bao-cao-thanh-tich-{name}-{proposal.award_code.lower()}-{proposal.year}.docx"


class AchievementReportDocx:
    """`AchievementReportDocx(proposal).render()` returns the .docx bytes."""

    def __init__(self, proposal) -> None:
        self.proposal = proposal
        self.plan = Plan.objects.current()

    def render(self) -> bytes:
        self.doc = Document()
        nd30._set_default_font(self.doc)
        nd30._set_up_page(self.doc.sections[0])
        self._header()
        self._title()
        for line in filter(None, (x.strip() for x in self.proposal.report_text.splitlines())):
            self._line(line)
        self._signatures()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

    def _header(self) -> None:
        proposal, plan = self.proposal, self.plan
        table = nd30._two_column_table(self.doc, nd30.HEADER_COLUMNS)
        left, right = table.rows[0].cells
        nd30._cell_line(left, plan.issuer_name.upper() if plan else "", nd30.SIZE_PARENT_AGENCY)
        unit = proposal.subject_unit.name.upper()
        nd30._cell_line(left, unit, nd30.SIZE_AGENCY, bold=True)
        nd30._cell_line(right, nd30.NATIONAL_NAME, nd30.SIZE_NATIONAL_NAME, bold=True)
        nd30._cell_line(right, nd30.MOTTO, nd30.SIZE_MOTTO, bold=True)
        nd30._rule(right, nd30._text_width(nd30.MOTTO, nd30.SIZE_MOTTO, bold=True), nd30.HEADER_COLUMNS[1])
        place = plan.place if plan else ""
        written = max(proposal.year, timezone.localdate().year)  # day and month are written by hand when signed
        date = self._add(nd30.date_line(place, (None, None, written)), nd30.SIZE_PLACE_DATE, italic=True)
        nd30._paragraph_format(date, align=WD_ALIGN_PARAGRAPH.RIGHT, before=nd30.SPACE_AFTER)

    def _title(self) -> None:
        proposal = self.proposal
        for index, text in enumerate(
            ["BÁO CÁO THÀNH TÍCH", f"Đề nghị tặng {proposal.get_award_code_display()}", f"năm {proposal.year}"]
        ):
            p = self._add(text, nd30.SIZE_DOC_TYPE, bold=True)
            nd30._paragraph_format(p, align=WD_ALIGN_PARAGRAPH.CENTER, before=nd30.SPACE_AFTER if index == 0 else None)
        nd30._doc_rule(self.doc, int(nd30.TEXT_WIDTH * 0.2))

    def _line(self, text: str) -> None:
        p = self._add(text, nd30.SIZE_BODY, bold=bool(HEADING.match(text)))
        nd30._paragraph_format(
            p,
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
            first_line=nd30.FIRST_LINE_INDENT,
            after=nd30.SPACE_AFTER,
            line=nd30.LINE_SPACING,
        )

    def _signatures(self) -> None:
        proposal = self.proposal
        table = nd30._two_column_table(self.doc, nd30.SIGNATURE_COLUMNS)
        left, right = table.rows[0].cells
        if proposal.person_id:
            nd30._fill_signer(left, "", "XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ", "")
            nd30._fill_signer(right, "", "NGƯỜI BÁO CÁO THÀNH TÍCH", proposal.person.full_name)
        else:
            nd30._fill_signer(left, "", "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", "")
            nd30._fill_signer(right, "", "THỦ TRƯỞNG ĐƠN VỊ", "")

    def _add(self, text: str, size, *, bold: bool = False, italic: bool = False):
        p = self.doc.add_paragraph()
        nd30._style_run(p.add_run(text), size, bold=bold, italic=italic)
        return p
