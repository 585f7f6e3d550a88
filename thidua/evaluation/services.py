"""Every change to a scoring sheet and its scores goes through these functions; the
pages, the API and the demo data call the same ones. Each checks who may act
(PermissionDenied, with a Vietnamese message), what the data must hold
(ValidationError keyed by field, `<field>_<item id>` for a line of scores) and saves
through the activity log."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.timezone import now
from django.utils.translation import gettext

from thidua.core.history import delete_with_history, record, save_with_history
from thidua.core.models import ActivityLog
from thidua.core.permissions import require
from thidua.evaluation import applicability, rules
from thidua.evaluation.enums import NEW_SHEET_TOTAL
from thidua.evaluation.models import CouncilScore, NotApplicable, ScoringSheet, SelfAssessment, SheetItem
from thidua.indicators.numbers import format_number
from thidua.organization.models import Person, Unit, User
from thidua.plans.enums import SubjectKind
from thidua.plans.models import Plan
from thidua.results.models import ResultEntry

Subject = Unit | Person
CENT = Decimal("0.01")
MAX_QUORUM = 50  # more than any council sits


def key(name: str, item: SheetItem) -> str:
    """The error key of one line's field, as the sheet forms name their fields."""
    return f"{name}_{item.pk}"


def kind_of(subject: Subject) -> str:
    return SubjectKind.INDIVIDUAL if isinstance(subject, Person) else SubjectKind.COLLECTIVE


# --- The sheet -----------------------------------------------------------------------------
def _shares(count: int) -> list[Decimal]:
    """NEW_SHEET_TOTAL split into `count` parts of whole hundredths adding up exactly."""
    part = (NEW_SHEET_TOTAL / count).quantize(CENT, rounding=ROUND_DOWN)
    return [part] * (count - 1) + [NEW_SHEET_TOTAL - part * (count - 1)]


@transaction.atomic
def create_sheet(*, actor: User, plan: Plan, year: int) -> ScoringSheet:
    """The office opens the sheet of a year: one line per criterion of the plan. Until
    the office sets them, the criteria that score the same subjects share 100 points:
    the collective ones together; each kind of person's own individual ones (a person is
    scored on their kind's criterion only, so each kind's total is 100). Side effects: the
    sheet and its lines, each logged. Raises PermissionDenied for anyone but the
    office, ValidationError for a year outside the plan or a sheet that exists."""
    require(rules.can_create_sheet(actor, plan), gettext("Chỉ Văn phòng Sở lập bảng chấm điểm thi đua."))
    if not plan.start_year <= year <= plan.end_year:
        raise ValidationError(
            {
                "year": gettext("Năm %(year)s nằm ngoài kế hoạch. Hãy chọn năm từ %(first)s đến %(last)s.")
                % {"year": year, "first": plan.start_year, "last": plan.end_year}
            }
        )
    if ScoringSheet.objects.filter(plan=plan, year=year).exists():
        raise ValidationError(
            {"year": gettext("Đã có bảng chấm điểm năm %(year)s; hãy mở bảng đó để sửa.") % {"year": year}}
        )
    sheet = save_with_history(ScoringSheet(plan=plan, year=year, created_by=_account(actor)), actor=actor)
    groups: dict[tuple[str, str], list] = {}
    for criterion in plan.criteria.all():
        groups.setdefault((criterion.subject_kind, criterion.person_kind), []).append(criterion)
    for criteria in groups.values():
        for criterion, points in zip(criteria, _shares(len(criteria)), strict=True):
            save_with_history(SheetItem(sheet=sheet, criterion=criterion, max_points=points), actor=actor)
    return sheet


def _account(actor: User | None):
    return actor if getattr(actor, "is_authenticated", False) else None


def _highest_scores(sheet: ScoringSheet) -> dict[int, Decimal]:
    highest: dict[int, Decimal] = {}
    for model in (SelfAssessment, CouncilScore):
        for item_id, score in model.objects.of_sheet(sheet).values_list("item_id", "score"):
            highest[item_id] = max(score, highest.get(item_id, score))
    return highest


