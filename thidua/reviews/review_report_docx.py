"""The mid-term or final review report (Báo cáo sơ kết / tổng kết) as a Word document in
the layout of Nghị định 30/2020: Kính gửi, the results (the office's words, the
indicators from baseline to the review and against the year's target, results per
content area, initiatives recognised and replicated, the ranking, the awards by level,
the self-inspection and the difficulties as frozen at the review date, the
movement-based proposals), strengths and shortcomings with their causes, lessons, the
tasks ahead, then the signature with the review's own Nơi nhận. The figures are the
frozen ones, so the file changes only when the office edits its words; a part the
office left empty is not printed, and a section the review was frozen without reads
"Chưa có số liệu"."""

from thidua.core.numerals import vn_number
from thidua.core.text import fold
from thidua.documents.nd30 import OfficialDocument, Span
from thidua.indicators import sources
from thidua.outgoing.models import DocumentType
from thidua.outgoing.numbering import agency_symbol
from thidua.plans.citation import agency_name, plan_citation, plan_number
from thidua.reviews import report_texts, sections
from thidua.reviews.wording import REVIEW_REPORT

CLOSING_MARK = "/."
ROMAN = ("I", "II", "III", "IV", "V", "VI")
NOTHING = "Không có."
NO_FIGURE = "Chưa có số liệu"


def filename(review) -> str:
    """'bao-cao-so-ket-2027.docx'."""
    return f"bao-cao-{'-'.join(fold(str(review)).split())}.docx"


def _number(value) -> str:
    """A frozen figure, or what stands for it when that review has no figures yet."""
    return NO_FIGURE if value is None else vn_number(value)


def _figure(step) -> str:
    """A frozen figure with the quarter it is of: "94 (quý 2/2027)"."""
    if step.value is None or step.period is None:
        return _number(step.value)
    return f"{_number(step.value)} (quý {step.period[1]}/{step.period[0]})"


def _target(value, indicator) -> str:
    """The target with where it comes from, as the consolidated report prints it."""
    return f"{vn_number(value)} ({sources.document_text(indicator)})"


def _direction(line) -> str:
    return "Càng thấp càng tốt" if line.lower_is_better else "Càng cao càng tốt"


