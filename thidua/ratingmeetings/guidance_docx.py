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
from thidua.documents.legal_bases import DECREE_98, LAW, lower_first
from thidua.documents.nd30 import OfficialDocument, number_to_fill
from thidua.plans.citation import plan_citation
from thidua.plans.models import Plan

# --- fixed texts ------------------------------------------------------------------------
DOC_TYPE = "Hướng dẫn"
SYMBOL = "HD"
SUMMARY = "Bình xét thi đua, khen thưởng năm {year}"
OPENING = (
    "Căn cứ {law}; Căn cứ {decree}; Căn cứ {plan}; {agency} hướng dẫn các phòng, đơn vị thuộc Sở tổ chức bình xét "
    "thi đua, khen thưởng năm {year} như sau:"
)
PURPOSE = [
    "Đánh giá đúng kết quả thực hiện nhiệm vụ và phong trào thi đua năm {year} của từng tập thể, cá nhân; lựa chọn "
    "những tập thể, cá nhân tiêu biểu để đề nghị khen thưởng.",
    "Việc bình xét bảo đảm chính xác, công khai, công bằng, kịp thời; đúng đối tượng, tiêu chuẩn, thủ tục, hồ sơ "
    "theo quy định của Luật Thi đua, khen thưởng và Nghị định số 98/2023/NĐ-CP.",
]
STEPS = [
    "Mỗi phòng, đơn vị tổ chức họp bình xét với toàn thể cán bộ, công chức, viên chức, người lao động; cuộc họp "
    "có biên bản ghi thời gian, địa điểm, chủ trì, thư ký, tổng số người của đơn vị, số người dự họp và số phiếu "
    "đồng ý, không đồng ý của từng người đối với từng danh hiệu, hình thức đề nghị.",
    "Căn cứ kết quả bình xét, thủ trưởng phòng, đơn vị lập tờ trình, danh sách đề nghị và báo cáo thành tích của "
    "từng tập thể, cá nhân.",
    "Văn phòng Sở tiếp nhận, kiểm tra hồ sơ, thông báo công khai danh sách đề nghị và trình Hội đồng Thi đua - "
    "Khen thưởng Sở xét trước khi trình Giám đốc Sở quyết định hoặc trình cấp trên khen thưởng.",
]
DEADLINE = "Các phòng, đơn vị gửi hồ sơ đề nghị về Văn phòng Sở trước ngày {deadline:%d/%m/%Y}."
CLOSING = "Trong quá trình thực hiện, nếu có vướng mắc, các phòng, đơn vị phản ánh về Văn phòng Sở để được hướng dẫn."
RECIPIENTS = ["Các phòng, đơn vị thuộc Sở", "Lưu: VT, VP"]
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

    def render(self) -> bytes:
        plan, year = self.plan, self.year
        doc = OfficialDocument.of_department(
            plan,
            number_symbol=number_to_fill(SYMBOL, plan.issuer),
            date_parts=(None, None, min(timezone.localdate().year, self.deadline.year)),
            doc_type=DOC_TYPE,
            summary=SUMMARY.format(year=year),
        )
        doc.paragraph(
            OPENING.format(law=LAW, decree=DECREE_98, plan=plan_citation(plan), agency=plan.issuer.name, year=year)
        )
        doc.heading("I. MỤC ĐÍCH, YÊU CẦU", 1)
        for text in PURPOSE:
            doc.paragraph(text.format(year=year))
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
        for number, text in enumerate(STEPS, start=1):
            doc.paragraph(f"{number}. {text}")
        doc.paragraph(f"{len(STEPS) + 1}. {self._dossier()}")
        doc.heading("IV. THỜI GIAN", 1)
        doc.paragraph(DEADLINE.format(deadline=self.deadline))
        doc.paragraph(CLOSING + CLOSING_MARK)
        doc.signed_by(plan, RECIPIENTS)
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
