"""The initiatives of the demo year (demo-story.md): submitted between May and
September, scored by the council in October, three recognised at base level, one
returned for more evidence, one put forward to the province and one applied by another
unit. Written through the services so the activity log tells the story. Idempotent:
an initiative already stored (same title and unit) is left as it is."""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from thidua.core.codes import State
from thidua.initiatives import services
from thidua.initiatives.enums import Tag
from thidua.initiatives.models import Adoption, Initiative
from thidua.organization.models import Person, Unit, User
from thidua.plans.models import ContentArea, Plan


@dataclass(frozen=True)
class Story:
    title: str
    unit: str
    creator: str  # username of the account that enters it
    authors: list[tuple[str, int]]  # (person code, share)
    area: str  # content area number
    tags: list[str]
    problem: str
    solution: str
    novelty: str
    applied_where: str
    applied_since: datetime.date | None
    benefits: dict = field(default_factory=dict)
    scores: dict = field(default_factory=dict)  # username → (novelty, effectiveness, applicability, comment)
    outcome: str = State.SUBMITTED  # where the story leaves it
    decision: tuple[str, datetime.date] | None = None
    return_reason: str = ""
    submitted: datetime.date | None = None  # the day the unit sent it (May–September)


OCT = 2026, 10
STORIES = [
    Story(
        "Số hóa và tra cứu hồ sơ lý lịch tư pháp",
        "PBGD",
        "chuyenvien",
        [("PBGD-02", 60), ("PBGD-03", 40)],
        "2",
        [Tag.DIGITAL, Tag.ADMIN_REFORM],
        "Hồ sơ lý lịch tư pháp lưu trên giấy, tra cứu mỗi yêu cầu mất nhiều giờ và dễ thất lạc.",
        "Quét và đánh chỉ mục toàn bộ hồ sơ từ năm 2010; tra cứu theo họ tên không dấu, ngày sinh, số giấy tờ.",
        "Lần đầu hồ sơ lý lịch tư pháp của Sở được tra cứu điện tử, kết nối với tiếp nhận trực tuyến.",
        "Phòng Phổ biến, giáo dục pháp luật và Hành chính tư pháp",
        datetime.date(2026, 5, 4),
        {"hours_saved": 1200, "paper_saved": 45000, "people_served": 6800},
        {"hoidong": (8, 9, 8, "Hiệu quả rõ, nên nhân rộng."), "giamdoc": (9, 9, 8, "")},
        State.RECOGNISED,
        ("215/QĐ-STP", datetime.date(*OCT, 20)),
        submitted=datetime.date(2026, 6, 10),
    ),
    Story(
        "Trợ lý ảo hỏi đáp pháp luật cho người dân",
        "TGPL",
        "truongphong2",
        [("TGPL-01", 50), ("TGPL-03", 50)],
        "4",
        [Tag.DIGITAL],
        "Người dân vùng sâu, vùng xa khó tiếp cận trợ giúp viên pháp lý để hỏi những câu thường gặp.",
        "Trợ lý ảo trên Zalo trả lời câu hỏi thường gặp về đất đai, hôn nhân, thừa kế; chuyển trợ giúp viên khi cần.",
        "Kho câu hỏi đáp bằng tiếng Việt dễ hiểu, có bản tiếng Dao và H'Mông cho các câu thường gặp nhất.",
        "Trung tâm Trợ giúp pháp lý nhà nước và 12 xã vùng cao",
        datetime.date(2026, 6, 15),
        {"hours_saved": 800, "people_served": 3500},
        {"hoidong": (9, 8, 9, ""), "giamdoc": (9, 8, 8, "Cần bổ sung số liệu 6 tháng.")},
        State.RECOGNISED,
        ("216/QĐ-STP", datetime.date(*OCT, 20)),
        submitted=datetime.date(2026, 7, 20),
    ),
    Story(
        "Ký số 100% văn bản đi",
        "VP",
        "vanphong",
        [("VP-02", 70), ("VP-04", 30)],
        "2",
        [Tag.DIGITAL, Tag.GREEN],
        "Văn bản đi phải in, ký tay, đóng dấu rồi quét lại để gửi điện tử: tốn giấy và chậm.",
        "Toàn bộ văn bản đi được ký số trên hệ thống quản lý văn bản; chỉ in khi nơi nhận không có hệ thống.",
        "Quy trình ký số cả lãnh đạo và văn thư, kèm sổ theo dõi văn bản ký số.",
        "Văn phòng Sở và các phòng thuộc Sở",
        datetime.date(2026, 3, 1),
        {"hours_saved": 600, "cost_saved": 38_000_000, "paper_saved": 52000},
        {"giamdoc": (7, 9, 9, "")},
        State.RECOGNISED,
        ("217/QĐ-STP", datetime.date(*OCT, 22)),
        submitted=datetime.date(2026, 5, 15),
    ),
    Story(
        "Họp không giấy tờ",
        "XDKT",
        "vanphong",
        [("XDKT-01", 100)],
        "5",
        [Tag.GREEN, Tag.DIGITAL],
        "Tài liệu họp in cho từng người dự, thường thay đổi sát giờ họp.",
        "Tài liệu họp gửi trên phần mềm, đại biểu đọc trên máy tính bảng; biểu quyết trực tuyến.",
        "Áp dụng cho cả họp giao ban và họp hội đồng của Sở.",
        "Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật",
        datetime.date(2026, 7, 1),
        {"paper_saved": 9000},
        {},
        State.RETURNED,
        return_reason="Bổ sung minh chứng: số cuộc họp đã áp dụng và số trang giấy tiết kiệm được theo tháng.",
        submitted=datetime.date(2026, 8, 5),
    ),
    Story(
        "Công chứng điện tử, giảm in ấn giấy tờ",
        "CC1",
        "vanphong",
        [("CC1-02", 60), ("CC1-03", 40)],
        "5",
        [Tag.GREEN, Tag.ADMIN_REFORM],
        "Mỗi hồ sơ công chứng in nhiều bản nháp để người yêu cầu đọc lại.",
        "Người yêu cầu đọc dự thảo trên màn hình, chỉ in bản chính thức; lưu trữ hồ sơ điện tử.",
        "Lần đầu một tổ chức hành nghề công chứng trong tỉnh bỏ bản nháp giấy.",
        "Phòng Công chứng số 1",
        datetime.date(2026, 8, 1),
        {"paper_saved": 30000, "cost_saved": 15_000_000},
        {},
        State.UNDER_REVIEW,
        submitted=datetime.date(2026, 9, 10),
    ),
    Story(
        "Trợ giúp pháp lý lưu động qua loa truyền thanh xã",
        "TGPL",
        "truongphong2",
        [("TGPL-04", 100)],
        "4",
        [Tag.OTHER],
        "Người dân ở thôn xa ít dự được các buổi trợ giúp pháp lý lưu động.",
        "Phát các tình huống pháp lý ngắn trên loa truyền thanh xã trước mỗi đợt trợ giúp lưu động.",
        "Kết hợp truyền thanh với lịch trợ giúp lưu động và số điện thoại đường dây nóng.",
        "",
        None,
        {},
        {},
        State.DRAFT,
    ),
]
ADOPTION = (
    "Ký số 100% văn bản đi",
    "PBGD",
    "truongphong",
    datetime.date(2026, 11, 2),
    "Toàn bộ văn bản đi của phòng được ký số từ tháng 11/2026; không còn in để ký tay.",
)
PUT_FORWARD = "Số hóa và tra cứu hồ sơ lý lịch tư pháp"


