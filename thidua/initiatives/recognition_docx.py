"""The director's decision recognising initiatives (Quyết định công nhận sáng kiến) and
each initiative's certificate (Giấy chứng nhận sáng kiến), in the layout of Nghị định
30/2020, from the initiatives recorded as recognised: one decision lists every
initiative recorded with its number and date, with authors and their shares. Only a
decision of the department itself (its number ends in the department's symbol) is
made here; one of the province is recorded, not written."""

import re

from thidua.core.codes import State
from thidua.core.text import fold
from thidua.documents.legal_bases import basis
from thidua.documents.nd30 import OfficialDocument, Span, number_to_fill
from thidua.initiatives.models import Initiative
from thidua.initiatives.wording import CERTIFICATE, RECOGNITION
from thidua.plans.citation import plan_citation
from thidua.plans.models import Plan
from thidua.wording.models import BasisKind, cited_bases

TABLE_HEADER = ["STT", "Tên sáng kiến", "Tác giả (tỷ lệ đóng góp)", "Đơn vị", "Phạm vi ảnh hưởng"]
CERTIFICATE_TYPE = "Giấy chứng nhận"
CERTIFICATE_SYMBOL = "GCN"
CLOSING_MARK = "/."
# The scope the department's own decision recognises: a wider one is the province's or
# the ministry's decision (`models.HigherRecognition`), recorded, never printed here.
DEPARTMENT_SCOPE = "Cơ sở"


def _closed(text: str) -> str:
    """The last paragraph, ending with the document's closing mark."""
    return text.rstrip("/.").strip() + "." + CLOSING_MARK


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
        self.texts = RECOGNITION.in_force()

    def render(self) -> bytes:
        plan, first, texts = self.plan, self.initiative, self.texts
        year = first.decision_date.year
        doc = OfficialDocument.of_department(
            plan,
            number_symbol=first.decision_number,
            date_parts=first.decision_date,
            doc_type="Quyết định",
            summary=texts.get("trich_yeu", nam=year),
        )
        doc.decision_opening(plan.issuer_name, self._bases())
        count = f"{len(self.initiatives):02d}"
        doc.paragraph(
            [
                Span("Điều 1. ", bold=True),
                Span(texts.get("dieu_1", so_sang_kien=count, nam=year, ten_so=plan.issuer.name)),
            ]
        )
        doc.table(
            [
                [str(i), x.title, _authors(x), x.unit.name, DEPARTMENT_SCOPE]
                for i, x in enumerate(self.initiatives, start=1)
            ],
            header=TABLE_HEADER,
        )
        doc.articles(texts.get("dieu_2"), texts.get("hieu_luc"), _closed(texts.get("dieu_4")), first=2)
        doc.signed_by(plan, texts.lines("noi_nhan"))
        return doc.to_bytes()

    def _bases(self) -> list[str]:
        """The issuer's functions, the law and the texts on initiatives, the province's
        regulation, the plan, whose proposal."""
        lines = cited_bases(BasisKind.FUNCTIONS) + self.texts.lines("can_cu") + cited_bases(BasisKind.PROVINCE)
        return [*lines, basis(plan_citation(self.plan)), self.texts.get("de_nghi")]


class InitiativeCertificateDocx:
    """`InitiativeCertificateDocx(initiative).render()`: its Giấy chứng nhận sáng kiến."""

    def __init__(self, initiative) -> None:
        self.initiative = initiative
        self.plan = Plan.objects.current()
        self.texts = CERTIFICATE.in_force()

    def render(self) -> bytes:
        plan, x, texts = self.plan, self.initiative, self.texts
        doc = OfficialDocument.of_department(
            plan,
            number_symbol=number_to_fill(CERTIFICATE_SYMBOL, plan.issuer),
            date_parts=x.decision_date,
            doc_type=CERTIFICATE_TYPE,
            summary=texts.get("trich_yeu"),
        )
        doc.paragraph(texts.get("chung_nhan", ten_so=plan.issuer.name))
        doc.paragraph([Span("Tên sáng kiến: ", bold=True), Span(x.title)])
        doc.paragraph([Span("Tác giả: ", bold=True), Span(_authors(x))])
        doc.paragraph([Span("Đơn vị: ", bold=True), Span(x.unit.name)])
        doc.paragraph([Span("Phạm vi ảnh hưởng: ", bold=True), Span(DEPARTMENT_SCOPE)])
        if x.applied_where:
            doc.paragraph([Span("Nơi áp dụng: ", bold=True), Span(x.applied_where)])
        recognised = texts.get(
            "cong_nhan", so=x.decision_number, ngay=f"{x.decision_date:%d/%m/%Y}", ten_so=plan.issuer.name
        )
        doc.paragraph(_closed(recognised))
        doc.signed_by(plan, texts.lines("noi_nhan"))
        return doc.to_bytes()
