"""The mid-term or final review report (Báo cáo sơ kết / tổng kết) as a Word document in
the layout of Nghị định 30/2020: the indicators from baseline to mid-term to final,
results per content area and initiatives as frozen at the review date, and the
movement-based proposals attached to the review. Built from the frozen figures only,
so the file is the same however often it is downloaded; the office completes the
assessment and the tasks ahead in Word."""

from thidua.core.text import fold
from thidua.documents.nd30 import OfficialDocument, Span
from thidua.indicators.numbers import format_number
from thidua.outgoing.models import DocumentType
from thidua.outgoing.numbering import agency_symbol

CLOSING_MARK = "/."
NOT_FROZEN = "chưa chốt"
TO_COMPLETE = "(Văn phòng Sở bổ sung nhận định, đánh giá trước khi trình ký.)"


def filename(review) -> str:
    """'bao-cao-so-ket-2027.docx'."""
    return f"bao-cao-{'-'.join(fold(str(review)).split())}.docx"


def _number(value) -> str:
    return NOT_FROZEN if value is None else format_number(value)


def _direction(line) -> str:
    return "Càng thấp càng tốt" if line.lower_is_better else "Càng cao càng tốt"


def _assessment(step) -> str:
    if step.better is None:
        return "—"
    return "Tiến bộ" if step.better else "Chưa đạt chiều mong muốn"


class ReviewReportDocx:
    """`ReviewReportDocx(review, comparison, proposals).render()` returns the .docx bytes."""

    def __init__(self, review, comparison, proposals) -> None:
        self.review, self.plan, self.phase = review, review.plan, review.phase
        self.comparison, self.proposals = comparison, proposals
        self.mid_term = review.kind == "mid_term"

    def render(self) -> bytes:
        plan = self.plan
        self.doc = OfficialDocument(
            agency_parent=plan.issuer_parent_name,
            agency=plan.issuer_name,
            number_symbol=f"{' ' * 3}/{DocumentType.BC}-{agency_symbol(plan.issuer)}",
            place=plan.place,
            date_parts=(None, None, self.review.year),
            doc_type=DocumentType.BC.label,
            summary=self._summary(),
        )
        self.doc.paragraph(self._opening())
        for write in (self._indicators, self._results, self._proposals, self._ahead):
            write()
        recipients = [r.text for r in plan.recipients.all()] or ["Lưu: VT, VP"]
        self.doc.signature(plan.signer_authority, plan.signer_title, plan.signer_name, recipients)
        return self.doc.to_bytes()

    def _summary(self) -> str:
        kind = "Sơ kết" if self.mid_term else "Tổng kết"
        return (
            f"{kind} {self.phase.name.lower()} ({self.phase.start_year}–{self.phase.end_year})\n"
            f"thực hiện {self.plan.citation}"
        )

    def _opening(self) -> str:
        plan, day = self.plan, self.review.review_date.strftime("%d/%m/%Y")
        return (
            f"Thực hiện {plan.citation} của {plan.issuer_name.title()} về "
            f"{plan.title.strip()}, {plan.issuer_name.title()} báo cáo kết quả "
            f"{'sơ kết' if self.mid_term else 'tổng kết'} như sau (số liệu chốt ngày {day}):"
        )

    def _indicators(self) -> None:
        self.doc.heading("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", 1)
        rows = []
        for number, line in enumerate(self.comparison.indicators, 1):
            step = line.mid_term if self.mid_term else line.final
            baseline = _number(line.baseline)
            if line.indicator.baseline_year:
                baseline = f"{baseline} ({line.indicator.baseline_year})"
            rows.append(
                [
                    number,
                    line.indicator.name,
                    line.indicator.unit_of_measure,
                    baseline,
                    _number(line.mid_term.value),
                    _number(line.final.value),
                    _direction(line),
                    _assessment(step),
                ]
            )
        self._table(
            rows, ["STT", "Chỉ tiêu", "Đơn vị tính", "Giá trị gốc", "Sơ kết", "Tổng kết", "Chiều tốt hơn", "Đánh giá"]
        )

    def _results(self) -> None:
        self.doc.heading("II. KẾT QUẢ THEO NỘI DUNG THI ĐUA VÀ SÁNG KIẾN", 1)
        counts = self.comparison
        self._table(
            [[line.label, _number(line.mid_term), _number(line.final)] for line in counts.results],
            ["Nội dung thi đua", "Số kết quả khi sơ kết", "Số kết quả khi tổng kết"],
        )
        initiatives = counts.initiatives.mid_term if self.mid_term else counts.initiatives.final
        self.doc.paragraph(
            [
                Span("Sáng kiến, giải pháp được công nhận: ", bold=True),
                Span(f"{_number(initiatives)} sáng kiến tính đến ngày chốt số liệu."),
            ]
        )

    def _proposals(self) -> None:
        self.doc.heading("III. ĐỀ NGHỊ KHEN THƯỞNG THEO CHUYÊN ĐỀ", 1)
        rows = [
            [n, str(p.subject), p.get_award_code_display(), p.get_state_display()]
            for n, p in enumerate(self.proposals, 1)
        ]
        self._table(rows, ["STT", "Tập thể, cá nhân", "Hình thức, danh hiệu đề nghị", "Tình trạng"])

    def _ahead(self) -> None:
        self.doc.heading("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", 1)
        self.doc.paragraph(f"{TO_COMPLETE}{CLOSING_MARK}")

    def _table(self, rows, header) -> None:
        if rows:
            self.doc.table(rows, header=header)
        else:
            self.doc.paragraph("Không có.", italic=True)
