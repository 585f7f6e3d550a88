"""The figures of the consolidated report as an Excel workbook, one sheet per table, so
the receivers can add them up without retyping."""

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from thidua.documents.safe_cells import workbook_bytes
from thidua.reports.consolidated_report_docx import ATTAINMENT, quarter_of

SHEETS = [
    ("Đơn vị", ["STT", "Đơn vị", "Báo cáo", "Ngày gửi", "Nộp muộn", "Số kết quả", "Đã xác nhận", "Sáng kiến"]),
    ("Nội dung thi đua", ["Nội dung", "Tên nội dung thi đua", "Số kết quả", "Đã xác nhận", "Số đơn vị"]),
    (
        "Chỉ tiêu",
        [
            "STT",
            "Chỉ tiêu",
            "Đơn vị tính",
            "Giá trị gốc",
            "Chỉ tiêu năm",
            "Nguồn chỉ tiêu",
            "Thực hiện",
            "Số liệu quý",
            "Đơn vị báo cáo",
            ATTAINMENT,
            "Chiều tốt hơn",
            "Đánh giá",
            "Đơn vị chưa báo cáo (số liệu quý trước)",
        ],
    ),
    ("Sáng kiến", ["STT", "Tên sáng kiến", "Đơn vị", "Tình trạng", "Phạm vi"]),
    ("Gửi đi", ["Nơi nhận", "Hình thức", "Ngày gửi", "Số, ký hiệu", "Đúng hạn"]),
]
WIDE = 48


class ConsolidatedReportXlsx:
    """`ConsolidatedReportXlsx(report, dispatches).render()` returns the .xlsx bytes."""

    def __init__(self, report, dispatches=()) -> None:
        self.report = report
        self.figures = report.figures or {}
        self.dispatches = list(dispatches)

    def render(self) -> bytes:
        book = Workbook()
        book.remove(book.active)
        for (title, header), rows in zip(SHEETS, self._rows(), strict=True):
            _sheet(book, title, self._caption(title), header, rows)
        return workbook_bytes(book)

    def _caption(self, title: str) -> str:
        """'Báo cáo năm 2026 — Đơn vị — Số: 12/BC-STP'; no number before it is issued."""
        number = self.report.number_symbol
        return " — ".join([self.report.period.title, title] + ([f"Số: {number}"] if number else []))

    def _rows(self) -> list[list[list]]:
        f = self.figures
        units = [
            [
                i,
                u["unit"],
                u["state_label"],
                u["submitted"],
                "x" if u["late"] else None,
                u["results"],
                u["confirmed"],
                u["initiatives"],
            ]
            for i, u in enumerate(f.get("units", []), 1)
        ]
        areas = [[a["number"], a["title"], a["results"], a["confirmed"], a["units"]] for a in f.get("areas", [])]
        indicators = [
            [
                i,
                r["name"],
                r["measure"],
                r.get("baseline_number"),
                r.get("target_number"),
                r.get("source", ""),
                r.get("value_number"),
                quarter_of(r) if r.get("quarter") else "",
                f"{r['reported']}/{r['expected']}" if r.get("expected") else "",
                r.get("attainment_number"),
                r.get("direction", ""),
                r.get("verdict", ""),
                "; ".join(f"{u['unit']}: {u['value']} ({quarter_of(u)})" for u in r.get("carried", [])),
            ]
            for i, r in enumerate(f.get("indicators", []), 1)
        ]
        initiatives = [
            [i, r["title"], r["unit"], r["state"], r["scope"]] for i, r in enumerate(f.get("initiatives", []), 1)
        ]
        sent = [
            [
                d.recipient,
                d.get_channel_display(),
                d.sent_on,
                d.number_symbol,
                "Đúng hạn" if not d.days_late() else f"Muộn {d.days_late()} ngày",
            ]
            for d in self.dispatches
        ]
        return [units, areas, indicators, initiatives, sent]


def _sheet(book, title: str, caption: str, header: list[str], rows: list[list]) -> None:
    sheet = book.create_sheet(title)
    sheet.append([caption])
    sheet["A1"].font = Font(bold=True)
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in rows:
        sheet.append(row)
    for index, name in enumerate(header, 1):
        sheet.column_dimensions[get_column_letter(index)].width = (
            WIDE if "Tên" in name or name in ("Đơn vị", "Chỉ tiêu", "Nơi nhận") else 14
        )
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            if (
                cell.column_letter
                and sheet.cell(2, cell.column).value == "Ngày gửi"
                and cell.value
                and not isinstance(cell.value, str)
            ):
                cell.number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "A3"
