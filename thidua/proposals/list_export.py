"""The proposal list as an Excel workbook: the same proposals as the page for the same
filter and state tab (`views.pages`), one line per proposal."""

from django.utils.translation import gettext

from thidua.documents import sheets

FILENAME = "de-nghi-khen-thuong.xlsx"


def _subject_name(proposal) -> str:
    return proposal.person.full_name if proposal.person_id else proposal.unit.name


def workbook(proposals) -> bytes:
    book = sheets.streamed_book()
    sheet = sheets.add_sheet(
        book,
        gettext("Đề nghị khen thưởng"),
        [
            (gettext("STT"), 6),
            (gettext("Cá nhân / Tập thể"), 32),
            (gettext("Đơn vị"), 32),
            (gettext("Loại"), 14),
            (gettext("Danh hiệu, hình thức"), 40),
            (gettext("Năm"), 8),
            (gettext("Điều kiện"), 20),
            (gettext("Trạng thái"), 20),
        ],
    )
    for index, proposal in enumerate(proposals, start=1):
        sheets.append(
            sheet,
            sheets.wrapped_row(
                sheet,
                [
                    index,
                    _subject_name(proposal),
                    proposal.subject_unit.name if proposal.subject_unit_id else "",
                    proposal.get_category_display(),
                    proposal.get_award_code_display(),
                    proposal.year,
                    proposal.get_verdict_display() if proposal.verdict else "",
                    proposal.get_state_display(),
                ],
            ),
        )
    return sheets.to_bytes(book)
