"""The moves of an initiative: submission, review, recognition at cơ sở or not, return
for changes, putting a base-level initiative forward to the province, and recording the
province's or ministry's decision that widens its scope. Every date is checked against
the initiative's own history and today."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from thidua.core.codes import Scope, State
from thidua.core.history import save_with_history, update_once
from thidua.core.permissions import require
from thidua.core.uploads import evidence_problems
from thidua.core.workflow import TransitionError, locked, transition
from thidua.initiatives import rules, tally
from thidua.initiatives.enums import TRANSITIONS
from thidua.initiatives.models import WIDER_SCOPES, HigherRecognition, Initiative
from thidua.initiatives.services.editing import AuthorShare, check_authors, required_text
from thidua.organization.models import User

# The order of scopes, narrowest first: a decision may only widen an initiative's scope.
SCOPE_RANK = {Scope.CO_SO: 0, Scope.TINH: 1, Scope.TOAN_QUOC: 2}


def submit(*, actor: User, initiative: Initiative, at: datetime.datetime | None = None) -> Initiative:
    """Send a draft or returned initiative to the office. Side effects: state becomes
    submitted and `submitted_at` is set, in one conditional UPDATE (a second click
    changes nothing); the move is logged. `at`: when a paper submission was handed in,
    for one entered afterwards (the demo year tells its months so); never later than now."""
    require(
        rules.can_submit(actor, initiative),
        gettext("Chỉ tác giả, người lập và thủ trưởng đơn vị được gửi sáng kiến này."),
    )
    if not initiative.applied_where or initiative.applied_since is None:
        raise ValidationError(
            gettext(
                "Chưa ghi nơi áp dụng và ngày bắt đầu áp dụng: sáng kiến phải được áp dụng "
                "hoặc áp dụng thử trước khi gửi. Hãy sửa rồi gửi lại."
            ),
            code="not_applied",
        )
    check_authors([AuthorShare(a.person, a.share) for a in initiative.authors.select_related("person")])
    now = timezone.now()
    return transition(
        initiative, to=State.SUBMITTED, actor=actor, allowed=TRANSITIONS, fields={"submitted_at": min(at or now, now)}
    )


def _require_office(allowed: bool) -> None:
    """`allowed` is the move's predicate (`rules.can_<move>`) for the actor."""
    require(allowed, gettext("Chỉ Văn phòng Sở được thực hiện thao tác này."))


def start_review(*, actor: User, initiative: Initiative) -> Initiative:
    """Hand a submitted initiative to the council. Side effects: state becomes under
    review (logged); council members see it in their "chưa chấm" list."""
    _require_office(rules.can_start_review(actor, initiative))
    return transition(initiative, to=State.UNDER_REVIEW, actor=actor, allowed=TRANSITIONS)


def _require_scores(initiative: Initiative) -> None:
    if not initiative.scores.exists():
        raise ValidationError(
            gettext("Hội đồng chưa chấm điểm sáng kiến này: cần ít nhất một phiếu chấm trước khi ghi kết quả."),
            code="no_scores",
        )


def _day(value: datetime.date) -> str:
    return f"{value:%d/%m/%Y}"


def date_problem(
    day: datetime.date, *, label: str, after: datetime.date | None, after_label: str, today: datetime.date
) -> str | None:
    """Why `day` (the date of `label`) cannot be: before `after` (the step of the
    initiative's history it follows, `after_label`) or later than today."""
    if day > today:
        return gettext("%(label)s (%(day)s) ở sau hôm nay (%(today)s): chỉ ghi văn bản, việc đã có.") % {
            "label": label,
            "day": _day(day),
            "today": _day(today),
        }
    if after is not None and day < after:
        return gettext("%(label)s (%(day)s) trước %(step)s (%(after)s): hãy kiểm tra lại ngày.") % {
            "label": label,
            "day": _day(day),
            "step": after_label,
            "after": _day(after),
        }
    return None


def submitted_on(initiative: Initiative) -> datetime.date | None:
    return timezone.localdate(initiative.submitted_at) if initiative.submitted_at else None