def _points_errors(
    items: Sequence[SheetItem], points: dict[int, Decimal | None], highest: dict[int, Decimal]
) -> dict[str, str]:
    errors = {}
    for item in items:
        value = points.get(item.pk, item.max_points)
        if value is None or value <= 0:
            errors[key("points", item)] = gettext("Điểm tối đa phải lớn hơn 0.")
        elif value < highest.get(item.pk, 0):
            errors[key("points", item)] = gettext(
                "Đã có điểm %(score)s ở tiêu chí này; điểm tối đa không thể thấp hơn (đã nhập %(value)s)."
            ) % {"score": format_number(highest[item.pk]), "value": format_number(value)}
    return errors


def _threshold_errors(excellent: Decimal, good: Decimal, passed: Decimal) -> dict[str, str]:
    if not (100 >= excellent > good > passed >= 0):
        return {
            "excellent_from": gettext(
                "Các ngưỡng phải giảm dần trong khoảng 0–100: «Xuất sắc» > «Tốt» > «Đạt» (đã nhập %(e)s, %(g)s, %(p)s)."
            )
            % {"e": format_number(excellent), "g": format_number(good), "p": format_number(passed)}
        }
    return {}


@transaction.atomic
def set_points(
    *,
    actor: User,
    sheet: ScoringSheet,
    points: dict[int, Decimal | None],
    excellent_from: Decimal | None = None,
    good_from: Decimal | None = None,
    pass_from: Decimal | None = None,
    quorum: int | None = None,
) -> ScoringSheet:
    """The office sets the most points of each criterion (`points`: item id → points),
    the classification thresholds and the quorum (how many council members must have
    scored a subject before it is ranked). Side effects: each changed line and the sheet
    saved and logged. Raises ValidationError (by field) for points not above 0, below
    a score already given, thresholds out of order or a quorum below 1."""
    require(rules.can_set_points(actor, sheet), gettext("Chỉ Văn phòng Sở đặt điểm của bảng chấm điểm."))
    items = list(sheet.items.select_related("criterion"))
    thresholds = [
        v if v is not None else getattr(sheet, n)
        for n, v in (("excellent_from", excellent_from), ("good_from", good_from), ("pass_from", pass_from))
    ]
    errors = _points_errors(items, points, _highest_scores(sheet)) | _threshold_errors(*thresholds)
    if quorum is not None and not 1 <= quorum <= MAX_QUORUM:
        errors["quorum"] = gettext(
            "Số thành viên Hội đồng chấm tối thiểu phải từ 1 đến %(max)s (đã nhập %(value)s)."
        ) % {"max": MAX_QUORUM, "value": quorum}
    if errors:
        raise ValidationError(errors)
    if quorum is not None:
        sheet.quorum = quorum
    for item in items:
        item.max_points = points.get(item.pk, item.max_points).quantize(CENT)
        save_with_history(item, actor=actor)
    sheet.excellent_from, sheet.good_from, sheet.pass_from = (Decimal(t).quantize(CENT) for t in thresholds)
    return save_with_history(sheet, actor=actor)


# --- Scores --------------------------------------------------------------------------------
@dataclass(frozen=True)
class SelfLine:
    item: SheetItem
    score: Decimal | None  # None: no score (a stored one is removed)
    note: str = ""
    results: tuple[int, ...] = field(default_factory=tuple)  # ResultEntry ids
    not_applicable: bool = False  # a unit's task "theo phân công" it was not given
    reason: str = ""  # why it does not apply (required with not_applicable)


@dataclass(frozen=True)
class CouncilLine:
    item: SheetItem
    score: Decimal | None
    comment: str = ""


def _line_errors(sheet: ScoringSheet, subject: Subject, item: SheetItem, score: Decimal | None) -> dict[str, str]:
    if item.sheet_id != sheet.pk or not applicability.scores(item, subject):
        return {key("score", item): _not_scored_on(item, subject)}
    if score is not None and not Decimal(0) <= score <= item.max_points:
        return {
            key("score", item): gettext(
                "Điểm %(score)s vượt quá điểm tối đa %(max)s của tiêu chí «%(criterion)s». Hãy nhập từ 0 đến %(max)s."
            )
            % {
                "score": format_number(score),
                "max": format_number(item.max_points),
                "criterion": item.criterion.short_title,
            }
        }
    return {}


def _not_scored_on(item: SheetItem, subject: Subject) -> str:
    if isinstance(subject, Person) and item.criterion.subject_kind == SubjectKind.INDIVIDUAL:
        return gettext(
            "«%(subject)s» thuộc loại «%(kind)s» nên chỉ được chấm theo tiêu chí dành cho loại đó, "
            "không chấm theo tiêu chí «%(criterion)s»."
        ) % {"subject": subject, "kind": subject.kind.label, "criterion": item.criterion.short_title}
    return gettext("Tiêu chí «%(criterion)s» không dùng để chấm %(subject)s.") % {
        "criterion": item.criterion.short_title,
        "subject": subject,
    }


