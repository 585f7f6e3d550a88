"""The difficulties of the demo year: three raised by units, one decided by the Director,
one with the Director after the office's review, one just sent. Written through the
services so the activity log tells the story. Keyed on (unit, title): what exists is
left as it is."""

from dataclasses import dataclass

from django.db import transaction

from thidua.difficulties import services
from thidua.difficulties.models import Difficulty
from thidua.organization.models import Unit, User
from thidua.plans.models import Plan


@dataclass(frozen=True)
class Story:
    unit: str
    raised_by: str
    area: str
    title: str
    description: str
    proposal: str
    source: str = ""
    review: tuple[str, str] | None = None
    decision: str = ""


STORIES = [
    Story(
        "TGPL",
        "truongphong2",
        "2",
        "Thiếu thiết bị ký số (USB token) cho trợ giúp viên pháp lý",
        "Trung tâm có 6 viên chức nhưng mới được cấp 2 chứng thư số cá nhân; văn bản trả lời người được trợ "
        "giúp pháp lý vẫn phải in, ký tay và scan, chưa đạt chỉ tiêu ký số 100% văn bản đi.",
        "Đề nghị Sở đăng ký cấp bổ sung 4 chứng thư số cá nhân cho trợ giúp viên pháp lý trong quý III/2026.",
        source="Báo cáo 6 tháng đầu năm 2026",
        review=(
            "Trung tâm TGPL và Phòng Công chứng số 1 cùng thiếu chứng thư số; tổng nhu cầu bổ sung của toàn "
            "Sở là 7 chứng thư.",
            "Đề nghị Giám đốc đồng ý để Văn phòng Sở lập danh sách, gửi Sở Khoa học và Công nghệ đề nghị cấp "
            "bổ sung 7 chứng thư số trong tháng 8/2026.",
        ),
        decision="Đồng ý. Giao Văn phòng Sở lập danh sách, gửi Sở Khoa học và Công nghệ trước ngày 15/8/2026; "
        "các đơn vị ký số toàn bộ văn bản đi ngay khi được cấp chứng thư.",
    ),
    Story(
        "PBGD",
        "truongphong",
        "2",
        "Phần mềm lý lịch tư pháp chưa kết nối với Cơ sở dữ liệu quốc gia về dân cư",
        "Phần mềm cấp Phiếu lý lịch tư pháp của Sở chưa được kết nối, đồng bộ với Cơ sở dữ liệu quốc gia về "
        "dân cư nên cán bộ vẫn phải đối chiếu thông tin thủ công, kéo dài thời gian giải quyết hồ sơ trực tuyến.",
        "Đề nghị Sở có văn bản gửi Bộ Tư pháp và Công an tỉnh đề nghị hỗ trợ kết nối trong năm 2026.",
        review=(
            "Việc kết nối phụ thuộc Bộ Tư pháp (chủ quản phần mềm) và Công an tỉnh (cơ sở dữ liệu dân cư); "
            "tỷ lệ hồ sơ lý lịch tư pháp nộp trực tuyến đang thấp hơn chỉ tiêu năm 2026.",
            "Đề nghị Giám đốc giao Phòng PBGDPL và HCTP dự thảo công văn gửi Bộ Tư pháp, Công an tỉnh trong tháng này.",
        ),
    ),
    Story(
        "PBGD",
        "chuyenvien",
        "5",
        "Chưa có hướng dẫn đo mức tiêu thụ điện của từng phòng",
        "Tiêu chí chuyển đổi xanh yêu cầu giảm điện năng tiêu thụ, nhưng trụ sở chỉ có một công tơ chung nên "
        "đơn vị không có số liệu riêng để báo cáo.",
        "Đề nghị Văn phòng Sở hướng dẫn cách ước tính điện năng tiêu thụ theo từng phòng.",
    ),
]


def _play(story: Story, plan: Plan, units: dict, users: dict) -> None:
    area = plan.content_areas.filter(number=story.area).first()
    difficulty = services.raise_difficulty(
        actor=users[story.raised_by],
        plan=plan,
        unit=units[story.unit],
        title=story.title,
        description=story.description,
        proposal=story.proposal,
        content_area=area,
        source_label=story.source,
    )
    if story.review:
        services.accept_difficulty(actor=users["vanphong"], difficulty=difficulty)
        services.review_difficulty(
            actor=users["vanphong"], difficulty=difficulty, summary=story.review[0], recommendation=story.review[1]
        )
    if story.decision:
        services.decide_difficulty(actor=users["giamdoc"], difficulty=difficulty, decision=story.decision)


@transaction.atomic
def load(plan: Plan) -> str:
    units = {u.code: u for u in Unit.objects.filter(code__in={s.unit for s in STORIES})}
    needed = {s.raised_by for s in STORIES} | {"vanphong", "giamdoc"}
    users = {u.username: u for u in User.objects.filter(username__in=needed)}
    if len(units) < len({s.unit for s in STORIES}) or set(users) != needed:
        return "Khó khăn, vướng mắc: bỏ qua (chưa có đơn vị, tài khoản minh họa)."
    existing = set(Difficulty.objects.filter(unit__in=units.values()).values_list("unit__code", "title"))
    added = 0
    for story in STORIES:
        if (story.unit, story.title) not in existing:
            _play(story, plan, units, users)
            added += 1
    return f"Khó khăn, vướng mắc: thêm {added}, đã có {len(STORIES) - added}."
