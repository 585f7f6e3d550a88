"""The results list as an Excel workbook: the same entries as the page for the same
filter (`views.filtered_entries`), one line per result."""

from django.utils.translation import gettext

from thidua.documents import sheets

FILENAME = "ket-qua-minh-chung.xlsx"


def _owner(entry) -> str:
    return entry.person.full_name if entry.person else entry.unit.name


def workbook(entries) -> bytes:
    book = sheets.streamed_book()
    sheet = sheets.add_sheet(
        book,
        gettext("Kết quả, minh chứng"),
        [
            (gettext("STT"), 6),
            (gettext("Ngày"), 12),
            (gettext("Kết quả"), 45),
            (gettext("Của"), 28),
            (gettext("Đơn vị"), 32),
            (gettext("Nội dung thi đua"), 40),
            (gettext("Số lượng"), 12),
            (gettext("Đơn vị tính"), 14),
            (gettext("Minh chứng"), 12),
            (gettext("Trạng thái"), 18),
        ],
    )
    for index, entry in enumerate(entries, start=1):
        sheets.append(
            sheet,
            sheets.wrapped_row(
                sheet,
                [
                    index,
                    entry.date.strftime("%d/%m/%Y"),
                    entry.title,
                    _owner(entry),
                    entry.unit.name,
                    str(entry.content_area or ""),
                    entry.quantity,
                    entry.quantity_unit,
                    entry.evidence_count,
                    entry.get_state_display(),
                ],
            ),
        )
    return sheets.to_bytes(book)