def _marking_errors(sheet: ScoringSheet, subject: Subject, line: SelfLine) -> dict[str, str]:
    """A line marked "không áp dụng": only a unit's task "theo phân công", with a reason,
    without a score, and not once the council has scored it."""
    item = line.item
    if not isinstance(subject, Unit) or not item.criterion.when_assigned:
        return {
            key("not_applicable", item): gettext(
                "Tiêu chí «%(criterion)s» áp dụng với mọi đối tượng được chấm; chỉ tiêu chí tập thể thực hiện "
                "theo phân công mới ghi «không áp dụng»."
            )
            % {"criterion": item.criterion.short_title}
        }
    errors = {}
    if not line.reason.strip():
        errors[key("reason", item)] = gettext(
            "Hãy ghi lý do không áp dụng (ví dụ: đơn vị không được giao nhiệm vụ này trong năm)."
        )
    if line.score is not None:
        errors[key("score", item)] = gettext(
            "Tiêu chí ghi «không áp dụng» thì không chấm điểm: hãy xóa điểm %(score)s hoặc bỏ chọn «không áp dụng»."
        ) % {"score": format_number(line.score)}
    elif CouncilScore.objects.for_subject(subject).filter(item=item).exists():
        errors[key("not_applicable", item)] = gettext(
            "Hội đồng đã chấm tiêu chí «%(criterion)s» cho đơn vị này; hãy đề nghị các thành viên xóa điểm đã chấm "
            "trước khi ghi «không áp dụng»."
        ) % {"criterion": item.criterion.short_title}
    return errors


def linkable_results(sheet: ScoringSheet, subject: Subject):
    """The subject's recorded results of the sheet's year: what a self-assessment may
    rest on. A unit's own results for a unit, the person's own for a person."""
    entries = ResultEntry.objects.recorded().in_year(sheet.year).filter(plan=sheet.plan)
    if isinstance(subject, Person):
        return entries.filter(person=subject)
    return entries.filter(unit=subject, person__isnull=True)


def _result_errors(line: SelfLine, allowed: set[int]) -> dict[str, str]:
    foreign = [pk for pk in line.results if pk not in allowed]
    if foreign:
        return {
            key("results", line.item): gettext(
                "Chỉ gắn được kết quả đã gửi của chính đối tượng được chấm trong năm của bảng chấm điểm."
            )
        }
    return {}


@transaction.atomic
def self_assess(
    *, actor: User, sheet: ScoringSheet, subject: Subject, lines: Iterable[SelfLine]
) -> list[SelfAssessment]:
    """A unit (through its head) or a person scores itself, line by line, each with a
    note and the results it rests on. Side effects: per line a SelfAssessment created,
    changed or (score left empty) removed, logged with its linked results. Raises
    PermissionDenied for another unit or person, ValidationError (by line) for a score
    above the criterion's most points or a result that is not the subject's."""
    require(
        rules.can_self_assess(actor, subject),
        gettext("Chỉ thủ trưởng «%(subject)s» (hoặc chính cá nhân đó) được tự chấm điểm cho «%(subject)s».")
        % {"subject": subject},
    )
    lines = list(lines)
    allowed = set(linkable_results(sheet, subject).values_list("pk", flat=True))
    errors: dict[str, str] = {}
    for line in lines:
        found = _line_errors(sheet, subject, line.item, None if line.not_applicable else line.score)
        if line.not_applicable and not found:
            found = _marking_errors(sheet, subject, line)
        errors |= found | _result_errors(line, allowed)
    if errors:
        raise ValidationError(errors)
    stored = {
        row.item_id: row
        for row in SelfAssessment.objects.for_subject(subject).filter(item__sheet=sheet).prefetch_related("results")
    }
    marked = applicability.not_applicable(sheet, subject)
    saved = []
    for line in lines:
        _save_marking(actor, subject, line, marked.get(line.item.pk))
        saved.append(_save_self(actor, subject, line, stored.get(line.item.pk)))
    return [row for row in saved if row is not None]