def _users() -> dict[str, User]:
    return {
        u.username: u
        for u in User.objects.filter(
            username__in=["vanphong", "truongphong", "chuyenvien", "truongphong2", "hoidong", "giamdoc"]
        )
    }


def _create(story: Story, plan: Plan, users: dict[str, User]) -> Initiative:
    people = {p.code: p for p in Person.objects.filter(code__in=[c for c, _ in story.authors])}
    data = {
        "title": story.title,
        "unit": Unit.objects.get(code=story.unit),
        "content_area": ContentArea.objects.get(plan=plan, number=story.area),
        "tags": story.tags,
        "problem": story.problem,
        "solution": story.solution,
        "novelty": story.novelty,
        "applied_where": story.applied_where,
        "applied_since": story.applied_since,
        **story.benefits,
    }
    authors = [services.AuthorShare(people[code], share) for code, share in story.authors]
    return services.create_initiative(actor=users[story.creator], data=data, authors=authors)


def _tell(story: Story, initiative: Initiative, users: dict[str, User]) -> None:
    """Move a new initiative along its story: submit, review, scores, outcome."""
    if story.outcome == State.DRAFT:
        return
    office = users["vanphong"]
    sent = (
        timezone.make_aware(datetime.datetime.combine(story.submitted, datetime.time(9))) if story.submitted else None
    )
    initiative = services.submit(actor=users[story.creator], initiative=initiative, at=sent)
    initiative = services.start_review(actor=office, initiative=initiative)
    for username, (novelty, effectiveness, applicability, comment) in story.scores.items():
        services.score(
            actor=users[username],
            initiative=initiative,
            novelty=novelty,
            effectiveness=effectiveness,
            applicability=applicability,
            comment=comment,
        )
    if story.outcome == State.RECOGNISED:
        number, date = story.decision
        services.recognise(actor=office, initiative=initiative, decision_number=number, decision_date=date)
    elif story.outcome == State.RETURNED:
        services.return_for_changes(actor=office, initiative=initiative, reason=story.return_reason)


def _follow_up(users: dict[str, User]) -> list[str]:
    """The province proposal and the adoption, each added only when missing."""
    done = []
    forward = Initiative.objects.filter(title=PUT_FORWARD, state=State.RECOGNISED, put_forward=False).first()
    if forward is not None:
        services.put_forward(actor=users["vanphong"], initiative=forward)
        done.append("đề nghị cấp tỉnh")
    title, unit_code, username, applied_on, result = ADOPTION
    adopted = Initiative.objects.filter(title=title, state=State.RECOGNISED).first()
    unit = Unit.objects.get(code=unit_code)
    if adopted is not None and not Adoption.objects.filter(initiative=adopted, unit=unit).exists():
        services.mark_applied(
            actor=users[username], initiative=adopted, unit=unit, applied_on=applied_on, result=result
        )
        done.append("1 đơn vị áp dụng")
    return done


@transaction.atomic
def load(plan: Plan) -> str:
    users = _users()
    created = 0
    for story in STORIES:
        if Initiative.objects.filter(title=story.title, unit__code=story.unit).exists():
            continue
        _tell(story, _create(story, plan, users), users)
        created += 1
    follow_up = _follow_up(users)
    extra = f" ({', '.join(follow_up)})" if follow_up else ""
    return f"Sáng kiến: thêm {created} sáng kiến{extra}."
