"""The achievement report (báo cáo thành tích) of a proposal as a Word document: the
unit in the header, Quốc hiệu and Tiêu ngữ, the title with the award proposed, the
report as written and edited in the application (lines starting "I." or "1." are
headings, lines starting "-" list items), for Tập thể lao động xuất sắc the figures
Điều 27 of the Law tests, then the signatures with the names of the person reporting
and of the heads confirming, from the organisation data. Fonts, page and margins as in
Nghị định 30/2020; no number, as the report is the person's or the unit's own."""

import re

from django.utils import timezone
from docx.enum.text import WD_ALIGN_PARAGRAPH

from thidua.commendation.eligibility.loading import unit_figures
from thidua.core.numerals import vn_number
from thidua.core.text import fold
from thidua.documents import nd30
from thidua.organization.heads import head_of
from thidua.plans.models import Plan
from thidua.proposals.wording import ACHIEVEMENT_REPORT

HEADING = re.compile(r"^([IVX]+|\d+)\.\s")
# "- 1. text", "• 2) text": a dash before a number doubles the list mark.
DOUBLED_MARK = re.compile(r"^[-–•+*]\s*(\d+(?:\.\d+)*)[.)]\s+")
BULLET = re.compile(r"^[–•+*]\s+")
TTLDXS = "TTLDXS"
FIGURES_BEFORE = re.compile(r"^(III|IV)\.\s")


def list_line(text: str) -> str:
    """A report line as printed: "- 1. Trả phiếu …" → "1. Trả phiếu …", "• x" → "- x"."""
    text = DOUBLED_MARK.sub(lambda m: f"{m.group(1)}. ", text)
    return BULLET.sub("- ", text)


def article_27_lines(unit, year: int, texts=None) -> list[str]:
    """The counts Điều 27 tests for Tập thể lao động xuất sắc, as report lines."""
    figures = unit_figures(unit, year)
    share = vn_number(figures.ldtt_percent, 1)
    texts = texts or ACHIEVEMENT_REPORT.in_force()
    return [
        texts.get("chi_tieu_dieu_27", nam=year),
        f"- Tổng số cán bộ, công chức, viên chức, người lao động: {vn_number(figures.headcount)} người.",
        f"- Số người đạt danh hiệu Lao động tiên tiến (kể cả Chiến sĩ thi đua cơ sở): {vn_number(figures.ldtt)} người"
        + (f", chiếm {share}% tổng số." if share else "."),
        f"- Số người đạt danh hiệu Chiến sĩ thi đua cơ sở: {vn_number(figures.cstdcs)} người.",
    ]


def filename(proposal) -> str:
    name = re.sub(r"[^a-z0-9]+", "-", fold(str(proposal.subject))).strip("-")
    return f"bao-cao-thanh-tich-{name}-{proposal.award_code.lower()}-{proposal.year}.docx"


class AchievementReportDocx:
    """`AchievementReportDocx(proposal).render()` returns the .docx bytes."""

    def __init__(self, proposal) -> None:
        self.proposal = proposal
        self.plan = Plan.objects.current()
        self.texts = ACHIEVEMENT_REPORT.in_force()

    def render(self) -> bytes:
        self.doc = nd30.blank_document()
        self._header()
        self._title()
        for line in self._lines():
            self._line(line)
        self._signatures()
        return nd30.to_bytes(self.doc)

    def _header(self) -> None:
        proposal, plan = self.proposal, self.plan
        table = nd30._two_column_table(self.doc, nd30.HEADER_COLUMNS)
        left, right = table.rows[0].cells
        nd30._cell_line(left, plan.issuer_name.upper() if plan else "", nd30.SIZE_PARENT_AGENCY)
        unit = proposal.subject_unit.name.upper()
        nd30._cell_line(left, unit, nd30.SIZE_AGENCY, bold=True)
        nd30.national_column(right)
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

    def _lines(self) -> list[str]:
        """The report's lines; for TTLĐXS the Điều 27 figures close section II (before
        the line starting "III." or "IV.", else at the end)."""
        lines = [x.strip() for x in self.proposal.report_text.splitlines() if x.strip()]
        if self.proposal.award_code != TTLDXS or self.proposal.person_id:
            return lines
        at = next((i for i, line in enumerate(lines) if FIGURES_BEFORE.match(line)), len(lines))
        return lines[:at] + article_27_lines(self.proposal.subject_unit, self.proposal.year, self.texts) + lines[at:]

    def _line(self, text: str) -> None:
        heading = bool(HEADING.match(text))
        p = self._add(text if heading else list_line(text), nd30.SIZE_BODY, bold=heading)
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
            nd30._fill_signer(left, "", self.texts.get("xac_nhan_ca_nhan"), self._confirming_head())
            nd30._fill_signer(right, "", self.texts.get("ky_ca_nhan"), proposal.person.full_name)
        else:
            upper = self.plan.signer_name if self.plan else ""
            nd30._fill_signer(left, "", self.texts.get("xac_nhan_tap_the"), upper)
            nd30._fill_signer(right, "", self.texts.get("ky_tap_the"), _name(head_of(proposal.subject_unit)))

    def _confirming_head(self) -> str:
        """The head of the person's unit; for the head themself, the head above."""
        person = self.proposal.person
        unit = person.unit
        while unit is not None:
            head = head_of(unit)
            if head is not None and head.pk != person.pk:
                return head.full_name
            unit = unit.parent
        return self.plan.signer_name if self.plan else ""  # a division's head: the Director confirms

    def _add(self, text: str, size, *, bold: bool = False, italic: bool = False):
        p = self.doc.add_paragraph()
        nd30._style_run(p.add_run(text), size, bold=bold, italic=italic)
        return p


def _name(person) -> str:
    return person.full_name if person is not None else ""
