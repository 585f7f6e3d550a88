"""The consolidated list of a year's registrations as an Excel workbook: one sheet of
units (title aimed, state, commitments per content area), one of people."""

import io

from django.utils import timezone
from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

WRAP = Alignment(wrap_text=True, vertical="top")


def filename(year: int) -> str:
    return f"dang-ky-thi-dua-{year}.xlsx"


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y") if moment else ""


class RegistrationWorkbook:
    def __init__(self, registrations, areas):
        self.registrations, self.areas = registrations, areas

    def render(self) -> bytes:
        book = Workbook()
        self._units(book.active)
        self._people(book.create_sheet())
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

    def _units(self, sheet) -> None:
        sheet.title = gettext("Đơn vị")
        headers = [(gettext("STT"), 6), (gettext("Đơn vị"), 40), (gettext("Danh hiệu đăng ký"), 30),
                   (gettext("Trạng thái"), 22), (gettext("Ngày gửi"), 12), (gettext("Nộp muộn"), 10)]
        headers += [(gettext("Cam kết nội dung %(number)s") % {"number": a.number}, 45) for a in self.areas]
        _header(sheet, headers)
        for index, reg in enumerate(self.registrations, start=1):
            texts = {c.content_area_id: c.text for c in reg.commitments.all()}
            _row(sheet, index + 1, [index, reg.unit.name, reg.get_title_display(), reg.get_state_display(),
                                    _when(reg.submitted_at), gettext("Có") if reg.is_late else ""]
                 + [texts.get(area.pk, "") for area in self.areas])

    def _people(self, sheet) -> None:
        sheet.title = gettext("Cá nhân")
        _header(sheet, [(gettext("STT"), 6), (gettext("Họ và tên"), 28), (gettext("Mã cán bộ"), 12),
                        (gettext("Đơn vị"), 40), (gettext("Danh hiệu đăng ký"), 30), (gettext("Cam kết"), 70),
                        (gettext("Trạng thái"), 22)])
        index = 0
        for reg in self.registrations:
            for row in reg.people.all():
                index += 1
                _row(sheet, index + 1, [index, row.person.full_name, row.person.code, reg.unit.name,
                                        row.get_title_display(), row.commitments, reg.get_state_display()])


def _header(sheet, columns: list[tuple[str, int]]) -> None:
    sheet.append([label for label, _ in columns])
    for number, (_, width) in enumerate(columns, start=1):
        sheet.cell(row=1, column=number).font = Font(bold=True)
        sheet.cell(row=1, column=number).alignment = WRAP
        sheet.column_dimensions[get_column_letter(number)].width = width
    sheet.freeze_panes = "A2"


def _row(sheet, number: int, values: list) -> None:
    """Row `number` (the header is row 1). Addressing the cells directly: openpyxl's
    `max_row` walks every cell of the sheet, which made a province's export quadratic."""
    for column, value in enumerate(values, start=1):
        sheet.cell(row=number, column=column, value=value).alignment = WRAP
