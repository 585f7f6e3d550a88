"""The December–January part of the demo year (demo-story.md): the units propose LĐTT
for their people, CSTĐCS, Tập thể lao động tiên tiến and Giấy khen for 2026; the office
checks them (some are still waiting, one is returned to the unit); the council meets on
22/12/2026 and votes; the Director decides what is his on 28/12/2026, which enters the
awards in the register; in January the council passes the Tập thể lao động xuất sắc and
Bằng khen proposals, which the office forwards to the province.

The demo never records what has not happened yet: a meeting dated after today is only
scheduled, with its agenda but no votes and no minutes; the decision is not issued and
nothing is forwarded before its date. A later run, after those dates, plays the rest.

Before any of it, the office has recorded what the money of a decision rests on: the base
salary of 01/7/2024 confirmed against Nghị định 73/2024/NĐ-CP, its payment rule, and that
the Giấy khen goes without money (its multiple was not found, docs/law.md section 5).

Written through the services, so the activity log tells the story. Idempotent: a
proposal is keyed on its subject and achievement, a meeting on its title and date; each
is only moved forward from where it stands, so a second run adds nothing."""

import datetime
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from thidua.commendation import catalogue
from thidua.commendation import services as commendation
from thidua.commendation.eligibility.loading import evaluate_subjects
from thidua.commendation.eligibility.rules import achievement_key
from thidua.core.codes import State
from thidua.council import services as council
from thidua.council.models import Ballot, Meeting
from thidua.council.rules import conflict
from thidua.organization.models import Person, Unit, User
from thidua.proposals import services
from thidua.proposals.enums import STATES
from thidua.proposals.models import BaseSalary, Decision, PaymentRule, Proposal, Rounding

YEAR = 2026
MEETING = ("Phiên họp Hội đồng Thi đua – Khen thưởng xét khen thưởng năm 2026", datetime.date(2026, 12, 22))
UPPER_MEETING = ("Phiên họp Hội đồng xét đề nghị cấp trên khen thưởng năm 2026", datetime.date(2027, 1, 6))
DECIDED_ON = datetime.date(2026, 12, 28)
FORWARDED_ON = datetime.date(2027, 1, 8)
MEMBERS = ["giamdoc", "hoidong", "truongphong", "truongphong2"]  # the Director chairs; two unit heads sit
RETURN_REASON = "Báo cáo thành tích chưa nêu số liệu cụ thể về kết quả số hóa hồ sơ; đề nghị bổ sung rồi gửi lại."
OVERRIDE = "Tập thể tiêu biểu của Sở trong năm 2026 (minh họa); Hội đồng xem xét các tiêu chí chưa đạt."
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% To trinh de nghi khen thuong (minh hoa)\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


# Mức lương cơ sở from 01/7/2024: Nghị định 73/2024/NĐ-CP of 30/6/2024 (docs/law.md, section 5).
SALARY = (2340000, datetime.date(2024, 7, 1), "Nghị định số 73/2024/NĐ-CP", datetime.date(2024, 6, 30))
PAYMENT_RULE = {
    "effective_from": datetime.date(2024, 1, 1),
    "highest_only": True,
    "highest_only_basis": "Quy chế thi đua, khen thưởng của Sở, theo nguyên tắc của Nghị định 91/2017/NĐ-CP (minh họa)",
    "rounding": Rounding.DONG,
    "rounding_basis": "Nghị định 98/2023/NĐ-CP không quy định làm tròn; tính tròn đến đồng (minh họa)",
}
GK_NO_CASH = "Chưa có căn cứ về mức tiền thưởng kèm Giấy khen của Giám đốc Sở (minh họa)"


def _money_settings(office: User) -> None:
    """What the office records once, through its own pages' services (idempotent)."""
    amount, start, basis, signed = SALARY
    salary = BaseSalary.objects.filter(effective_from=start).first() or services.set_base_salary(
        actor=office, amount=amount, effective_from=start, basis=basis, basis_date=signed
    )
    if not salary.confirmed:
        services.confirm_base_salary(actor=office, salary=salary)
    if not PaymentRule.objects.filter(effective_from=PAYMENT_RULE["effective_from"]).exists():
        services.record_payment_rule(actor=office, **PAYMENT_RULE)
    certificate = catalogue.award_type("GK", start)
    if certificate is not None and not certificate.cash_settled:
        certificate.no_cash, certificate.no_cash_reason = True, GK_NO_CASH
        commendation.save_version(actor=office, edited=certificate)


