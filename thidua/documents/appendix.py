"""A list or annex that goes with a document (Nghị định 30/2020, Phụ lục I: phụ lục
kèm theo văn bản): the agency and Quốc hiệu, the name of the list and its subject,
then "(Kèm theo Quyết định số … ngày … của …)" in italic; no number, date or
signature of its own, as the document it goes with carries them.

    doc = Appendix(agency_parent="UBND TỈNH TUYÊN QUANG", agency="SỞ TƯ PHÁP",
                   doc_type="Danh sách", summary="Cá nhân được tặng …",
                   attached_to="Kèm theo Quyết định số 05/QĐ-STP ngày 15/01/2027 của Giám đốc Sở Tư pháp")
    doc.table(rows, header=[…])
"""

from docx.enum.text import WD_ALIGN_PARAGRAPH

from thidua.documents import nd30
from thidua.documents.nd30 import OfficialDocument


class Appendix(OfficialDocument):
    def __init__(
        self, *, agency: str, doc_type: str, summary: str, attached_to: str = "", agency_parent: str = ""
    ) -> None:
        self._attached_to = attached_to.strip().removeprefix("(").removesuffix(")")
        super().__init__(
            agency=agency,
            agency_parent=agency_parent,
            number_symbol="",
            place="",
            date_parts=(None, None, 0),
            doc_type=doc_type,
            summary=summary,
        )

    def signature(self, *args, **kwargs) -> None:
        raise TypeError("an appendix is signed in the document it goes with")

    def _header(self, parent: str, agency: str, number_symbol: str, date_text: str) -> None:
        table = nd30._two_column_table(self._doc, nd30.HEADER_COLUMNS)
        names, national = table.rows[0].cells
        if parent:
            nd30._cell_line(names, parent.upper(), nd30.SIZE_PARENT_AGENCY)
        nd30._cell_line(names, agency.upper(), nd30.SIZE_AGENCY, bold=True)
        share = nd30._share_of(agency.upper(), nd30.SIZE_AGENCY, nd30.AGENCY_RULE_SHARE, nd30.HEADER_COLUMNS[0])
        nd30._rule(names, share, nd30.HEADER_COLUMNS[0])
        nd30.national_column(national)

    def _title(self, doc_type: str, summary: str) -> None:
        kind = self._add(doc_type.upper(), nd30.SIZE_DOC_TYPE, bold=True)
        nd30._paragraph_format(kind, align=WD_ALIGN_PARAGRAPH.CENTER, before=nd30.Pt(18))
        lines = [line.strip() for line in summary.splitlines() if line.strip()]
        for line in lines:
            nd30._paragraph_format(self._add(line, nd30.SIZE_SUMMARY, bold=True), align=WD_ALIGN_PARAGRAPH.CENTER)
        if self._attached_to:  # a form filled by hand (a ballot) goes with no document
            note = self._add(f"({self._attached_to})", nd30.SIZE_SUMMARY, italic=True)
            nd30._paragraph_format(note, align=WD_ALIGN_PARAGRAPH.CENTER)
        longest = max((nd30._text_width(line, nd30.SIZE_SUMMARY, bold=True) for line in lines), default=0)
        length = int(min(longest, nd30.TEXT_WIDTH) * nd30.SUMMARY_RULE_SHARE) or int(nd30.TEXT_WIDTH * 0.2)
        nd30._doc_rule(self._doc, length)

    def signer(self, authority: str, title: str, name: str) -> None:
        """The signer of a text issued with a decision (a Quy chế): on the right, with
        no Nơi nhận, which the decision carries."""
        table = nd30._two_column_table(self._doc, nd30.SIGNATURE_COLUMNS)
        nd30._cant_split(table.rows[0])
        nd30._fill_signer(table.rows[0].cells[1], authority, title, name)
