"""The director's reward decision (Quyết định khen thưởng) as a Word document in the
layout of Nghị định 30/2020: the authority, the Căn cứ lines, then Điều 1 (who is
rewarded with what: name, position, unit, award — titles and forms in separate lists),
Điều 2 (the cash amounts, R16, as `money.of_decision` reads them: the base salary with
its text, each line's multiple and article, one payment per achievement, the rounding),
Điều 3 (the effect clause and who carries it out), the signer and Nơi nhận. The fixed
texts are the office's (`proposals.wording.DECISION`), the issuer's functions decision
and the province's regulation the office's legal bases (`wording.models.LegalBasis`).

Built from the stored decision alone (names, positions and amounts were fixed when it
was issued), so the file is the same however often it is downloaded."""

import re

from thidua.commendation.enums import AwardCategory
from thidua.core.text import fold
from thidua.documents.legal_bases import lower_first
from thidua.documents.nd30 import OfficialDocument, Span
from thidua.plans.citation import plan_citation
from thidua.plans.models import Plan
from thidua.proposals import money
from thidua.proposals.money import multiple_text, vnd
from thidua.proposals.wording import DECISION
from thidua.wording.models import BasisKind, cited_bases

CLOSING_MARK = "/."


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
        self.doc = OfficialDocument.of_department(
            plan,
            number_symbol=d.number_symbol,
            date_parts=d.date,
            doc_type="Quyết định",
            summary=d.summary,
        )
        self.doc.decision_opening(plan.issuer_name, self._bases())
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
            lines.append(f"Căn cứ {lower_first(minutes)};")
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
        amounts = money.of_decision(self.decision, self.proposals)
        if not amounts.groups:
            self._no_cash_only(amounts)
            return
        salary = amounts.salary
        basis = f" theo {salary.citation}" if salary is not None and salary.citation else ""
        self.doc.paragraph(
            [
                Span("Điều 2. ", bold=True),
                Span(
                    "Kèm theo danh hiệu, hình thức khen thưởng là tiền thưởng tính bằng hệ số nhân với mức lương cơ "
                    f"sở {vnd(amounts.salary_amount)} đồng{basis}, như sau:"
                ),
            ]
        )
        rows = [
            [g.name, g.basis, multiple_text(g.multiple), f"{g.count:02d}", vnd(g.each), vnd(g.subtotal)]
            for g in amounts.groups
        ]
        rows.append(["Tổng cộng", "", "", f"{amounts.paid_count:02d}", "", vnd(amounts.total)])
        self.doc.table(
            rows,
            header=["Danh hiệu, hình thức", "Căn cứ", "Hệ số", "Số lượng", "Mức thưởng (đồng)", "Thành tiền (đồng)"],
        )
        total = f"Tổng số tiền thưởng: {vnd(amounts.total)} đồng"
        self.doc.paragraph(f"{total} ({amounts.rounding_text})." if amounts.rounding_text else f"{total}.")
        for line in self._payment_lines(amounts):
            self.doc.paragraph(line)
        self.doc.paragraph("Kinh phí khen thưởng chi từ Quỹ thi đua, khen thưởng của Sở theo quy định.")

    def _payment_lines(self, amounts) -> list[str]:
        """One achievement, one payment; the awards given without money."""
        lines = []
        if amounts.superseded:
            names = "; ".join(
                f"{s.name} nhận tiền thưởng {s.paid_under}, không nhận tiền thưởng {s.award}"
                for s in amounts.superseded
            )
            lines.append(
                "Tập thể, cá nhân được tặng nhiều danh hiệu, hình thức khen thưởng cho cùng một thành tích chỉ "
                f"nhận mức tiền thưởng cao nhất: {names}."
            )
        lines += [f"{award} được tặng không kèm tiền thưởng." for award, _ in amounts.no_cash]
        return lines

    def _no_cash_only(self, amounts) -> None:
        awards = ", ".join(award for award, _ in amounts.no_cash) or "danh hiệu, hình thức khen thưởng tại Điều 1"
        self.doc.paragraph(
            [Span("Điều 2. ", bold=True), Span(f"{_upper_first(awards)} được tặng không kèm tiền thưởng.")]
        )


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]
