"""The minutes (Biên bản) of a council meeting as a Word document in the layout of
Nghị định 30/2020: start time and place, the members by their seat on the council
(Chủ tịch, Phó Chủ tịch, Ủy viên, Thư ký), the council's Quy chế, the figures the vote
used (R17), the result for each proposal — counts only, never who voted what — the
conclusion and the end time, then the secretary's and the chair's signatures with Nơi
nhận under the secretary, as in the decree's model of minutes. The fixed texts are the
office's (`council.wording.MINUTES`)."""

import re

from thidua.core.text import fold
from thidua.council.enums import ROLE_ORDER
from thidua.council.tally import quorum, share_text, tallies
from thidua.council.wording import MINUTES
from thidua.documents import nd30
from thidua.documents.nd30 import OfficialDocument, number_to_fill
from thidua.organization.rules import name_of, person_of
from thidua.plans.models import Plan
from thidua.wording.models import BasisKind, cited_bases

CLOSING_MARK = "/."


def filename(meeting) -> str:
    number = re.sub(r"[^a-z0-9]+", "-", fold(meeting.minutes_number or "du-thao")).strip("-")
    return f"bien-ban-hop-hoi-dong-{number}.docx"


def _position(user) -> str:
    person = person_of(user) if user is not None else None
    return person.position if person and person.position else ""


class MinutesDocx:
    """`MinutesDocx(meeting).render()` returns the .docx bytes."""

    def __init__(self, meeting) -> None:
        self.meeting = meeting
        self.plan = Plan.objects.current()
        members = meeting.members.select_related("user__person")
        self.members = sorted(members, key=lambda m: (ROLE_ORDER.index(m.role), m.id))
        self.tallies = tallies(meeting)
        self.texts = MINUTES.in_force()

    def render(self) -> bytes:
        m, plan = self.meeting, self.plan
        number = m.minutes_number or number_to_fill("BB", plan.issuer, gap=3)
        self.doc = OfficialDocument.of_department(
            plan,
            number_symbol=number,
            date_parts=m.minutes_date or m.date,
            doc_type="Biên bản",
            summary=self.texts.get("trich_yeu", nam=m.year),
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
        start = f"bắt đầu lúc {_clock(m.starts_at)}, " if m.starts_at else ""
        self.doc.paragraph(f"Thời gian: {start}ngày {m.date:%d/%m/%Y}.")
        self.doc.paragraph(f"Địa điểm: {m.place or self.plan.issuer.name}.")
        for label, user in (("Chủ trì", m.chair), ("Thư ký", m.secretary)):
            if user is not None:
                self.doc.paragraph(f"{label}: {self._seated(user)}.")
        present = [mb for mb in self.members if mb.present]
        absent = [mb for mb in self.members if not mb.present]
        self.doc.paragraph(
            f"Thành phần: thành viên Hội đồng {len(self.members):02d} người, có mặt {len(present):02d} người:"
        )
        for line in punctuated_list_of(present):
            self.doc.paragraph(line)
        if absent:
            self.doc.paragraph(f"Vắng mặt {len(absent):02d} người:")
            for line in punctuated_list_of(absent):
                self.doc.paragraph(line)

    def _seated(self, user) -> str:
        """'Nguyễn Văn A, Giám đốc Sở, Chủ tịch Hội đồng': the name, the position and,
        for a member, the seat on the council."""
        member = next((mb for mb in self.members if mb.user_id == user.pk), None)
        return _member_line(member) if member else _named(user)

    def _figures(self) -> None:
        m, total = self.meeting, len(self.members)
        self.doc.heading("II. NỘI DUNG", 1)
        for line in cited_bases(BasisKind.COUNCIL):
            self.doc.paragraph(line.removesuffix(";") + ", Hội đồng họp xét khen thưởng năm " + f"{m.year}.")
        self.doc.paragraph(
            self.texts.get(
                "ty_le",
                ty_le_co_mat=share_text(m.quorum_share),
                so_co_mat=f"{quorum(m, total):02d}",
                ty_le_thong_qua=share_text(m.pass_share),
            )
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
        lines = [x.strip() for x in self.meeting.conclusion.splitlines() if x.strip()]
        lines.append(self.texts.get("ket_luan", so_thong_qua=f"{passed:02d}", so_de_nghi=f"{len(self.tallies):02d}"))
        if self.meeting.ends_at:
            lines.append(self.texts.get("ket_thuc", gio_ket_thuc=_clock(self.meeting.ends_at)))
        lines[-1] = lines[-1].rstrip("/.") + "." + CLOSING_MARK
        for line in lines:
            self.doc.paragraph(line)

    def _signatures(self) -> None:
        """Row 1: the secretary (left) and the chair (right, over both rows); row 2:
        Nơi nhận under the secretary."""
        self.doc.two_signatures(
            (self.texts.get("ky_trai"), name_of(self.meeting.secretary)),
            (self.texts.get("ky_phai"), name_of(self.meeting.chair)),
            self.texts.lines("noi_nhan"),
        )


def _named(user) -> str:
    return ", ".join(x for x in (name_of(user), _position(user)) if x)


def _member_line(member) -> str:
    return f"{_named(member.user)}, {member.get_role_display()}"


def punctuated_list_of(members) -> list[str]:
    return nd30.punctuated_list([_member_line(mb) for mb in members])


def _clock(moment) -> str:
    """'08 giờ 30'."""
    return f"{moment:%H} giờ {moment:%M}"
