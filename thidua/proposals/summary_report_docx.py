"""The Báo cáo tóm tắt thành tích of a proposal under the simplified procedure (Law
Art. 85; NĐ 98 Art. 40: a tờ trình and a short report), as a Word document: the unit in
the header, Quốc hiệu and Tiêu ngữ, the award proposed and the case of the simplified
procedure, who the subject is, the achievement as written in the application, the
year's rating and recognised initiatives from the system's data, then the person
reporting and the head confirming. No number: the report is the subject's own."""

import re

from django.utils import timezone
from docx.enum.text import WD_ALIGN_PARAGRAPH

from thidua.core.text import fold
from thidua.documents import nd30
from thidua.organization.enums import Role
from thidua.organization.models import Person
from thidua.plans.models import Plan
from thidua.proposals import dossier, prefill
from thidua.proposals.wording import SUMMARY_REPORT

# --- fixed texts ------------------------------------------------------------------------
TITLE = "BÁO CÁO TÓM TẮT THÀNH TÍCH"
PROPOSED = "Đề nghị tặng {award}"
PROCEDURE = "(theo thủ tục đơn giản)"
SECTION_WHO = "I. SƠ LƯỢC LÝ LỊCH"
SECTION_UNIT = "I. ĐẶC ĐIỂM, TÌNH HÌNH"
SECTION_ACHIEVEMENT = "II. THÀNH TÍCH ĐẠT ĐƯỢC"
HEADING = re.compile(r"^([IVX]+|\d+)\.\s")


def filename(proposal) -> str:
    name = re.sub(r"[^a-z0-9]+", "-", fold(str(proposal.subject))).strip("-")
    return f"bao-cao-tom-tat-thanh-tich-{name}-{proposal.year}.docx"


def _head(unit) -> Person | None:
    found = Person.objects.filter(user__memberships__role=Role.UNIT_HEAD, user__memberships__unit=unit)
    return found.order_by("id").first()


class SummaryReportDocx:
    """`SummaryReportDocx(proposal).render()` returns the .docx bytes."""

    def __init__(self, proposal) -> None:
        self.proposal = proposal
        self.plan = Plan.objects.current()
        self.facts = prefill.gather(proposal.subject, proposal.year)
        self.texts = SUMMARY_REPORT.in_force()

    def render(self) -> bytes:
        self.doc = nd30.blank_document()
        self._header()
        self._title()
        self._who()
        self._achievement()
        self._signatures()
        return nd30.to_bytes(self.doc)

    def _header(self) -> None:
        p, plan = self.proposal, self.plan
        table = nd30._two_column_table(self.doc, nd30.HEADER_COLUMNS)
        left, right = table.rows[0].cells
        nd30._cell_line(left, plan.issuer_name.upper(), nd30.SIZE_PARENT_AGENCY)
        unit = p.subject_unit.name.upper()
        nd30._cell_line(left, unit, nd30.SIZE_AGENCY, bold=True)
        width = nd30.HEADER_COLUMNS[0]
        nd30._rule(left, nd30._share_of(unit, nd30.SIZE_AGENCY, nd30.AGENCY_RULE_SHARE, width), width)
        nd30.national_column(right)
        written = max(p.year, timezone.localdate().year)  # day and month are written when signed
        date = self._add(nd30.date_line(plan.place, (None, None, written)), nd30.SIZE_PLACE_DATE, italic=True)
        nd30._paragraph_format(date, align=WD_ALIGN_PARAGRAPH.RIGHT, before=nd30.SPACE_AFTER)

    def _title(self) -> None:
        award = self.proposal.get_award_code_display()
        for index, text in enumerate([TITLE, PROPOSED.format(award=award), PROCEDURE]):
            line = self._add(text, nd30.SIZE_DOC_TYPE, bold=index < 2, italic=index == 2)
            nd30._paragraph_format(
                line, align=WD_ALIGN_PARAGRAPH.CENTER, before=nd30.SPACE_AFTER if not index else None
            )
        nd30._doc_rule(self.doc, int(nd30.TEXT_WIDTH * 0.2))

    def _who(self) -> None:
        p = self.proposal
        if p.person_id:
            person = p.person
            self._line(SECTION_WHO, bold=True)
            self._line(f"Họ và tên: {person.full_name}.")
            if person.position:
                self._line(f"Chức vụ: {person.position}.")
            self._line(f"Đơn vị công tác: {person.unit.name}.")
        else:
            unit = p.unit
            self._line(SECTION_UNIT, bold=True)
            self._line(f"Tên tập thể: {unit.name}.")
            if unit.parent_id:
                self._line(f"Thuộc: {unit.parent.name}.")

    def _achievement(self) -> None:
        p, facts = self.proposal, self.facts
        self._line(SECTION_ACHIEVEMENT, bold=True)
        texts = self.texts
        self._line(texts.get("truong_hop", truong_hop=dossier.simplified_label(p.simplified_case)))
        if facts.rating is not None:
            self._line(texts.get("xep_loai", nam=p.year, xep_loai=facts.rating.get_rating_display()))
        for initiative in getattr(facts, "initiatives", []) or []:
            self._line(
                texts.get(
                    "sang_kien",
                    ten=initiative.title,
                    so=initiative.decision_number,
                    ngay=f"{initiative.decision_date:%d/%m/%Y}",
                )
            )
        for line in filter(None, (x.strip() for x in p.report_text.splitlines())):
            self._line(line, bold=bool(HEADING.match(line)) and len(line) < 80)

    def _signatures(self) -> None:
        p = self.proposal
        table = nd30._two_column_table(self.doc, nd30.SIGNATURE_COLUMNS)
        nd30._cant_split(table.rows[0])
        left, right = table.rows[0].cells
        head = _head(p.subject_unit)
        if p.person_id:
            nd30._fill_signer(left, "", self.texts.get("xac_nhan_ca_nhan"), head.full_name if head else "")
            nd30._fill_signer(right, "", self.texts.get("ky_ca_nhan"), p.person.full_name)
        else:
            nd30._fill_signer(left, "", self.texts.get("xac_nhan_tap_the"), self.plan.signer_name)
            nd30._fill_signer(right, "", self.texts.get("ky_tap_the"), head.full_name if head else "")

    def _line(self, text: str, *, bold: bool = False) -> None:
        p = self._add(text, nd30.SIZE_BODY, bold=bold)
        nd30._paragraph_format(
            p,
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
            first_line=nd30.FIRST_LINE_INDENT,
            after=nd30.SPACE_AFTER,
            line=nd30.LINE_SPACING,
        )

    def _add(self, text: str, size, *, bold: bool = False, italic: bool = False):
        p = self.doc.add_paragraph()
        nd30._style_run(p.add_run(text), size, bold=bold, italic=italic)
        return p
