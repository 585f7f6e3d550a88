"""The department's consolidated report (Báo cáo) as a Word document in the layout of
Nghị định 30/2020: Kính gửi the provincial People's Committee and the departments the
plan names, the narrative the office wrote, the tables of figures, then the signature
and "Nơi nhận: - Như trên; …". Built from the stored report alone, so the file is the
same however often it is downloaded."""

from thidua.core.numerals import vn_number
from thidua.core.text import fold
from thidua.documents.nd30 import OfficialDocument, Span
from thidua.outgoing.models import DocumentType
from thidua.outgoing.numbering import agency_symbol
from thidua.plans.citation import agency_name, plan_citation
from thidua.reports.deadlines import local_today
from thidua.reports.wording import CONSOLIDATED

CLOSING_MARK = "/."
NO_FIGURES = "Không có số liệu."
ATTAINMENT = "Thực hiện/Chỉ tiêu (%)"


def filename(report, extension: str) -> str:
    """'bao-cao-tong-hop-bao-cao-nam-2026.docx'."""
    return f"bao-cao-tong-hop-{'-'.join(fold(report.period.title).split())}.{extension}"


def number_symbol(report) -> str:
    """The issued number, or a blank one ('   /BC-STP') to be filled when issued."""
    if report.number_symbol:
        return report.number_symbol
    return f"{' ' * 3}/{DocumentType.BC}-{agency_symbol(report.period.plan.issuer)}"


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class ConsolidatedReportDocx:
    """`ConsolidatedReportDocx(report).render()` returns the .docx bytes."""

    def __init__(self, report) -> None:
        self.report = report
        self.period = report.period
        self.plan = report.period.plan
        self.figures = report.figures or {}
        self.texts = CONSOLIDATED.in_force()
        self.nothing = self.texts.get("khong_co")

    def render(self) -> bytes:
        self.doc = self._letterhead()
        self.doc.addressees(lines(self.report.addressees))
        self.doc.paragraph(self._opening())
        for write in (self._situation, self._results, self._limitations, self._ahead, self._proposals):
            write()
        plan = self.plan
        self.doc.signed_by(plan, ["Như trên"] + lines(self.report.recipients))
        return self.doc.to_bytes()

    def _letterhead(self) -> OfficialDocument:
        issued = self.report.issued_on
        return OfficialDocument(
            agency_parent=self.plan.issuer_parent_name,
            agency=self.plan.issuer_name,
            number_symbol=number_symbol(self.report),
            place=self.plan.place,
            date_parts=issued or (None, None, local_today().year),
            doc_type=DocumentType.BC.label,
            summary=self.report.summary,
        )

    def _opening(self) -> str:
        plan = self.plan
        period = self.period.title.strip()
        period = period[len("Báo cáo ") :] if period.lower().startswith("báo cáo ") else period
        return self.texts.get(
            "mo_dau", co_quan=agency_name(plan), ky_bao_cao=period.lower(), ke_hoach=plan_citation(plan)
        )

    # --- parts ----------------------------------------------------------------------------
    def _situation(self) -> None:
        self.doc.heading("I. TÌNH HÌNH TRIỂN KHAI", 1)
        self._texts(self.report.overview)
        self.doc.paragraph("Tình hình gửi báo cáo của các đơn vị:")
        rows = [
            [
                i,
                u["unit"],
                u["state_label"],
                u["submitted"] + (" (nộp muộn)" if u["late"] else ""),
                vn_number(u["confirmed"]),
                vn_number(u["initiatives"]),
            ]
            for i, u in enumerate(self.figures.get("units", []), 1)
        ]
        self._table(rows, ["STT", "Đơn vị", "Báo cáo", "Ngày gửi", "Kết quả đã xác nhận", "Sáng kiến"])

    def _results(self) -> None:
        self.doc.heading("II. KẾT QUẢ ĐẠT ĐƯỢC", 1)
        self._texts(self.report.results_text)
        self.doc.heading("1. Kết quả theo từng nội dung thi đua", 2)
        areas = self.figures.get("areas", [])
        self._table(
            [[a["number"], a["title"], *(vn_number(a[k]) for k in ("results", "confirmed", "units"))] for a in areas],
            ["Nội dung", "Tên nội dung thi đua", "Số kết quả", "Đã xác nhận", "Số đơn vị"],
        )
        for area in areas:
            if area["texts"]:
                self.doc.heading(f"Nội dung {area['number']}. {area['title']}", 3)
                self._by_unit(area["texts"])
        self.doc.heading("2. Các chỉ tiêu so với kế hoạch", 2)
        indicators = self.figures.get("indicators", [])
        self._table(
            [indicator_row(i, r) for i, r in enumerate(indicators, 1)],
            ["STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm", "Thực hiện", ATTAINMENT, "Chiều tốt hơn", "Đánh giá"],
        )
        for note in carried_notes(indicators):
            self.doc.paragraph(note, italic=True)
        self.doc.heading("3. Sáng kiến, giải pháp", 2)
        self._table(
            [
                [i, r["title"], r["unit"], r["state"], r["scope"]]
                for i, r in enumerate(self.figures.get("initiatives", []), 1)
            ],
            ["STT", "Tên sáng kiến", "Đơn vị", "Tình trạng", "Phạm vi"],
        )
        self.doc.heading("4. Điển hình tiên tiến", 2)
        self._by_unit(self.figures.get("examples", [])) or self.doc.paragraph(NO_FIGURES)

    def _limitations(self) -> None:
        self.doc.heading("III. TỒN TẠI, HẠN CHẾ VÀ KHÓ KHĂN, VƯỚNG MẮC", 1)
        written = self._texts(self.report.limitations)
        if self.figures.get("difficulties"):
            self.doc.paragraph("Khó khăn, vướng mắc các đơn vị nêu trong báo cáo:")
            self._by_unit(self.figures["difficulties"])
        elif not written:
            self.doc.paragraph(self.nothing)

    def _ahead(self) -> None:
        self.doc.heading("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", 1)
        self._texts(self.report.tasks_ahead) or self.doc.paragraph(self.nothing)

    def _proposals(self) -> None:
        self.doc.heading("V. ĐỀ XUẤT, KIẾN NGHỊ", 1)
        texts = lines(self.report.proposals) or [self.nothing]
        for text in texts[:-1]:
            self.doc.paragraph(text)
        self.doc.paragraph(_closed(texts[-1]))

    # --- pieces ---------------------------------------------------------------------------
    def _texts(self, text: str) -> bool:
        """One paragraph per line; False when there was nothing to print."""
        for line in lines(text):
            self.doc.paragraph(line)
        return bool(lines(text))

    def _by_unit(self, rows) -> bool:
        for row in rows:
            first, *rest = lines(row["text"]) or [""]
            self.doc.paragraph([Span(f"{row['unit']}: ", bold=True), Span(first)])
            for line in rest:
                self.doc.paragraph(line)
        return bool(rows)

    def _table(self, rows, header) -> None:
        if rows:
            self.doc.table(rows, header=header)
        else:
            self.doc.paragraph(NO_FIGURES, italic=True)


