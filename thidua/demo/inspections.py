"""The demo year's self-inspection: the third quarter of 2026 over three units, with a
short checklist drawn from the plan's content areas. One unit has answered, been taken
in, and has a follow-up action overdue since 15/10/2026; one has sent its checklist;
one has not started. Written through the services; keyed on the plan's title, so a
second run adds nothing."""

import datetime

from django.db import transaction
from django.utils import timezone

from thidua.inspections import services
from thidua.inspections.enums import AnswerResult, Severity
from thidua.inspections.models import InspectionPlan, UnitChecklist
from thidua.organization.models import Person, Unit, User
from thidua.plans.models import Plan

TITLE = "Tự kiểm tra việc thực hiện Phong trào thi đua quý III năm 2026"
START, END = datetime.date(2026, 7, 1), datetime.date(2026, 9, 30)
UNITS = ["PBGD", "TGPL", "CC1"]
ITEMS = [
    ("1", "Đã phổ biến, quán triệt Kế hoạch thực hiện Phong trào thi đua đến toàn thể cán bộ của đơn vị"),
    ("2", "Tỷ lệ văn bản đi được ký số đạt chỉ tiêu năm 2026"),
    ("4", "Cán bộ của đơn vị hoàn thành chương trình «Bình dân học vụ số» trên VNeID"),
    ("5", "Có giải pháp tiết kiệm điện, giảm in ấn giấy tờ"),
]
MET, NOT_MET = AnswerResult.MET, AnswerResult.NOT_MET
ANSWERS = {
    "PBGD": [
        (MET, "Hội nghị quán triệt ngày 15/5/2026"),
        (NOT_MET, "Mới đạt 72% văn bản đi được ký số"),
        (MET, "6/6 cán bộ hoàn thành"),
        (MET, "Đã chuyển sang họp không giấy tờ"),
    ],
    "TGPL": [
        (MET, ""),
        (MET, "95% văn bản đi được ký số"),
        (MET, "5/6 viên chức hoàn thành"),
        (NOT_MET, "Tài liệu trợ giúp pháp lý lưu động vẫn in nhiều"),
    ],
}


def _answer_and_send(checklist: UnitChecklist, head: User) -> None:
    for answer, (result, note) in zip(
        checklist.answers.select_related("checklist"), ANSWERS[checklist.unit.code], strict=True
    ):
        services.answer_item(actor=head, answer=answer, result=result, note=note)
    services.submit_checklist(actor=head, checklist=checklist)


def _finding_and_action(actor: User, checklist: UnitChecklist, finding: tuple, action: tuple) -> None:
    """A finding (severity, text) and the action it calls for (due, owner's code, text)."""
    severity, found = finding
    due_on, owner_code, text = action
    row = services.add_finding(actor=actor, checklist=checklist, severity=severity, text=found)
    owner = Person.objects.get(code=owner_code)
    services.add_action(actor=actor, checklist=checklist, finding=row, due_on=due_on, owner=owner, text=text)


def _follow_up_pbgd(checklist: UnitChecklist, office: User, head: User) -> None:
    services.accept_checklist(actor=office, checklist=checklist)
    _finding_and_action(
        office,
        checklist,
        (Severity.MEDIUM, "Tỷ lệ văn bản đi được ký số mới đạt 72%, thấp hơn chỉ tiêu 90% của năm 2026."),
        (
            datetime.date(2026, 10, 15),
            "PBGD-02",
            "Ký số toàn bộ văn bản đi của phòng; báo cáo tỷ lệ hằng tháng cho Văn phòng Sở.",
        ),
    )
    done = services.add_action(
        actor=office,
        checklist=checklist,
        due_on=datetime.date(2026, 9, 15),
        owner=Person.objects.get(code="PBGD-01"),
        text="Cập nhật danh sách cán bộ hoàn thành «Bình dân học vụ số».",
    )
    services.complete_action(
        actor=head,
        action=done,
        note="Đã cập nhật, gửi Văn phòng Sở.",
        on=min(datetime.date(2026, 9, 10), timezone.localdate()),
    )


def _follow_up_tgpl(checklist: UnitChecklist, head: User) -> None:
    _finding_and_action(
        head,
        checklist,
        (Severity.LOW, "Chưa có giải pháp giảm in tài liệu trợ giúp pháp lý lưu động."),
        (
            datetime.date(2026, 12, 31),
            "TGPL-03",
            "Gửi tài liệu trợ giúp pháp lý lưu động qua mạng xã hội thay cho bản in.",
        ),
    )


@transaction.atomic
def load(plan: Plan) -> str:
    if InspectionPlan.objects.filter(plan=plan, title=TITLE).exists():
        return "Tự kiểm tra: đã có đợt quý III/2026, không thêm gì."
    units = list(Unit.objects.filter(code__in=UNITS).order_by("order"))
    users = {u.username: u for u in User.objects.filter(username__in=["vanphong", "truongphong", "truongphong2"])}
    if len(units) < len(UNITS) or len(users) < 3:
        return "Tự kiểm tra: bỏ qua (chưa có đơn vị, tài khoản minh họa)."
    areas = {a.number: a for a in plan.content_areas.all()}
    inspection = services.create_inspection(
        actor=users["vanphong"],
        plan=plan,
        title=TITLE,
        year=2026,
        starts_on=START,
        ends_on=END,
        units=units,
        items=[{"text": text, "content_area": areas.get(number)} for number, text in ITEMS],
    )
    checklists = {c.unit.code: c for c in inspection.checklists.select_related("unit")}
    _answer_and_send(checklists["PBGD"], users["truongphong"])
    _answer_and_send(checklists["TGPL"], users["truongphong2"])
    _follow_up_pbgd(checklists["PBGD"], users["vanphong"], users["truongphong"])
    _follow_up_tgpl(checklists["TGPL"], users["truongphong2"])
    return (
        "Tự kiểm tra: thêm đợt quý III/2026 cho 3 đơn vị, 2 phát hiện, 3 việc khắc phục "
        "(1 việc hạn 15/10/2026 chưa xong)."
    )
