"""The director's reward decision (Quyết định khen thưởng) as a Word document in the
layout of Nghị định 30/2020: the authority, the Căn cứ lines, then Điều 1 (who is
rewarded with what: name, position, unit, award — titles and forms in separate lists),
Điều 2 (the cash amounts, R16), Điều 3 (the effect clause and who carries it out), the
signer and Nơi nhận. The fixed texts are the office's (`proposals.wording.DECISION`), the
issuer's functions decision and the province's regulation the office's legal bases
(`wording.models.LegalBasis`).

Built from the stored decision alone (names, positions and amounts were fixed when it
was issued), so the file is the same however often it is downloaded."""

import re
from collections import OrderedDict
from decimal import Decimal

from thidua.commendation.enums import AwardCategory
from thidua.core.text import fold
from thidua.documents.nd30 import OfficialDocument, Span
from thidua.plans.citation import plan_citation
from thidua.plans.models import Plan
from thidua.proposals.wording import DECISION
from thidua.wording.models import BasisKind, cited_bases

CLOSING_MARK = "/."


def vnd(amount) -> str:
    return "—" if amount is None else f"{Decimal(amount):,.0f}".replace(",", ".")


def filename(decision) -> str:
    """'quyet-dinh-05-qd-stp.docx'."""
    return f"quyet-dinh-{re.sub(r'[^a-z0-9]+', '-', fold(decision.number_symbol)).strip('-')}.docx"


class DecisionDocx:
    """`DecisionDocx(decision).render()` returns the .docx bytes."""

    def __init__(self, decision) -> None:
        self.decision = decision
        self.plan = Plan.objects.current()
        self.proposals = list(decision.proposals.order_by("category", "award_code", "subject_unit__order", "id"))
        self.texts = DECISION.in_force()

    def render(self) -> bytes:
        d, plan = self.decision, self.plan
        self.doc = OfficialDocument(
            agency_parent=plan.issuer_parent_name,
            agency=plan.issuer_name,
            number_symbol=d.number_symbol,
            place=plan.place,
            date_parts=d.date,
            doc_type="Quyết định",
            summary=d.summary,
        )
        self.doc.heading(f"GIÁM ĐỐC {plan.issuer_name.upper()}", 1, center=True)
        for line in self._bases():
            self.doc.paragraph(line, italic=True)
        self.doc.heading("QUYẾT ĐỊNH:", 1, center=True)
        self._article_1()
        self._article_2()
        self._article_3()
        self.doc.signature(d.signer_authority, d.signer_title, d.signer_name, self.texts.lines("noi_nhan"))
        return self.doc.to_bytes()

    def _bases(self) -> list[str]:
        """The issuer's authority first, then the law and decree, the province's
        regulation, the plan, the council's minutes and whose proposal."""
        plan = self.plan
        lines = cited_bases(BasisKind.FUNCTIONS) + self.texts.lines("can_cu") + cited_bases(BasisKind.PROVINCE)
        lines.append(f"Căn cứ {plan_citation(plan)};")
        for minutes in filter(None, (m.strip() for m in self.decision.minutes.split(";"))):
            lines.append(f"Căn cứ {_lower_first(minutes)};")
        lines.append(self.texts.get("de_nghi"))
        return lines

    def _article_3(self) -> None:
        """The last article: the effect clause, then who carries the decision out."""
        text = " ".join(self.texts.get(key).rstrip("/.").strip() + "." for key in ("hieu_luc", "dieu_3"))
        self.doc.paragraph([Span("Điều 3. ", bold=True), Span(text + CLOSING_MARK)])

    def _article_1(self) -> None:
        self.doc.paragraph(
            [
                Span("Điều 1. ", bold=True),
                Span(self.texts.get("dieu_1", nam=self.decision.year)),
            ]
        )
        groups = [("Danh hiệu thi đua", AwardCategory.TITLE), ("Hình thức khen thưởng", AwardCategory.FORM)]
        for letter, (heading, category) in zip("ab", groups, strict=True):
            rows = [p for p in self.proposals if p.category == category]
            if rows:
                self.doc.paragraph(f"{letter}) {heading}: {len(rows):02d} trường hợp.")
                self.doc.table(
                    [
                        [str(i), p.decided_name, p.decided_position, p.decided_unit, p.get_award_code_display()]
                        for i, p in enumerate(rows, start=1)
                    ],
                    header=["STT", "Họ và tên / Tập thể", "Chức vụ", "Đơn vị", "Danh hiệu, hình thức"],
                )

    def _article_2(self) -> None:
        salary = self.decision.base_salary
        self.doc.paragraph(
            [
                Span("Điều 2. ", bold=True),
                Span(
                    "Kèm theo danh hiệu, hình thức khen thưởng là tiền thưởng theo Điều 54 Nghị "
                    "định số 98/2023/NĐ-CP, "
                    f"tính bằng hệ số nhân với mức lương cơ sở {vnd(salary)} đồng:"
                ),
            ]
        )
        groups: OrderedDict[str, list] = OrderedDict()
        for proposal in self.proposals:
            groups.setdefault(proposal.get_award_code_display(), []).append(proposal)
        rows, total = [], Decimal(0)
        for name, items in groups.items():
            each = items[0].cash_amount
            subtotal = sum((p.cash_amount or Decimal(0) for p in items), Decimal(0))
            total += subtotal
            rows.append([name, f"{len(items):02d}", vnd(each), vnd(subtotal) if each is not None else "—"])
        rows.append(["Tổng cộng", f"{len(self.proposals):02d}", "", vnd(total)])
        self.doc.table(rows, header=["Danh hiệu, hình thức", "Số lượng", "Mức thưởng (đồng)", "Thành tiền (đồng)"])
        self.doc.paragraph(
            "Kinh phí khen thưởng chi từ Quỹ thi đua, khen thưởng của Sở theo quy định. Danh hiệu, "
            "hình thức chưa có hệ số tiền thưởng trong danh mục được ghi «—»."
        )


def _lower_first(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].lower() + text[1:] if text else text