def _save_marking(actor: User, subject: Subject, line: SelfLine, row: NotApplicable | None) -> None:
    """Store, change or remove the line's "không áp dụng", each logged."""
    if not line.not_applicable:
        if row is not None:
            delete_with_history(row, actor=actor)
        return
    row = row or NotApplicable(item=line.item, unit=subject)
    if row.pk is None or row.reason != line.reason.strip():
        row.reason, row.marked_by, row.marked_at = line.reason.strip(), _account(actor), now()
        _save_once(row, actor)


def _subject_field(subject: Subject) -> dict:
    return {"person": subject} if isinstance(subject, Person) else {"unit": subject}


def _save_self(actor: User, subject: Subject, line: SelfLine, row: SelfAssessment | None) -> SelfAssessment | None:
    if line.score is None:
        if row is not None:
            delete_with_history(row, actor=actor)
        return None
    row = row or SelfAssessment(item=line.item, **_subject_field(subject))
    before = sorted(r.pk for r in row.results.all()) if row.pk else []
    if row.pk is None or (row.score, row.note) != (line.score, line.note.strip()):
        row.score, row.note = line.score.quantize(CENT), line.note.strip()
        row.assessed_by, row.assessed_at = _account(actor), now()
        _save_once(row, actor)
    after = sorted(set(line.results))
    if before != after:
        row.results.set(after)
        record(actor=actor, obj=row, action=ActivityLog.Action.CHANGED, changes={"results": [before, after]})
    return row


def _save_once(row, actor: User) -> None:
    try:
        with transaction.atomic():
            save_with_history(row, actor=actor)
    except IntegrityError:  # the same line saved at the same moment from another window
        raise ValidationError(gettext("Điểm này vừa được lưu từ nơi khác. Hãy tải lại trang rồi chấm lại.")) from None


def score_refusal(actor: User, subject: Subject) -> str:
    """Why `can_score` refuses: not on the council, or the member's own unit."""
    own = rules.conflict_reason(actor, subject) if rules.sits_on_council(actor) else None
    if own is None:
        return gettext("Chỉ thành viên Hội đồng Thi đua – Khen thưởng chấm điểm.")
    return conflict_message(own)


def conflict_message(unit: Unit) -> str:
    return gettext("Thành viên Hội đồng không chấm điểm đơn vị của mình («%(unit)s») hay cán bộ của đơn vị đó.") % {
        "unit": unit
    }


@transaction.atomic
def council_score(
    *, actor: User, sheet: ScoringSheet, subject: Subject, lines: Iterable[CouncilLine]
) -> list[CouncilScore]:
    """A council member scores a subject, line by line; one score per member, subject
    and criterion (scoring again changes it). Side effects: per line a CouncilScore
    created, changed or (score left empty) removed, logged. Raises PermissionDenied for
    anyone outside the council and for the member's own unit or its people,
    ValidationError (by line) for a score above the criterion's most points."""
    require(rules.can_score(actor, subject), score_refusal(actor, subject))
    lines = list(lines)
    marked = applicability.not_applicable(sheet, subject)
    errors: dict[str, str] = {}
    for line in lines:
        errors |= _line_errors(sheet, subject, line.item, line.score)
        if line.score is not None and line.item.pk in marked:
            errors[key("score", line.item)] = gettext(
                "Tiêu chí «%(criterion)s» không áp dụng với «%(subject)s» (lý do: %(reason)s); "
                "không chấm điểm tiêu chí này."
            ) % {
                "criterion": line.item.criterion.short_title,
                "subject": subject,
                "reason": marked[line.item.pk].reason,
            }
    if errors:
        raise ValidationError(errors)
    stored = {
        row.item_id: row for row in CouncilScore.objects.for_subject(subject).filter(item__sheet=sheet, member=actor)
    }
    saved = [_save_council(actor, subject, line, stored.get(line.item.pk)) for line in lines]
    return [row for row in saved if row is not None]


def _save_council(actor: User, subject: Subject, line: CouncilLine, row: CouncilScore | None) -> CouncilScore | None:
    if line.score is None:
        if row is not None:
            delete_with_history(row, actor=actor)
        return None
    row = row or CouncilScore(item=line.item, member=actor, **_subject_field(subject))
    if row.pk is None or (row.score, row.comment) != (line.score, line.comment.strip()):
        row.score, row.comment, row.scored_at = line.score.quantize(CENT), line.comment.strip(), now()
        _save_once(row, actor)
    return row
