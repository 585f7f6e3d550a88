"""The director's decision recognising initiatives (Quyết định công nhận sáng kiến) and
each initiative's certificate (Giấy chứng nhận sáng kiến), in the layout of Nghị định
30/2020, from the initiatives recorded as recognised: one decision lists every
initiative recorded with its number and date, with authors and their shares. Only a
decision of the department itself (its number ends in the department's symbol) is
made here; one of the province is recorded, not written."""

import re

from thidua.core.codes import State
from thidua.core.text import fold
from thidua.documents.legal_bases import LAW, basis
from thidua.documents.nd30 import OfficialDocument, Span, number_to_fill
from thidua.initiatives.models import Initiative
from thidua.plans.citation import plan_citation
from thidua.plans.models import Plan

# --- fixed texts ------------------------------------------------------------------------
DECREE_13 = "Nghị định số 13/2012/NĐ-CP ngày 02 tháng 3 năm 2012 của Chính phủ ban hành Điều lệ Sáng kiến"
CIRCULAR_18 = (
    "Thông tư số 18/2013/TT-BKHCN ngày 01 tháng 8 năm 2013 của Bộ trưởng Bộ Khoa học và Công nghệ hướng dẫn thi "
    "hành một số quy định của Điều lệ Sáng kiến"
)
BASES = [LAW, DECREE_13, CIRCULAR_18]
PROPOSED_BY = "Theo đề nghị của Chánh Văn phòng Sở."
DECISION_SUMMARY = "Về việc công nhận sáng kiến năm {year}"
ARTICLE_1 = "Công nhận {count} sáng kiến năm {year} của các tập thể, cá nhân thuộc {agency}, gồm:"
ARTICLE_2 = (
    "Tác giả sáng kiến được hưởng các quyền lợi theo quy định của pháp luật về sáng kiến và thi đua, khen thưởng; "
    "sáng kiến được đưa vào thư viện sáng kiến của Sở để các phòng, đơn vị nghiên cứu, áp dụng."
)
ARTICLE_3 = "Quyết định này có hiệu lực kể từ ngày ký."
ARTICLE_4 = (
    "Chánh Văn phòng Sở, Trưởng các phòng, đơn vị thuộc Sở và các tác giả có tên tại Điều 1 chịu trách nhiệm thi "
    "hành Quyết định này."
)
DECISION_RECIPIENTS = ["Như Điều 4", "Lưu: VT, VP"]
TABLE_HEADER = ["STT", "Tên sáng kiến", "Tác giả (tỷ lệ đóng góp)", "Đơn vị", "Phạm vi ảnh hưởng"]
CERTIFICATE_TYPE = "Giấy chứng nhận"
CERTIFICATE_SYMBOL = "GCN"
CERTIFICATE_SUMMARY = "Sáng kiến"
CERTIFIES = "Giám đốc {agency} chứng nhận:"
RECOGNISED_BY = "Đã được công nhận là sáng kiến theo Quyết định số {number} ngày {date:%d/%m/%Y} của Giám đốc {agency}."
CERTIFICATE_RECIPIENTS = ["Tác giả sáng kiến", "Lưu: VT, VP"]
CLOSING_MARK = "/."


def _symbol(plan) -> str:
    return (plan.issuer.short_name or plan.issuer.code).upper()


def issued_here(initiative, plan) -> bool:
    """A recognised initiative whose decision is the department's own ('…/QĐ-STP')."""
    number = initiative.decision_number.strip()
    return (
        initiative.state == State.RECOGNISED
        and initiative.decision_date is not None
        and number.upper().endswith(f"-{_symbol(plan)}")
    )


def _authors(initiative) -> str:
    return "; ".join(f"{a.person.full_name} ({a.share}%)" for a in initiative.authors.all())


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def decision_filename(initiative) -> str:
    return f"quyet-dinh-cong-nhan-sang-kien-{_slug(initiative.decision_number)}.docx"


def certificate_filename(initiative) -> str:
    return f"giay-chung-nhan-sang-kien-{initiative.pk}.docx"


class RecognitionDecisionDocx:
    """`RecognitionDecisionDocx(initiative).render()`: the decision that recognised it,
    with every initiative recorded under the same number and date."""

    def __init__(self, initiative) -> None:
        self.initiative = initiative
        self.plan = Plan.objects.current()
        self.initiatives = list(
            Initiative.objects.filter(
                state=State.RECOGNISED,
                decision_number=initiative.decision_number,
                decision_date=initiative.decision_date,
            )
            .select_related("unit")
            .prefetch_related("authors__person")
            .order_by("unit__order", "title", "id")
        )

    def render(self) -> bytes:
        plan, first = self.plan, self.initiative
        year = first.decision_date.year
        doc = OfficialDocument.of_department(
            plan,
            number_symbol=first.decision_number,
            date_parts=first.decision_date,
            doc_type="Quyết định",
            summary=DECISION_SUMMARY.format(year=year),
        )
        doc.decision_opening(plan.issuer_name, [*(basis(t) for t in [*BASES, plan_citation(plan)]), PROPOSED_BY])
        count = f"{len(self.initiatives):02d}"
        doc.paragraph(
            [
                Span("Điều 1. ", bold=True),
                Span(ARTICLE_1.format(count=count, year=year, agency=plan.issuer.name)),
            ]
        )
        doc.table(
            [
                [str(i), x.title, _authors(x), x.unit.name, x.get_scope_display()]
                for i, x in enumerate(self.initiatives, start=1)
            ],
            header=TABLE_HEADER,
        )
        doc.articles(ARTICLE_2, ARTICLE_3, ARTICLE_4 + CLOSING_MARK, first=2)
        doc.signed_by(plan, DECISION_RECIPIENTS)
        return doc.to_bytes()


class InitiativeCertificateDocx:
    """`InitiativeCertificateDocx(initiative).render()`: its Giấy chứng nhận sáng kiến."""

    def __init__(self, initiative) -> None:
        self.initiative = initiative
        self.plan = Plan.objects.current()

    def render(self) -> bytes:
        plan, x = self.plan, self.initiative
        doc = OfficialDocument.of_department(
            plan,
            number_symbol=number_to_fill(CERTIFICATE_SYMBOL, plan.issuer),
            date_parts=x.decision_date,
            doc_type=CERTIFICATE_TYPE,
            summary=CERTIFICATE_SUMMARY,
        )
        doc.paragraph(CERTIFIES.format(agency=plan.issuer.name))
        doc.paragraph([Span("Tên sáng kiến: ", bold=True), Span(x.title)])
        doc.paragraph([Span("Tác giả: ", bold=True), Span(_authors(x))])
        doc.paragraph([Span("Đơn vị: ", bold=True), Span(x.unit.name)])
        doc.paragraph([Span("Phạm vi ảnh hưởng: ", bold=True), Span(x.get_scope_display())])
        if x.applied_where:
            doc.paragraph([Span("Nơi áp dụng: ", bold=True), Span(x.applied_where)])
        doc.paragraph(
            RECOGNISED_BY.format(number=x.decision_number, date=x.decision_date, agency=plan.issuer.name) + CLOSING_MARK
        )
        doc.signed_by(plan, CERTIFICATE_RECIPIENTS)
        return doc.to_bytes()