def indicator_row(number: int, row: dict) -> list:
    """One indicator against its target, with where the target comes from and the
    quarter the figure is of. The share is the figure ÷ the target; the direction and
    the verdict say how to read it (for "lower is better", a share under 100% is good;
    "Chưa đủ số liệu (3/4 đơn vị)" when a unit did not report). Figures consolidated
    before these columns existed print no share rather than the old progress figure."""
    direction = row.get("direction") or ("Càng thấp càng tốt" if row.get("lower_is_better") else "Càng cao càng tốt")
    return [
        number,
        row["name"],
        row["measure"],
        f"{row['target']} ({row['source']})" if row.get("source") and row["target"] else row["target"],
        f"{row['value']} ({quarter_of(row)})" if row.get("quarter") and row["value"] else row["value"],
        row.get("attainment", ""),
        direction,
        row.get("verdict", _old_verdict(row.get("reached"))),
    ]


def _old_verdict(reached) -> str:
    return "" if reached is None else ("Đạt" if reached else "Chưa đạt")


def quarter_of(row: dict) -> str:
    return f"quý {row['quarter']}/{row['year']}"


def carried_notes(indicators: list[dict]) -> list[str]:
    """Under the table, for each unit that did not report the figure's quarter: whose
    earlier figure was counted, as the office would note it."""
    notes = []
    for row in indicators:
        for unit in row.get("carried", []):
            notes.append(
                f"Ghi chú: {unit['unit']} chưa báo cáo số liệu {quarter_of(row)} của chỉ tiêu «{row['name']}»; "
                f"số liệu tổng hợp tính theo số liệu {quarter_of(unit)} của đơn vị ({unit['value']} {row['measure']})."
            )
    return notes


def _closed(text: str) -> str:
    if text.endswith(CLOSING_MARK):
        return text
    return f"{text}{CLOSING_MARK}" if text.endswith(".") else f"{text}.{CLOSING_MARK}"