def recognise(
    *, actor: User, initiative: Initiative, decision_number: str, decision_date, scope: str = Scope.CO_SO
) -> Initiative:
    """Record the department's recognition, at cơ sở scope, with its decision. Refused
    while the council's scores do not meet the office's recognition rule (how many
    scores, who has not scored, the threshold), and for a decision dated before the
    submission or after today. Side effects: state becomes recognised with scope,
    decision number and date in the same UPDATE (logged); the initiative appears in the
    library."""
    _require_office(rules.can_recognise(actor, initiative))
    errors = {}
    if scope != Scope.CO_SO:
        errors["scope"] = gettext(
            "Văn phòng Sở chỉ ghi công nhận sáng kiến ở phạm vi cơ sở. Phạm vi tỉnh hoặc toàn quốc chỉ được ghi "
            "từ quyết định của UBND tỉnh hoặc Bộ (mục «Quyết định công nhận của cấp trên»), sau khi sáng kiến đã "
            "được công nhận cấp cơ sở và đề nghị lên cấp tỉnh."
        )
    if not (decision_number or "").strip():
        errors["decision_number"] = gettext("Hãy nhập số quyết định công nhận (vd: 215/QĐ-STP).")
    if decision_date is None:
        errors["decision_date"] = gettext("Hãy nhập ngày của quyết định công nhận (dd/mm/yyyy).")
    elif problem := date_problem(
        decision_date,
        label=gettext("Ngày quyết định công nhận"),
        after=submitted_on(initiative),
        after_label=gettext("ngày sáng kiến được gửi"),
        today=timezone.localdate(),
    ):
        errors["decision_date"] = problem
    if errors:
        raise ValidationError(errors)
    if shortfall := tally.tally(initiative).shortfall():
        raise ValidationError(shortfall, code="council_rule")
    return transition(
        initiative,
        to=State.RECOGNISED,
        actor=actor,
        allowed=TRANSITIONS,
        fields={"scope": Scope.CO_SO, "decision_number": decision_number.strip(), "decision_date": decision_date},
    )


def not_recognise(*, actor: User, initiative: Initiative, reason: str) -> Initiative:
    """Record that the initiative is not recognised. Side effects: state and reason
    saved in one UPDATE (logged)."""
    _require_office(rules.can_not_recognise(actor, initiative))
    reason = required_text(reason, gettext("Hãy ghi lý do không công nhận để tác giả biết."))
    _require_scores(initiative)
    return transition(
        initiative,
        to=State.NOT_RECOGNISED,
        actor=actor,
        allowed=TRANSITIONS,
        note=reason,
        fields={"rejection_reason": reason},
    )


def return_for_changes(*, actor: User, initiative: Initiative, reason: str) -> Initiative:
    """Send the initiative back to its authors. Side effects: state becomes returned
    with the reason (logged); the authors can edit and submit again."""
    _require_office(rules.can_return(actor, initiative))
    reason = required_text(reason, gettext("Hãy ghi lý do trả lại để tác giả biết cần bổ sung gì."))
    return transition(
        initiative, to=State.RETURNED, actor=actor, allowed=TRANSITIONS, note=reason, fields={"return_reason": reason}
    )


@transaction.atomic
def put_forward(*, actor: User, initiative: Initiative) -> Initiative:
    """Put a base-level recognised initiative forward for province-level recognition.
    Side effects: the flag and today's date are set by a conditional UPDATE (a second
    click changes nothing) and logged; the base-level recognition stays as it is."""
    _require_office(rules.can_put_forward(actor, initiative))
    if initiative.state != State.RECOGNISED or initiative.scope != Scope.CO_SO:
        raise ValidationError(
            gettext("Chỉ sáng kiến đã được công nhận ở cấp cơ sở mới đề nghị công nhận cấp tỉnh."),
            code="not_base_level",
        )
    if not update_once(
        initiative,
        actor=actor,
        where={"state": State.RECOGNISED, "scope": Scope.CO_SO, "put_forward": False},
        values={"put_forward": True, "put_forward_on": timezone.localdate()},
        note=gettext("Đề nghị công nhận sáng kiến cấp tỉnh"),
    ):
        raise TransitionError(
            gettext("Sáng kiến đã được đề nghị công nhận cấp tỉnh ngày %(date)s.")
            % {"date": f"{initiative.put_forward_on:%d/%m/%Y}"}
        )
    return initiative