class ReviewReportDocx:
    """`ReviewReportDocx(review, comparison, proposals).render()` returns the .docx bytes."""

    def __init__(self, review, comparison, proposals) -> None:
        self.review, self.plan, self.phase = review, review.plan, review.phase
        self.comparison, self.proposals = comparison, proposals
        self.mid_term = review.kind == "mid_term"
        self.kind = "sơ kết" if self.mid_term else "tổng kết"
        self.texts = REVIEW_REPORT.in_force()

    def render(self) -> bytes:
        plan = self.plan
        self.doc = OfficialDocument.of_department(
            plan,
            number_symbol=f"{' ' * 3}/{DocumentType.BC}-{agency_symbol(plan.issuer)}",
            date_parts=(None, None, self.review.year),
            doc_type=DocumentType.BC.label,
            summary=self._summary(),
        )
        self.doc.addressees(report_texts.addressees(self.review))
        self.doc.paragraph(self._opening())
        self.sections = iter(ROMAN)
        self._results()
        self._assessment()
        self._part("BÀI HỌC KINH NGHIỆM", self.review.lessons)
        self._part("PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", self.review.tasks_ahead)
        self.doc.paragraph(self._closing())
        self.doc.signed_by(plan, report_texts.recipients(self.review))
        return self.doc.to_bytes()

    def _summary(self) -> str:
        kind = "Sơ kết" if self.mid_term else "Tổng kết"
        cited = f"Kế hoạch số {plan_number(self.plan)}" if plan_number(self.plan) else "Kế hoạch"
        return (
            f"{kind} {self.phase.name.lower()} ({self.phase.start_year}–{self.phase.end_year})\n"
            f"thực hiện {cited} {_of_the_movement(self.plan)}"
        ).strip()

    def _opening(self) -> str:
        day = self.review.review_date.strftime("%d/%m/%Y")
        return self.texts.get(
            "mo_dau",
            co_quan=agency_name(self.plan),
            so_ket_tong_ket=self.kind,
            ke_hoach=plan_citation(self.plan),
            ngay_chot=day,
        )

    def _closing(self) -> str:
        text = self.texts.get(
            "ket", so_ket_tong_ket=self.kind, giai_doan=self.phase.name.lower(), co_quan=agency_name(self.plan)
        )
        return text.rstrip("/.").strip() + "." + CLOSING_MARK

    # --- sections -------------------------------------------------------------------------
    def _heading(self, title: str) -> None:
        self.doc.heading(f"{next(self.sections)}. {title}", 1)

    def _results(self) -> None:
        self._heading("KẾT QUẢ ĐẠT ĐƯỢC")
        self._texts(self.review.achievements)
        self.doc.heading("1. Kết quả thực hiện các chỉ tiêu", 2)
        self._indicators()
        self.doc.heading("2. Kết quả theo nội dung thi đua và sáng kiến", 2)
        self._counts()
        self._initiatives()
        self.doc.heading("3. Kết quả đánh giá, xếp hạng thi đua", 2)
        self._ranking()
        self.doc.heading("4. Khen thưởng", 2)
        self._awards()
        self.doc.heading("5. Tự kiểm tra việc thực hiện Phong trào thi đua", 2)
        self._inspections()
        self.doc.heading("6. Khó khăn, vướng mắc và việc giải quyết", 2)
        self._difficulties()
        self.doc.heading("7. Đề nghị khen thưởng theo chuyên đề", 2)
        self._proposals()

    def _assessment(self) -> None:
        parts = [
            (t, text)
            for t, text in (
                ("Ưu điểm", self.review.strengths),
                ("Hạn chế, nguyên nhân", self.review.shortcomings),
            )
        ]
        parts = [(t, text) for t, text in parts if report_texts.lines(text)]
        if not parts:
            return
        self._heading("ƯU ĐIỂM, HẠN CHẾ")
        for number, (title, text) in enumerate(parts, 1):
            self.doc.heading(f"{number}. {title}", 2)
            self._texts(text)

    def _part(self, title: str, text: str) -> None:
        if report_texts.lines(text):
            self._heading(title)
            self._texts(text)

    # --- tables ---------------------------------------------------------------------------
    def _indicators(self) -> None:
        rows = []
        for number, line in enumerate(self.comparison.indicators, 1):
            step = line.mid_term if self.mid_term else line.final
            baseline = _number(line.baseline)
            if line.baseline is not None and line.indicator.baseline_year:
                baseline = f"{baseline} ({line.indicator.baseline_year})"
            values = [_figure(line.mid_term)]
            if not self.mid_term:
                values.append(_figure(line.final))
            target = "Chưa giao" if step.target is None else _target(step.target, line.indicator)
            rows.append(
                [
                    number,
                    line.indicator.name,
                    line.indicator.unit_of_measure,
                    baseline,
                    *values,
                    target,
                    _direction(line),
                    step.verdict,
                ]
            )
        steps = ["Sơ kết"] if self.mid_term else ["Sơ kết", "Tổng kết"]
        header = ["STT", "Chỉ tiêu", "Đơn vị tính", "Giá trị gốc", *steps, f"Chỉ tiêu năm {self.review.year}"]
        self._table(rows, [*header, "Chiều tốt hơn", "Đánh giá"])

    def _counts(self) -> None:
        counts = self.comparison
        if self.mid_term:
            rows = [[line.label, _number(line.mid_term)] for line in counts.results]
            header = ["Nội dung thi đua", "Số kết quả khi sơ kết"]
        else:
            rows = [[line.label, _number(line.mid_term), _number(line.final)] for line in counts.results]
            header = ["Nội dung thi đua", "Số kết quả khi sơ kết", "Số kết quả khi tổng kết"]
        self._table(rows, header)
        initiatives = counts.initiatives.mid_term if self.mid_term else counts.initiatives.final
        self.doc.paragraph(
            [
                Span("Sáng kiến, giải pháp được công nhận: ", bold=True),
                Span(f"{_number(initiatives)} sáng kiến tính đến ngày chốt số liệu."),
            ]
        )

    # --- the frozen sections (`sections.py`); a review frozen without one says so --------
    def _frozen(self, key: str):
        found = sections.section(self.review, key)
        if found is None:
            self.doc.paragraph(NO_FIGURE + ".")
        return found

    def _initiatives(self) -> None:
        found = self._frozen(sections.INITIATIVES)
        if found is None:
            return
        scopes = "; ".join(f"phạm vi {scope.lower()}: {n}" for scope, n in found["by_scope"].items())
        self.doc.paragraph(
            f"Trong số sáng kiến được công nhận{f' ({scopes})' if scopes else ''}, "
            f"{found['put_forward']} sáng kiến được đề nghị công nhận cấp tỉnh; "
            f"{found['replicated']} sáng kiến được nhân rộng, áp dụng tại {found['adoptions']} lượt đơn vị."
        )

    def _ranking(self) -> None:
        years = self._frozen(sections.RANKING)
        if years is None:
            return
        if not years:
            self.doc.paragraph(NOTHING)
        for year in years:
            self.doc.paragraph(f"Năm {year['year']}", bold=True)
            rows = [
                [row["rank"], row["unit"], _number(row["total"]), _number(row["percent"]), row["classification"]]
                for row in year["units"]
            ]
            self._table(rows, ["Xếp hạng", "Tập thể", "Tổng điểm", "Tỷ lệ (%)", "Xếp loại"])
            if year["people"]:
                counts = "; ".join(f"{label}: {n}" for label, n in year["people"].items())
                self.doc.paragraph(f"Cá nhân được xếp loại — {counts}.")

    def _awards(self) -> None:
        rows = self._frozen(sections.AWARDS)
        if rows is None:
            return
        table = [[row["level"], row["award"], row["collectives"], row["people"]] for row in rows]
        self._table(table, ["Cấp khen thưởng", "Danh hiệu, hình thức", "Tập thể", "Cá nhân"])

    def _inspections(self) -> None:
        found = self._frozen(sections.INSPECTIONS)
        if found is None:
            return
        severity = "; ".join(f"mức {label.lower()}: {n}" for label, n in found["by_severity"].items())
        self.doc.paragraph(
            f"Đã tiến hành {found['rounds']} đợt tự kiểm tra, có {found['findings']} phát hiện"
            f"{f' ({severity})' if severity else ''}; {found['actions']} việc khắc phục được giao, "
            f"{found['done']} việc đã hoàn thành, {found['overdue']} việc quá hạn."
        )
        rows = [[f["unit"], f["text"], f["severity"], f"{f['done']}/{f['actions']}"] for f in found["items"]]
        if rows:
            self.doc.table(rows, header=["Đơn vị", "Phát hiện", "Mức độ", "Việc khắc phục đã xong"])

    def _difficulties(self) -> None:
        found = self._frozen(sections.DIFFICULTIES)
        if found is None:
            return
        self.doc.paragraph(
            f"Các phòng, đơn vị đã nêu {found['raised']} khó khăn, vướng mắc; Giám đốc Sở đã xem xét, quyết định "
            f"{found['decided']} khó khăn, vướng mắc, trong đó đã thực hiện xong {found['closed']}."
        )
        rows = [[d["unit"], d["title"], d["decision"], d["decided_on"]] for d in found["items"]]
        if rows:
            self.doc.table(rows, header=["Đơn vị", "Khó khăn, vướng mắc", "Ý kiến quyết định", "Ngày quyết định"])

    def _proposals(self) -> None:
        rows = [
            [n, str(p.subject), p.get_award_code_display(), p.get_state_display()]
            for n, p in enumerate(self.proposals, 1)
        ]
        self._table(rows, ["STT", "Tập thể, cá nhân", "Hình thức, danh hiệu đề nghị", "Tình trạng"])

    def _texts(self, text: str) -> None:
        for line in report_texts.lines(text):
            self.doc.paragraph(line)

    def _table(self, rows, header) -> None:
        if rows:
            self.doc.table(rows, header=header)
        else:
            self.doc.paragraph(NOTHING)


def _of_the_movement(plan) -> str:
    """ "của Sở Tư pháp tỉnh Tuyên Quang" after the plan in the trích yếu."""
    return f"của {agency_name(plan)}"