def _happened(day: datetime.date) -> bool:
    return day <= timezone.localdate()


@dataclass(frozen=True)
class Item:
    subject: Person | Unit
    award: str
    proposer: str  # username
    target: str


def _accounts() -> dict[str, User]:
    names = ["vanphong", *MEMBERS]
    return {u.username: u for u in User.objects.filter(username__in=names)}


def _eligible_ldtt(people: list[Person]) -> set[int]:
    results = evaluate_subjects(YEAR, people, ["LDTT"])
    return {int(r.subject.split(":")[1]) for r in results if r.verdict == "eligible"}


def _story(people: dict[str, Person], units: dict[str, Unit]) -> list[Item]:
    """What each unit proposes and where the story leaves it."""
    heads = {"PBGD": "truongphong", "TGPL": "truongphong2"}
    staff = [p for code, p in sorted(people.items()) if p.unit.code in heads]
    ldtt = _eligible_ldtt(staff)
    items = [Item(p, "LDTT", heads[p.unit.code], State.DECIDED) for p in staff if p.pk in ldtt]
    items += [
        Item(people["TGPL-03"], "CSTDCS", "truongphong2", State.DECIDED),
        Item(people["TGPL-01"], "GK", "truongphong2", State.DECIDED),
        Item(people["PBGD-04"], "GK", "truongphong", State.RETURNED),
        Item(units["XDKT"], "TTLDTT", "vanphong", State.DECIDED),
        Item(units["BTTP"], "TTLDTT", "vanphong", State.DECIDED),
        Item(units["CC1"], "TTLDTT", "vanphong", State.ACCEPTED),
    ]
    items += [
        Item(people[code], "LDTT", "vanphong", State.SUBMITTED) for code in ("CC1-02", "CC1-03") if code in people
    ]
    return [i for i in items if i.subject is not None]


def _upper(people, units) -> list[Item]:
    return [
        Item(units["TGPL"], "TTLDXS", "vanphong", State.FORWARDED),
        Item(people["TGPL-03"], "BK_TINH", "vanphong", State.FORWARDED),
    ]


def _proposal(item: Item, accounts) -> tuple[Proposal, bool]:
    field = {"person": item.subject} if isinstance(item.subject, Person) else {"unit": item.subject}
    key = achievement_key(item.award, YEAR)
    found = Proposal.objects.filter(**field, achievement_key=key).exclude(state=State.REJECTED).first()
    if found is not None:
        return found, False
    proposal = services.create_proposal(
        actor=accounts[item.proposer], subject=item.subject, award_code=item.award, year=YEAR
    )
    services.attach(
        actor=accounts[item.proposer],
        proposal=proposal,
        document="to_trinh",
        upload=SimpleUploadedFile("to-trinh-de-nghi-khen-thuong.pdf", PDF, "application/pdf"),
    )
    return proposal, True


def _check(proposal: Proposal, item: Item, accounts) -> None:
    """Submitted by the unit, then checked by the office as far as the story goes."""
    office = accounts["vanphong"]
    if proposal.state == State.DRAFT:
        proposal = services.submit(actor=accounts[item.proposer], proposal=proposal)
    if proposal.state != State.SUBMITTED or item.target == State.SUBMITTED:
        return
    if item.target == State.RETURNED:
        services.return_proposal(actor=office, proposal=proposal, reason=RETURN_REASON)
        return
    verdict = services.refresh_verdict(proposal)
    services.accept(actor=office, proposal=proposal, override_reason=OVERRIDE if verdict.not_eligible else "")


def _meeting(title: str, day: datetime.date, accounts) -> Meeting:
    meeting = Meeting.objects.filter(title=title, date=day).first()
    if meeting is None:
        members = [accounts[name] for name in MEMBERS if name in accounts]
        meeting = council.create_meeting(
            actor=accounts["vanphong"],
            title=title,
            date=day,
            year=YEAR,
            place="Phòng họp Sở Tư pháp",
            members=members,
            chair=accounts["giamdoc"],
            secretary=accounts["vanphong"],
        )
    return meeting


