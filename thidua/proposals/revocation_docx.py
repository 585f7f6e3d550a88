"""The director's decision revoking awards of an earlier decision (Quyết định về việc hủy
bỏ …, Luật Thi đua, khen thưởng 2022 Điều 93) as a Word document in the layout of Nghị
định 30/2020: the Căn cứ lines (the issuer's functions, the Law and its decree, the
article on revocation — the office's texts, `proposals.wording.REVOCATION` — and the
revoked decision), Điều 1 (what is revoked: the whole decision or the listed awards, and
why), Điều 2 (the insignia and money to be returned), Điều 3 (effect and who carries it
out), the signer and Nơi nhận. Built from the stored decision alone."""

from thidua.documents.nd30 import OfficialDocument, Span
from thidua.plans.models import Plan
from thidua.proposals.decision_docx import CLOSING_MARK
from thidua.proposals.wording import REVOCATION
from thidua.wording.models import BasisKind, cited_bases


class RevocationDocx:
    """`RevocationDocx(decision).render()` returns the .docx bytes of a revoking decision."""

    def __init__(self, decision) -> None:
        self.decision = decision
        self.revoked = decision.revokes
        self.plan = Plan.objects.current()
        self.proposals = list(
            decision.revoked_proposals.order_by("category", "award_code", "subject_unit__order", "id")
        )
        self.whole = not self.revoked.proposals.exclude(revoked_by=decision).exists()
        self.texts = REVOCATION.in_force()

    def render(self) -> bytes:
        d = self.decision
        self.doc = OfficialDocument.of_department(
            self.plan, number_symbol=d.number_symbol, date_parts=d.date, doc_type="Quyết định", summary=d.summary
        )
        self.doc.decision_opening(self.plan.issuer_name, self._bases())
        self._article_1()
        self.doc.paragraph([Span("Điều 2. ", bold=True), Span(self.texts.get("thu_hoi"))])
        text = " ".join(self.texts.get(key).rstrip("/.").strip() + "." for key in ("hieu_luc", "dieu_3"))
        self.doc.paragraph([Span("Điều 3. ", bold=True), Span(text + CLOSING_MARK)])
        self.doc.signature(d.signer_authority, d.signer_title, d.signer_name, self.texts.lines("noi_nhan"))
        return self.doc.to_bytes()

    def _cited(self) -> str:
        r = self.revoked
        return f"Quyết định số {r.number_symbol} ngày {r.date:%d/%m/%Y} của {r.issuer}"

    def _bases(self) -> list[str]:
        lines = cited_bases(BasisKind.FUNCTIONS) + self.texts.lines("can_cu") + self.texts.lines("can_cu_huy_bo")
        lines.append(f"Căn cứ {self._cited()} {_about(self.revoked.summary)};")
        lines.append(self.texts.get("de_nghi"))
        return lines

    def _article_1(self) -> None:
        reason = self.decision.reason.strip().rstrip(".")
        if self.whole:
            self.doc.paragraph([Span("Điều 1. ", bold=True), Span(f"Hủy bỏ {self._cited()}. Lý do: {reason}.")])
            return
        self.doc.paragraph(
            [
                Span("Điều 1. ", bold=True),
                Span(
                    f"Hủy bỏ khen thưởng đối với {len(self.proposals):02d} trường hợp có tên dưới đây tại "
                    f"{self._cited()}. Lý do: {reason}."
                ),
            ]
        )
        self.doc.table(
            [
                [str(i), p.decided_name, p.decided_position, p.decided_unit, p.get_award_code_display()]
                for i, p in enumerate(self.proposals, start=1)
            ],
            header=["STT", "Họ và tên / Tập thể", "Chức vụ", "Đơn vị", "Danh hiệu, hình thức"],
        )


def _about(summary: str) -> str:
    """'về việc khen thưởng …' from the revoked decision's trích yếu 'Về việc khen thưởng …'."""
    summary = summary.strip()
    return summary[:1].lower() + summary[1:] if summary else ""
