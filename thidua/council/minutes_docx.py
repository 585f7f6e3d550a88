"""The minutes (Biên bản) of a council meeting as a Word document in the layout of
Nghị định 30/2020: time and place, who attended, the figures the vote used (R17, said
to be settings), the result for each proposal — counts only, never who voted what —
the conclusion, then the secretary's and the chair's signatures with Nơi nhận under the
secretary, as in the decree's model of minutes."""

import re

from docx.oxml import OxmlElement

from thidua.core.text import fold
from thidua.council.tally import quorum, share_text, tallies
from thidua.documents import nd30
from thidua.documents.nd30 import OfficialDocument
from thidua.organization.rules import person_of
from thidua.plans.models import Plan

CLOSING_MARK = "/."


def filename(meeting) -> str:
    number = re.sub(r"[^a-z0-9]+", "-", fold(meeting.minutes_number or "du-thao")).strip("-")
    return f"bien-ban-hop-hoi-dong-{number}.docx"


def _name(user) -> str:
    if user is None:
        return ""
    person = person_of(user)
    return person.full_name if person else user.get_full_name() or user.username


def _position(user) -> str:
    person = person_of(user) if user is not None else None
    return person.position if person and person.position else ""


class MinutesDocx:
    """`MinutesDocx(meeting).render()` returns the .docx bytes."""

    def __init__(self, meeting) -> None:
        self.meeting = meeting
        self.plan = Plan.objects.current()
        self.members = list(meeting.members.select_related("user__person"))
        self.tallies = tallies(meeting)

    def render(self) -> bytes:
        m, plan = self.meeting, self.plan
        number = m.minutes_number or f"{' ' * 3}/BB-{(plan.issuer.short_name or plan.issuer.code).upper()}"
        self.doc = OfficialDocument(
            agency_parent=plan.issuer_parent_name,
            agency=plan.issuer_name,
            number_symbol=number,
            place=plan.place,
            date_parts=m.minutes_date or m.date,
            doc_type="Biên bản",
            summary=f"Họp Hội đồng Thi đua – Khen thưởng xét khen thưởng năm {m.year}",
        )
        self._opening()
        self._figures()
        self._results()
        self._conclusion()
        self._signatures()
        return self.doc.to_bytes()

    def _opening(self) -> None:
        m = self.meeting
        self.doc.heading("I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", 1)
        self.doc.paragraph(f"Thời gian: ngày {m.date:%d/%m/%Y}. Địa điểm: {m.place or self.plan.issuer.name}.")
        self.doc.paragraph(f"Chủ tọa: {_name(m.chair) or '—'}. Thư ký: {_name(m.secretary) or '—'}.")
        present = [mb for mb in self.members if mb.present]
        absent = [mb for mb in self.members if not mb.present]
        self.doc.paragraph(
            f"Thành viên Hội đồng: {len(self.members):02d} người; có mặt {len(present):02d} người: "
            + (", ".join(_named(mb.user) for mb in present) or "—")
            + "."
        )
        if absent:
            self.doc.paragraph("Vắng mặt: " + ", ".join(_named(mb.user) for mb in absent) + ".")

    def _figures(self) -> None:
        m, total = self.meeting, len(self.members)
        self.doc.heading("II. NỘI DUNG", 1)
        self.doc.paragraph(
            f"Số thành viên có mặt tối thiểu: {share_text(m.quorum_share)} tổng số thành viên, "
            f"tức {quorum(m, total):02d} "
            f"người. Đề nghị được thông qua khi số phiếu đồng ý trên {share_text(m.pass_share)} tổng số thành viên "
            f"Hội đồng, trừ các danh hiệu có ngưỡng riêng ghi tại bảng dưới. Các tỷ lệ này là thiết lập của Hội đồng "
            f"(quy định hiện hành chưa tìm thấy), có thể thay đổi."
        )
        self.doc.paragraph(
            f"Hội đồng đã xem xét {len(self.tallies):02d} đề nghị khen thưởng; kết quả biểu quyết "
            f"như sau (bỏ phiếu kín chỉ ghi số phiếu):"
        )

    def _results(self) -> None:
        rows = []
        for index, t in enumerate(self.tallies, start=1):
            p = t.item.proposal
            rows.append(
                [
                    str(index),
                    str(p.subject),
                    p.subject_unit.name,
                    p.get_award_code_display(),
                    "Kín" if t.item.secret else "Công khai",
                    str(t.agree),
                    str(t.disagree),
                    str(t.abstain),
                    f"{'Thông qua' if t.passed else 'Không thông qua'} (cần {t.needed})",
                ]
            )
        if rows:
            self.doc.table(
                rows,
                header=[
                    "STT",
                    "Cá nhân / Tập thể",
                    "Đơn vị",
                    "Danh hiệu, hình thức",
                    "Biểu quyết",
                    "Đồng ý",
                    "Không đồng ý",
                    "Không có ý kiến",
                    "Kết quả",
                ],
            )
        for threshold in sorted({t.threshold for t in self.tallies if "ngưỡng riêng" in t.threshold}):
            self.doc.paragraph(f"Ngưỡng riêng: {threshold}.")

    def _conclusion(self) -> None:
        passed = sum(1 for t in self.tallies if t.passed)
        self.doc.heading("III. KẾT LUẬN", 1)
        if self.meeting.conclusion:
            for line in filter(None, (x.strip() for x in self.meeting.conclusion.splitlines())):
                self.doc.paragraph(line)
        self.doc.paragraph(
            f"Hội đồng thống nhất thông qua {passed:02d}/{len(self.tallies):02d} đề nghị; Văn "
            "phòng Sở hoàn thiện hồ sơ, "
            f"trình Giám đốc Sở quyết định hoặc trình cấp trên theo thẩm quyền. Biên bản được lập xong và thông qua "
            f"tại cuộc họp." + CLOSING_MARK
        )

    def _signatures(self) -> None:
        """Row 1: the secretary (left) and the chair (right, over both rows); row 2:
        Nơi nhận under the secretary."""
        table = nd30._two_column_table(self.doc._doc, nd30.SIGNATURE_COLUMNS, rows=2)
        for row in table.rows:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        chair = table.cell(0, 1).merge(table.cell(1, 1))
        nd30._fill_signer(table.cell(0, 0), "", "THƯ KÝ", _name(self.meeting.secretary))
        nd30._fill_signer(chair, "", "CHỦ TỌA", _name(self.meeting.chair))
        nd30._fill_recipients(table.cell(1, 0), ["Thành viên Hội đồng", "Lưu: VT, VP"])


def _named(user) -> str:
    position = _position(user)
    return f"{_name(user)} ({position})" if position else _name(user)