def _check_higher(initiative: Initiative, scope: str, issuer: str, number: str, date, files) -> dict:
    errors = {}
    if scope not in WIDER_SCOPES:
        errors["scope"] = gettext("Hãy chọn phạm vi mà quyết định công nhận: tỉnh hoặc toàn quốc.")
    elif SCOPE_RANK[scope] <= SCOPE_RANK.get(initiative.scope, 0):
        errors["scope"] = gettext(
            "Sáng kiến đã được công nhận phạm vi «%(current)s»; quyết định mới phải công nhận phạm vi rộng hơn."
        ) % {"current": initiative.get_scope_display()}
    if not (issuer or "").strip():
        errors["issuer"] = gettext("Hãy ghi cơ quan, người ký quyết định (vd: Chủ tịch UBND tỉnh Tuyên Quang).")
    if not (number or "").strip():
        errors["number"] = gettext("Hãy nhập số quyết định (vd: 1520/QĐ-UBND).")
    if date is None:
        errors["date"] = gettext("Hãy nhập ngày của quyết định (dd/mm/yyyy).")
    elif problem := date_problem(
        date,
        label=gettext("Ngày quyết định của cấp trên"),
        after=max(d for d in (initiative.decision_date, initiative.put_forward_on) if d is not None),
        after_label=gettext("ngày Sở công nhận và đề nghị lên cấp tỉnh"),
        today=timezone.localdate(),
    ):
        errors["date"] = problem
    if problems := evidence_problems(files):
        errors["file"] = problems
    return errors


@transaction.atomic
def record_higher_recognition(
    *, actor: User, initiative: Initiative, scope: str, issuer: str, number: str, date, file=None
) -> HigherRecognition:
    """Record the province's or ministry's decision recognising the initiative at scope
    tỉnh or toàn quốc: the only way its scope widens beyond cơ sở. Only for an
    initiative the department recognised and put forward; the decision's date follows
    both and is not after today; the decision's file, if any, passes the upload checks.
    Side effects: the decision is saved (logged) and the initiative's scope is raised by
    a conditional UPDATE (logged), so two offices entering at once record it once."""
    require(
        rules.can_record_higher_recognition(actor, initiative),
        gettext("Chỉ Văn phòng Sở ghi quyết định công nhận sáng kiến của cấp trên."),
    )
    fresh = locked(initiative)
    if fresh.state != State.RECOGNISED or not fresh.put_forward:
        raise ValidationError(
            gettext(
                "Chỉ ghi quyết định của tỉnh hoặc Bộ cho sáng kiến đã được Sở công nhận cấp cơ sở và đã đề nghị "
                "công nhận cấp tỉnh. Hãy ghi đề nghị cấp tỉnh trước."
            ),
            code="not_put_forward",
        )
    files = [file] if file else []
    if errors := _check_higher(fresh, scope, issuer, number, date, files):
        raise ValidationError(errors)
    decision = HigherRecognition(
        initiative=fresh,
        scope=scope,
        issuer=issuer.strip()[:200],
        number=number.strip()[:64],
        date=date,
        recorded_by=actor,
    )
    if file:
        decision.file, decision.file_name = file, file.name[:255]
    save_with_history(decision, actor=actor)
    note = gettext("Công nhận phạm vi %(scope)s theo Quyết định số %(number)s ngày %(date)s của %(issuer)s") % {
        "scope": decision.get_scope_display().lower(),
        "number": decision.number,
        "date": _day(date),
        "issuer": decision.issuer,
    }
    if not update_once(
        fresh, actor=actor, where={"state": State.RECOGNISED, "scope": fresh.scope}, values={"scope": scope}, note=note
    ):
        raise TransitionError(gettext("Phạm vi của sáng kiến vừa được người khác thay đổi; hãy tải lại trang."))
    initiative.scope = scope
    return decision
