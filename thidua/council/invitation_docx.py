"""The invitation to a council meeting (Giấy mời họp Hội đồng Thi đua - Khen thưởng)
in the layout of Nghị định 30/2020: who is invited (the members seated at the
meeting, by their role in the council), when, where and what the meeting decides,
signed for the department. The number and day are written by the văn thư when it is
registered."""

from django.utils import timezone

from thidua.council.roles import council_roles
from thidua.council.wording import INVITATION
from thidua.documents.nd30 import OfficialDocument, number_to_fill
from thidua.plans.models import Plan

# --- fixed texts ------------------------------------------------------------------------
DOC_TYPE = "Giấy mời"
SYMBOL = "GM"
WEEKDAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]
CLOSING_MARK = "/."


def filename(meeting) -> str:
    return f"giay-moi-hop-hoi-dong-{meeting.date:%Y-%m-%d}.docx"


def day_text(day) -> str:
    """'thứ Sáu, ngày 08 tháng 01 năm 2027'."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{WEEKDAYS[day.weekday()]}, ngày {day.day:02d} tháng {month} năm {day.year}"


def _when(meeting) -> str:
    """'08 giờ 00, thứ Sáu, ngày 08 tháng 01 năm 2027' (the day alone while no start time is set)."""
    day = day_text(meeting.date)
    return f"{meeting.starts_at:%H} giờ {meeting.starts_at:%M}, {day}" if meeting.starts_at else day


class InvitationDocx:
    """`InvitationDocx(meeting).render()` returns the .docx bytes."""

    def __init__(self, meeting) -> None:
        self.meeting = meeting
        self.plan = Plan.objects.current()
        self.texts = INVITATION.in_force()

    def render(self) -> bytes:
        m, plan = self.meeting, self.plan
        issued = min(timezone.localdate(), m.date)  # sent before the meeting
        doc = OfficialDocument.of_department(
            plan,
            number_symbol=number_to_fill(SYMBOL, plan.issuer),
            date_parts=(None, None, issued.year),
            doc_type=DOC_TYPE,
            summary=self.texts.get("trich_yeu", nam=m.year),
        )
        doc.paragraph(self.texts.get("kinh_moi", ten_so=plan.issuer.name))
        doc.paragraph("1. Thành phần:", bold=True)
        doc.table(
            [[str(i), name, role] for i, (name, role) in enumerate(council_roles(m), start=1)],
            header=["STT", "Họ và tên", "Chức danh trong Hội đồng"],
        )
        doc.paragraph(f"2. Thời gian: {_when(m)}.")
        doc.paragraph(f"3. Địa điểm: {m.place or plan.issuer.name}.")
        content = self.texts.get("noi_dung", nam=m.year, so_truong_hop=f"{m.items.count():02d}")
        doc.paragraph("4. Nội dung: " + content)
        doc.paragraph(self.texts.get("de_nghi").rstrip("/.").strip() + "." + CLOSING_MARK)
        doc.signed_by(plan, self.texts.lines("noi_nhan"))
        return doc.to_bytes()
