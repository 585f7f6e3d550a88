"""The council's meetings as an Excel workbook: the same meetings as the list page for
the same search and year (`views.filtered_meetings`)."""

from django.utils.translation import gettext

from thidua.documents import sheets

FILENAME = "phien-hop-hoi-dong.xlsx"


def workbook(meetings) -> bytes:
    book = sheets.streamed_book()
    sheet = sheets.add_sheet(
        book,
        gettext("Phiên họp"),
        [
            (gettext("STT"), 6),
            (gettext("Phiên họp"), 50),
            (gettext("Ngày"), 12),
            (gettext("Năm xét"), 10),
            (gettext("Địa điểm"), 30),
            (gettext("Biên bản"), 20),
        ],
    )
    for index, meeting in enumerate(meetings, start=1):
        sheets.append(
            sheet,
            sheets.wrapped_row(
                sheet,
                [
                    index,
                    meeting.title,
                    meeting.date.strftime("%d/%m/%Y"),
                    meeting.year,
                    meeting.place,
                    meeting.minutes_number or gettext("Đang biểu quyết"),
                ],
            ),
        )
    return sheets.to_bytes(book)
