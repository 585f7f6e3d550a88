"""The moves of an initiative: submission, review, recognition or not, return for
changes, and putting a base-level initiative forward to the province."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from thidua.core.codes import Scope, State
from thidua.core.history import update_once
from thidua.core.permissions import require
from thidua.core.workflow import TransitionError, transition
from thidua.initiatives import rules
from thidua.initiatives.enums import TRANSITIONS
from thidua.initiatives.models import Initiative
from thidua.initiatives.services.editing import AuthorShare, check_authors, required_text
from thidua.organization.models import User


def submit(*, actor: User, initiative: Initiative) -> Initiative:
    """Send a draft or returned initiative to the office. Side effects: state becomes
    submitted and `submitted_at` is set, in one conditional UPDATE (a second click
    changes nothing); the move is logged."""
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
    return transition(
        initiative, to=State.SUBMITTED, actor=actor, allowed=TRANSITIONS, fields={"submitted_at": timezone.now()}
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


def recognise(*, actor: User, initiative: Initiative, scope: str, decision_number: str, decision_date) -> Initiative:
    """Record recognition with its scope and decision. Side effects: state becomes
    recognised with scope, decision number and date in the same UPDATE (logged); the
    initiative appears in the library."""
    _require_office(rules.can_recognise(actor, initiative))
    errors = {}
    if scope not in Scope.values:
        errors["scope"] = gettext("Hãy chọn phạm vi ảnh hưởng (cơ sở, tỉnh hoặc toàn quốc).")
    if not (decision_number or "").strip():
        errors["decision_number"] = gettext("Hãy nhập số quyết định công nhận (vd: 215/QĐ-STP).")
    if decision_date is None:
        errors["decision_date"] = gettext("Hãy nhập ngày của quyết định công nhận (dd/mm/yyyy).")
    if errors:
        raise ValidationError(errors)
    _require_scores(initiative)
    return transition(
        initiative,
        to=State.RECOGNISED,
        actor=actor,
        allowed=TRANSITIONS,
        fields={"scope": scope, "decision_number": decision_number.strip(), "decision_date": decision_date},
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
