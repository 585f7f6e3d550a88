"""The evaluation of the demo year (demo-story.md, December 2026): the office opens the
2026 scoring sheet and sets the points of each criterion; six units and three people
assess themselves, linking the results they recorded; the council member (hoidong) and
the Director (giamdoc) score them — hoidong does not score the office, his own unit, so
the office waits for a second member's score before it is ranked. Each person is scored
on the criterion of their kind (cán bộ, công chức, viên chức; or "Đối tượng khác", here
a người lao động of the legal aid centre). The judicial support division (BTTP) was not
given the task of criterion 5 this year and marks it "không áp dụng". The auction centre
(DGTS), which recorded nothing after June, has not assessed itself.

Idempotent: the sheet is keyed on its plan and year (its points are set only when it is
created), a self-assessment on its subject, a council score on its member and subject;
what exists is left as it is."""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext

from thidua.evaluation import applicability, services
from thidua.evaluation.models import CouncilScore, ScoringSheet, SelfAssessment
from thidua.organization.enums import CIVIL_SERVANTS, Category, Role
from thidua.organization.models import Membership, Person, Unit, User
from thidua.plans.enums import SubjectKind
from thidua.plans.models import Plan

YEAR = 2026
OTHER_CATEGORIES = [value for value in Category.values if value not in CIVIL_SERVANTS]
# Most points per criterion number: the office weighs digital transformation highest.
POINTS = {
    SubjectKind.COLLECTIVE: {"1": 25, "2": 15, "3": 15, "4": 30, "5": 15},
    # A person is scored on their kind's criterion only: each is the whole 100.
    SubjectKind.INDIVIDUAL: {"1": 100, "2": 100},
}
# Scores in the order of the criteria: (own, giamdoc's, hoidong's or None).
UNITS = {
    "VP": ((23, 13, 14, 28, 12), (22, 13, 13, 27, 12), None),  # hoidong works in VP: no score
    "XDKT": ((20, 12, 14, 24, 12), (19, 11, 13, 23, 11), (18, 12, 12, 22, 11)),
    "PBGD": ((24, 14, 13, 29, 13), (24, 14, 13, 28, 13), (23, 14, 14, 29, 12)),
    "BTTP": ((19, 11, 12, 22, None), (18, 10, 11, 20, None), (17, 10, 10, 21, None)),
    "TGPL": ((24, 13, 12, 28, 12), (23, 14, 12, 29, 13), (24, 13, 13, 28, 12)),
    "CC1": ((21, 14, 11, 27, 10), (20, 13, 10, 26, 10), (21, 12, 11, 27, 11)),
}
# Criteria a unit was not given this year (criterion number → reason).
NOT_APPLICABLE = {
    "BTTP": {"5": "Năm 2026 phòng không được giao chủ trì, phối hợp tham mưu cơ chế, chính sách hỗ trợ doanh nghiệp."},
}
# One score each, on the criterion of the person's kind.
PEOPLE = {
    "PBGD-02": ((92,), (90,), (91,)),
    "TGPL-01": ((85,), (82,), (80,)),
}
# The "Đối tượng khác" of the demo: the first người lao động of the legal aid centre.
OTHER_KIND_UNIT = "TGPL"
OTHER_KIND_SCORES = ((80,), (76,), (78,))
NOTES = {
    "4": "Kết quả chuyển đổi số của đơn vị trong năm, có minh chứng kèm theo.",
    "1": "Có sáng kiến, giải pháp được áp dụng trong năm.",
}


def _numbers(values) -> list[Decimal | None]:
    return [Decimal(v) if v is not None else None for v in values]


def _open_sheet(plan: Plan, office: User) -> tuple[ScoringSheet, bool]:
    sheet = ScoringSheet.objects.filter(plan=plan, year=YEAR).first()
    if sheet is not None:
        return sheet, False
    sheet = services.create_sheet(actor=office, plan=plan, year=YEAR)
    points = {
        item.pk: Decimal(POINTS[item.criterion.subject_kind][item.criterion.number])
        for item in sheet.items.select_related("criterion")
    }
    services.set_points(actor=office, sheet=sheet, points=points)
    return sheet, True


def _items(sheet: ScoringSheet, subject) -> list:
    return applicability.items_for(sheet, subject)


def _assessor(subject, office: User) -> User:
    """The unit's head, the person's own account, or the office entering it for them."""
    if isinstance(subject, Person):
        return subject.user or office
    head = Membership.objects.filter(role=Role.UNIT_HEAD, unit=subject).select_related("user").first()
    return head.user if head else office


def _self_assess(sheet, subject, items, scores, office: User) -> int:
    if SelfAssessment.objects.for_subject(subject).filter(item__sheet=sheet).exists():
        return 0
    results = list(services.linkable_results(sheet, subject).values_list("pk", "criterion_id"))
    reasons = NOT_APPLICABLE.get(getattr(subject, "code", ""), {}) if isinstance(subject, Unit) else {}
    lines = [
        services.SelfLine(
            item=item,
            score=value,
            note=NOTES.get(item.criterion.number, "") if value is not None else "",
            results=tuple(pk for pk, criterion in results if criterion == item.criterion_id) if value else (),
            not_applicable=item.criterion.number in reasons,
            reason=reasons.get(item.criterion.number, ""),
        )
        for item, value in zip(items, _numbers(scores), strict=True)
    ]
    services.self_assess(actor=_assessor(subject, office), sheet=sheet, subject=subject, lines=lines)
    return 1


def _council(sheet, subject, items, scores, member: User | None) -> int:
    if scores is None or member is None:
        return 0
    if CouncilScore.objects.for_subject(subject).filter(item__sheet=sheet, member=member).exists():
        return 0
    lines = [services.CouncilLine(item=item, score=value) for item, value in zip(items, _numbers(scores), strict=True)]
    services.council_score(actor=member, sheet=sheet, subject=subject, lines=lines)
    return sum(1 for line in lines if line.score is not None)


def _subjects(codes: dict, model) -> list:
    found = model.objects.in_bulk(list(codes), field_name="code")
    return [(found[code], scores) for code, scores in codes.items() if code in found]


def _other_kind() -> list:
    person = (
        Person.objects.filter(unit__code=OTHER_KIND_UNIT, category__in=OTHER_CATEGORIES, is_demo=True)
        .order_by("code")
        .first()
    )
    return [(person, OTHER_KIND_SCORES)] if person else []


@transaction.atomic
def load(plan: Plan) -> str:
    accounts = User.objects.in_bulk(["vanphong", "hoidong", "giamdoc"], field_name="username")
    if "vanphong" not in accounts or not Unit.objects.filter(code="VP").exists():
        return gettext("Chấm điểm minh họa: chưa có đơn vị, tài khoản minh họa, bỏ qua.")
    office = accounts["vanphong"]
    sheet, created = _open_sheet(plan, office)
    assessed = scored = 0
    for subjects in (_subjects(UNITS, Unit), _subjects(PEOPLE, Person), _other_kind()):
        for subject, (own, director, member) in subjects:
            items = _items(sheet, subject)
            assessed += _self_assess(sheet, subject, items, own, office)
            scored += _council(sheet, subject, items, director, accounts.get("giamdoc"))
            scored += _council(sheet, subject, items, member, accounts.get("hoidong"))
    return gettext(
        "Chấm điểm minh họa: bảng chấm điểm năm %(year)s (%(state)s), %(assessed)s lượt tự chấm, "
        "%(scored)s điểm của Hội đồng."
    ) % {
        "year": YEAR,
        "state": gettext("mới lập") if created else gettext("đã có"),
        "assessed": assessed,
        "scored": scored,
    }