def _council(meeting: Meeting, proposals: list[Proposal], accounts) -> None:
    """The office puts the accepted proposals before the meeting; once its day has come
    each member votes (none on their own unit's) and the office issues the minutes."""
    if meeting.is_closed:
        return
    for proposal in proposals:
        if proposal.state == State.ACCEPTED:
            council.send_to_council(actor=accounts["vanphong"], proposal=proposal, meeting=meeting)
    if not _happened(meeting.date):
        return
    voted = set(Ballot.objects.filter(item__meeting=meeting).values_list("item_id", "member_id"))
    for item in meeting.items.select_related("proposal__subject_unit"):
        for name in MEMBERS:
            user = accounts.get(name)
            if user and (item.pk, user.pk) not in voted and conflict(user, item.proposal) is None:
                council.cast_vote(actor=user, meeting=meeting, proposal=item.proposal, choice="agree")
    council.close_meeting(
        actor=accounts["vanphong"],
        meeting=meeting,
        on=meeting.date,
        starts_at=datetime.time(8, 0),
        ends_at=datetime.time(10, 30),
        conclusion="Các thành viên thống nhất với đề nghị của Văn phòng Sở (minh họa).",
    )


def _refreshed(proposals: list[Proposal]) -> list[Proposal]:
    return list(Proposal.objects.filter(pk__in=[p.pk for p in proposals]).order_by("id"))


def _director(proposals: list[Proposal], accounts) -> Decision | None:
    if not _happened(DECIDED_ON):
        return None
    director = accounts["giamdoc"]
    for proposal in proposals:
        if proposal.state == State.UNDER_REVIEW:
            services.approve(actor=director, proposal=proposal)
    approved = [p for p in _refreshed(proposals) if p.state == State.APPROVED]
    if not approved:
        return None
    return services.issue_decision(actor=director, proposals=approved, date=DECIDED_ON)


def _forward(proposals: list[Proposal], accounts) -> int:
    if not _happened(FORWARDED_ON):
        return 0
    moved = 0
    for proposal in proposals:
        if proposal.state == State.UNDER_REVIEW:
            services.forward(
                actor=accounts["vanphong"],
                proposal=proposal,
                on=FORWARDED_ON,
                note="Tờ trình đề nghị Chủ tịch UBND tỉnh khen thưởng (minh họa)",
            )
            moved += 1
    return moved


def _waiting() -> str:
    """Tells whoever loads the demo before the story's end that a later run plays the rest."""
    ahead = [day for day in (MEETING[1], DECIDED_ON, UPPER_MEETING[1], FORWARDED_ON) if not _happened(day)]
    if not ahead:
        return ""
    return f" Các bước từ ngày {min(ahead):%d/%m/%Y} chưa diễn ra: chạy lại «thidua load_demo» sau ngày đó để nạp tiếp."


def _stage(items: list[Item], title_day: tuple, accounts) -> tuple[int, list[Proposal]]:
    created, proposals = 0, []
    for item in items:
        proposal, new = _proposal(item, accounts)
        created += new
        _check(Proposal.objects.get(pk=proposal.pk), item, accounts)
        proposals.append(proposal)
    going = [
        p
        for p, i in zip(_refreshed(proposals), items, strict=True)
        if STATES.index(i.target) >= STATES.index(State.UNDER_REVIEW)
    ]
    if going and any(p.state in (State.ACCEPTED, State.UNDER_REVIEW) for p in going):
        _council(_meeting(*title_day, accounts), going, accounts)
    return created, _refreshed(going)


@transaction.atomic
def load(plan) -> str:
    """Add this app's part of the demo story. Returns a one-line summary."""
    accounts = _accounts()
    if set(accounts) != {"vanphong", *MEMBERS}:
        return "Đề nghị khen thưởng: thiếu tài khoản minh họa, không thêm gì."
    _money_settings(accounts["vanphong"])
    people = {p.code: p for p in Person.objects.filter(unit__code__in=["PBGD", "TGPL", "CC1"]).select_related("unit")}
    units = {u.code: u for u in Unit.objects.filter(code__in=["XDKT", "BTTP", "CC1", "TGPL"])}
    items = _story(people, units)
    created, decided_here = _stage(items, MEETING, accounts)
    decision = _director(decided_here, accounts)
    upper = _upper(people, units)
    more, forwarded = _stage(upper, UPPER_MEETING, accounts)
    moved = _forward(forwarded, accounts)
    number = decision.number_symbol if decision else "không có quyết định mới"
    return (
        f"Đề nghị khen thưởng: thêm {created + more} đề nghị, quyết định của Giám đốc: {number}, "
        f"{moved} đề nghị trình UBND tỉnh.{_waiting()}"
    )
