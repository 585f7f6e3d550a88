"""The minutes of a unit's rating meeting (Biên bản họp bình xét thi đua, khen thưởng)
in the layout of Nghị định 30/2020: when and where, who chaired and took the minutes,
how many of the unit attended, the votes each person received for each title or form
(with the share of those present), the conclusion, then the secretary's and the
chair's signatures with Nơi nhận under the secretary."""

import re
from decimal import ROUND_HALF_UP, Decimal

from docx.oxml import OxmlElement

from thidua.core.text import fold
from thidua.documents import nd30
from thidua.documents.nd30 import OfficialDocument
from thidua.plans.citation import plan_citation
from thidua.plans.models import Plan
from thidua.ratingmeetings.wording import MINUTES

# --- the layout (the texts are the office's: `ratingmeetings.wording.MINUTES`) ---------------
DOC_TYPE = "Biên bản"
SYMBOL = "BB"
CLOSING_MARK = "/."
SECTION_PEOPLE = "I. THÀNH PHẦN"
SECTION_CONTENT = "II. NỘI DUNG"
SECTION_CONCLUSION = "III. KẾT LUẬN"
TABLE_HEADER = [
    "STT",
    "Họ và tên",
    "Chức vụ",
    "Số phiếu đồng ý",
    "Tỷ lệ so với số người dự họp",
    "Số phiếu không đồng ý",
]


def filename(meeting) -> str:
    unit = re.sub(r"[^a-z0-9]+", "-", fold(meeting.unit.name)).strip("-")
    return f"bien-ban-binh-xet-{unit}-{meeting.year}.docx"


def clock(value) -> str:
    return f"{value.hour:02d} giờ {value.minute:02d} phút"


def share(part: int, whole: int) -> str:
    """'91,7%' of those present, one decimal, rounded half up."""
    if not whole:
        return "0%"
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{value.normalize():f}".replace(".", ",") + "%"


def _named(person) -> str:
    return f"{person.full_name}, {person.position}" if person.position else person.full_name


class RatingMinutesDocx:
    """`RatingMinutesDocx(meeting).render()` returns the .docx bytes."""

    def __init__(self, meeting) -> None:
        self.meeting = meeting
        self.plan = Plan.objects.current()
        self.votes = list(meeting.votes.select_related("person").order_by("award_code", "person__full_name", "id"))
        self.texts = MINUTES.in_force()

    def render(self) -> bytes:
        m, plan = self.meeting, self.plan
        symbol = fold(m.unit.short_name or m.unit.code).upper().replace(" ", "")
        self.doc = OfficialDocument(
            agency_parent=plan.issuer_name,
            agency=m.unit.name,
            number_symbol=f"{' ' * 4}/{SYMBOL}-{symbol}",
            place=plan.place,
            date_parts=m.date,
            doc_type=DOC_TYPE,
            summary=self.texts.get("trich_yeu", nam=m.year),
        )
        self.doc.paragraph(
            self.texts.get(
                "mo_dau",
                ke_hoach=plan_citation(plan),
                gio_bat_dau=clock(m.start_time),
                ngay=f"ngày {m.date.day:02d} tháng {m.date.month:02d} năm {m.date.year}",
                dia_diem=m.place,
                don_vi=m.unit.name,
                nam=m.year,
            )
        )
        self._people()
        self._votes()
        self._conclusion()
        self._signatures()
        return self.doc.to_bytes()

    def _people(self) -> None:
        m = self.meeting
        self.doc.heading(SECTION_PEOPLE, 1)
        self.doc.paragraph(f"Chủ trì: {_named(m.chair)}.")
        self.doc.paragraph(f"Thư ký: {_named(m.secretary)}.")
        absent = m.members_total - m.present
        self.doc.paragraph(
            f"Tổng số cán bộ, công chức, viên chức, người lao động của đơn vị: {m.members_total:02d} người; có mặt "
            f"{m.present:02d} người; vắng mặt {absent:02d} người."
        )

    def _votes(self) -> None:
        self.doc.heading(SECTION_CONTENT, 1)
        self.doc.paragraph(self.texts.get("noi_dung"))
        groups: dict[str, list] = {}
        for vote in self.votes:
            groups.setdefault(vote.get_award_code_display(), []).append(vote)
        for number, (award, votes) in enumerate(groups.items(), start=1):
            self.doc.paragraph(f"{number}. Đề nghị {award}: {len(votes):02d} cá nhân.", bold=True)
            present = self.meeting.present
            self.doc.table(
                [
                    [
                        str(i),
                        v.person.full_name,
                        v.person.position or v.person.get_category_display(),
                        f"{v.votes_for:02d}/{present:02d}",
                        share(v.votes_for, present),
                        f"{v.votes_against:02d}",
                    ]
                    for i, v in enumerate(votes, start=1)
                ],
                header=TABLE_HEADER,
            )

    def _conclusion(self) -> None:
        self.doc.heading(SECTION_CONCLUSION, 1)
        for line in filter(None, (x.strip() for x in self.meeting.conclusion.splitlines())):
            self.doc.paragraph(line)
        self.doc.paragraph(self.texts.get("ket_luan"))
        closing = self.texts.get("ket_thuc", gio_ket_thuc=clock(self.meeting.end_time))
        self.doc.paragraph(closing.rstrip("/.").strip() + "." + CLOSING_MARK)

    def _signatures(self) -> None:
        """Row 1: the secretary (left) and the chair (right, over both rows); row 2:
        Nơi nhận under the secretary, as in the decree's model of minutes."""
        table = nd30._two_column_table(self.doc._doc, nd30.SIGNATURE_COLUMNS, rows=2)
        for row in table.rows:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        chair = table.cell(0, 1).merge(table.cell(1, 1))
        nd30._fill_signer(table.cell(0, 0), "", self.texts.get("ky_trai"), self.meeting.secretary.full_name)
        nd30._fill_signer(chair, "", self.texts.get("ky_phai"), self.meeting.chair.full_name)
        nd30._fill_recipients(table.cell(1, 0), self.texts.lines("noi_nhan"))
