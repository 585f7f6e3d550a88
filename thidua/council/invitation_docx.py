"""The invitation to a council meeting (Giấy mời họp Hội đồng Thi đua - Khen thưởng)
in the layout of Nghị định 30/2020: who is invited (the members seated at the
meeting, by their role in the council), when, where and what the meeting decides,
signed for the department. The number and day are written by the văn thư when it is
registered."""

from django.utils import timezone

from thidua.council.roles import council_roles
from thidua.documents.nd30 import OfficialDocument, number_to_fill
from thidua.plans.models import Plan

# --- fixed texts ------------------------------------------------------------------------
DOC_TYPE = "Giấy mời"
SYMBOL = "GM"
COUNCIL = "Hội đồng Thi đua - Khen thưởng"
SUMMARY = "Họp Hội đồng Thi đua - Khen thưởng xét khen thưởng năm {year}"
INVITE = "{agency} trân trọng kính mời các thành viên {council} Sở dự phiên họp, cụ thể như sau:"
CONTENT = "Xét, đề nghị khen thưởng năm {year}: {count} trường hợp do Văn phòng Sở trình Hội đồng."
REQUEST = (
    "Đề nghị các thành viên Hội đồng nghiên cứu hồ sơ trước phiên họp và tham dự đầy đủ, đúng thành phần. "
    "Văn phòng Sở chuẩn bị hồ sơ, tài liệu và địa điểm phiên họp."
)
RECIPIENTS = ["Như thành phần mời", "Lưu: VT, VP"]
WEEKDAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]
CLOSING_MARK = "/."


def filename(meeting) -> str:
    return f"giay-moi-hop-hoi-dong-{meeting.date:%Y-%m-%d}.docx"


def day_text(day) -> str:
    """'thứ Sáu, ngày 08 tháng 01 năm 2027'."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{WEEKDAYS[day.weekday()]}, ngày {day.day:02d} tháng {month} năm {day.year}"


class InvitationDocx:
    """`InvitationDocx(meeting).render()` returns the .docx bytes."""

    def __init__(self, meeting) -> None:
        self.meeting = meeting
        self.plan = Plan.objects.current()

    def render(self) -> bytes:
        m, plan = self.meeting, self.plan
        issued = min(timezone.localdate(), m.date)  # sent before the meeting
        doc = OfficialDocument.of_department(
            plan,
            number_symbol=number_to_fill(SYMBOL, plan.issuer),
            date_parts=(None, None, issued.year),
            doc_type=DOC_TYPE,
            summary=SUMMARY.format(year=m.year),
        )
        doc.paragraph(INVITE.format(agency=plan.issuer.name, council=COUNCIL))
        doc.paragraph("1. Thành phần:", bold=True)
        doc.table(
            [[str(i), name, role] for i, (name, role) in enumerate(council_roles(m), start=1)],
            header=["STT", "Họ và tên", "Chức danh trong Hội đồng"],
        )
        doc.paragraph(f"2. Thời gian: {day_text(m.date)}.")
        doc.paragraph(f"3. Địa điểm: {m.place or plan.issuer.name}.")
        doc.paragraph("4. Nội dung: " + CONTENT.format(year=m.year, count=f"{m.items.count():02d}"))
        doc.paragraph(REQUEST + CLOSING_MARK)
        doc.signed_by(plan, RECIPIENTS)
        return doc.to_bytes()
