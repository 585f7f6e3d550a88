"""The consolidated list of a year's registrations as an Excel workbook: one sheet of
units (title aimed, state, commitments per content area), one of people."""

from django.utils import timezone
from django.utils.translation import gettext

from thidua.documents import sheets


def filename(year: int) -> str:
    return f"dang-ky-thi-dua-{year}.xlsx"


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y") if moment else ""


class RegistrationWorkbook:
    def __init__(self, registrations, areas):
        self.registrations, self.areas = registrations, areas

    def render(self) -> bytes:
        book = sheets.streamed_book()
        self._units(book)
        self._people(book)
        return sheets.to_bytes(book)

    def _units(self, book) -> None:
        headers = [
            (gettext("STT"), 6),
            (gettext("Đơn vị"), 40),
            (gettext("Danh hiệu đăng ký"), 30),
            (gettext("Trạng thái"), 22),
            (gettext("Ngày gửi"), 12),
            (gettext("Nộp muộn"), 10),
        ]
        headers += [(gettext("Cam kết nội dung %(number)s") % {"number": a.number}, 45) for a in self.areas]
        sheet = sheets.add_sheet(book, gettext("Đơn vị"), headers)
        late = gettext("Có")
        for index, reg in enumerate(self.registrations, start=1):
            texts = {c.content_area_id: c.text for c in reg.commitments.all()}
            sheets.append(
                sheet,
                sheets.wrapped_row(
                    sheet,
                    [
                        index,
                        reg.unit.name,
                        reg.get_title_display(),
                        reg.get_state_display(),
                        _when(reg.submitted_at),
                        late if reg.is_late else "",
                    ]
                    + [texts.get(area.pk, "") for area in self.areas],
                ),
            )

    def _people(self, book) -> None:
        sheet = sheets.add_sheet(
            book,
            gettext("Cá nhân"),
            [
                (gettext("STT"), 6),
                (gettext("Họ và tên"), 28),
                (gettext("Mã cán bộ"), 12),
                (gettext("Đơn vị"), 40),
                (gettext("Danh hiệu đăng ký"), 30),
                (gettext("Cam kết"), 70),
                (gettext("Trạng thái"), 22),
            ],
        )
        index = 0
        for reg in self.registrations:
            for row in reg.people.all():
                index += 1
                sheets.append(
                    sheet,
                    sheets.wrapped_row(
                        sheet,
                        [
                            index,
                            row.person.full_name,
                            row.person.code,
                            reg.unit.name,
                            row.get_title_display(),
                            row.commitments,
                            reg.get_state_display(),
                        ],
                    ),
                )
