"""The department's year-end guidance to its units on bình xét (Hướng dẫn bình xét thi
đua, khen thưởng cuối năm) in the layout of Nghị định 30/2020: what for, the titles and
forms in force with who decides each and its article (the catalogue), how a unit rates
its staff (the meeting, its minutes and counts), the documents of each dossier (rule
R13 as the office configured it), and the deadline the office sets."""

import datetime

from django.utils import timezone

from thidua.commendation import catalogue
from thidua.commendation.eligibility.procedure import DOCUMENTS
from thidua.commendation.eligibility.ruleset import rule_def, rules_date
from thidua.commendation.enums import AwardCategory, Route
from thidua.documents.legal_bases import lower_first
from thidua.documents.nd30 import OfficialDocument, number_to_fill
from thidua.plans.citation import plan_citation
from thidua.plans.models import Plan
from thidua.ratingmeetings.wording import GUIDANCE

# --- fixed texts ------------------------------------------------------------------------
DOC_TYPE = "Hướng dẫn"
SYMBOL = "HD"
CLOSING_MARK = "/."
HERE = "1. Thuộc thẩm quyền quyết định của Giám đốc Sở"
UPWARD = "2. Sở đề nghị cấp trên khen thưởng"


def filename(year: int) -> str:
    return f"huong-dan-binh-xet-thi-dua-khen-thuong-{year}.docx"


def _documents(codes: list[str]) -> str:
    return ", ".join(lower_first(str(DOCUMENTS.get(code, code))) for code in codes)


class GuidanceDocx:
    """`GuidanceDocx(year, deadline).render()` returns the .docx bytes."""

    def __init__(self, year: int, deadline: datetime.date) -> None:
        self.year, self.deadline = year, deadline
        self.plan = Plan.objects.current()
        self.on = rules_date(year)
        self.awards = catalogue.in_force(self.on)
        self.texts = GUIDANCE.in_force()

    def render(self) -> bytes:
        plan, year, texts = self.plan, self.year, self.texts
        doc = OfficialDocument.of_department(
            plan,
            number_symbol=number_to_fill(SYMBOL, plan.issuer),
            date_parts=(None, None, min(timezone.localdate().year, self.deadline.year)),
            doc_type=DOC_TYPE,
            summary=texts.get("trich_yeu", nam=year),
        )
        doc.paragraph(texts.get("mo_dau", ke_hoach=plan_citation(plan), ten_so=plan.issuer.name, nam=year))
        doc.heading("I. MỤC ĐÍCH, YÊU CẦU", 1)
        for text in texts.lines("muc_dich", nam=year):
            doc.paragraph(text)
        doc.heading("II. DANH HIỆU THI ĐUA, HÌNH THỨC KHEN THƯỞNG", 1)
        here = [a for a in self.awards if a.route == Route.DIRECTOR]
        upward = [a for a in self.awards if a.route != Route.DIRECTOR]
        for heading, awards in ((HERE, here), (UPWARD, upward)):
            if awards:
                doc.heading(heading + ":", 2)
                for award in awards:
                    route = "" if award.route == Route.DIRECTOR else f"; {lower_first(str(Route(award.route).label))}"
                    doc.paragraph(f"- {award.name} (căn cứ: {award.article}{route}).")
        doc.heading("III. TRÌNH TỰ BÌNH XÉT VÀ HỒ SƠ", 1)
        steps = texts.lines("trinh_tu")
        for number, text in enumerate(steps, start=1):
            doc.paragraph(f"{number}. {text}")
        doc.paragraph(f"{len(steps) + 1}. {self._dossier()}")
        doc.heading("IV. THỜI GIAN", 1)
        doc.paragraph(texts.get("thoi_han", han=f"{self.deadline:%d/%m/%Y}"))
        doc.paragraph(texts.get("ket").rstrip("/.").strip() + "." + CLOSING_MARK)
        doc.signed_by(plan, texts.lines("noi_nhan"))
        return doc.to_bytes()

    def _dossier(self) -> str:
        row = catalogue.rule("R13", self.on)
        if row is None:
            return "Hồ sơ đề nghị khen thưởng gồm các thành phần theo Điều 84 Luật Thi đua, khen thưởng."
        params = rule_def(row).params
        titles = _documents(params.get("title_documents", []))
        forms = _documents(params.get("form_documents", []))
        text = f"Hồ sơ đề nghị danh hiệu thi đua gồm: {titles}; hồ sơ đề nghị hình thức khen thưởng gồm: {forms}"
        certificate = [a.name for a in self.awards if a.code in params.get("certificate_titles", [])]
        if certificate and any(a.category == AwardCategory.TITLE for a in self.awards):
            text += f"; đề nghị {', '.join(certificate)} kèm theo giấy chứng nhận sáng kiến"
        return text + " (Điều 84 Luật Thi đua, khen thưởng)."
