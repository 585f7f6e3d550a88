"""The status board as an Excel workbook: the same rows as the page for the same
filter (`views.board.board_filter`), one line per unit report."""

from django.utils import timezone
from django.utils.translation import gettext

from thidua.documents import sheets
from thidua.reports.deadlines import local_today

FILENAME = "tinh-hinh-nop-bao-cao.xlsx"


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%H:%M %d/%m/%Y") if moment else ""


def _timeliness(row, today) -> str:
    if row.is_overdue(today):
        return gettext("Quá hạn")
    return gettext("Nộp muộn") if row.is_late else ""


def workbook(rows) -> bytes:
    book = sheets.streamed_book()
    sheet = sheets.add_sheet(
        book,
        gettext("Tình hình nộp báo cáo"),
        [
            (gettext("STT"), 6),
            (gettext("Kỳ báo cáo"), 36),
            (gettext("Đơn vị"), 40),
            (gettext("Người phụ trách"), 26),
            (gettext("Trạng thái"), 18),
            (gettext("Hạn nộp"), 12),
            (gettext("Gửi lúc"), 18),
            (gettext("Đúng hạn?"), 12),
            (gettext("Nhắc gần nhất"), 14),
        ],
    )
    today = local_today()
    for index, row in enumerate(rows, start=1):
        sheets.append(
            sheet,
            [
                index,
                row.period.title,
                row.unit.name,
                row.owner.full_name if row.owner else gettext("Chưa giao"),
                row.get_state_display(),
                row.period.due_date.strftime("%d/%m/%Y"),
                _when(row.submitted_at),
                _timeliness(row, today),
                row.last_reminded and timezone.localtime(row.last_reminded).strftime("%d/%m/%Y") or "",
            ],
        )
    return sheets.to_bytes(book)
