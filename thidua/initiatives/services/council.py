"""The initiative council: conflicts of interest (automatic and declared) and scores."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.core.codes import State
from thidua.core.history import delete_with_history, save_with_history
from thidua.core.permissions import require
from thidua.initiatives import rules
from thidua.initiatives.enums import SCORE_MAX, SCORE_MIN
from thidua.initiatives.models import ConflictDeclaration, Initiative, Score
from thidua.initiatives.services.editing import required_text
from thidua.initiatives.tally import CO_AUTHOR, OWN_UNIT, conflict_of
from thidua.organization.models import User

CRITERIA = {"novelty": _("Tính mới"), "effectiveness": _("Hiệu quả"), "applicability": _("Phạm vi áp dụng")}


def conflict_reason(user: User, initiative: Initiative) -> str | None:
    """Why this council member may not score this initiative, said to the member."""
    conflict = conflict_of(user, initiative)
    if conflict is None:
        return None
    kind, detail = conflict
    if kind == OWN_UNIT:
        return gettext("Bạn không chấm sáng kiến của đơn vị mình («%(unit)s»): xung đột lợi ích.") % {"unit": detail}
    if kind == CO_AUTHOR:
        return gettext("Bạn là đồng tác giả của sáng kiến này nên không chấm điểm: xung đột lợi ích.")
    return gettext("Bạn đã khai báo xung đột lợi ích với sáng kiến này («%(reason)s») nên không chấm điểm.") % {
        "reason": detail
    }


def conflict_label(kind: str, detail: str) -> str:
    """The same conflict, said to the office."""
    if kind == OWN_UNIT:
        return gettext("cùng đơn vị với sáng kiến")
    if kind == CO_AUTHOR:
        return gettext("đồng tác giả")
    return gettext("tự khai báo: %(reason)s") % {"reason": detail}


def _check_scores(values: dict) -> None:
    errors = {}
    for name, label in CRITERIA.items():
        value = values[name]
        if not isinstance(value, int) or isinstance(value, bool) or not SCORE_MIN <= value <= SCORE_MAX:
            errors[name] = gettext(
                "Điểm «%(criterion)s» phải là số nguyên từ %(low)s đến %(high)s (đã nhập %(value)s)."
            ) % {"criterion": label, "low": SCORE_MIN, "high": SCORE_MAX, "value": value}
    if errors:
        raise ValidationError(errors)


def _require_scoring(actor: User, initiative: Initiative) -> None:
    require(rules.can_score(actor), gettext("Chỉ thành viên Hội đồng sáng kiến được chấm điểm."))
    if initiative.state != State.UNDER_REVIEW:
        raise ValidationError(
            gettext("Chỉ chấm điểm sáng kiến đang ở trạng thái «%(state)s».") % {"state": State.UNDER_REVIEW.label},
            code="not_under_review",
        )
    reason = conflict_reason(actor, initiative)
    if reason:
        raise ValidationError(reason, code="conflict")


def score(
    *, actor: User, initiative: Initiative, novelty: int, effectiveness: int, applicability: int, comment: str = ""
) -> Score:
    """Record or change this member's score. Side effects: one Score row per member and
    initiative, created or updated; the activity log keeps the earlier values."""
    _require_scoring(actor, initiative)
    values = {"novelty": novelty, "effectiveness": effectiveness, "applicability": applicability}
    _check_scores(values)
    values["comment"] = (comment or "").strip()
    try:
        with transaction.atomic():
            return _save_score(actor, initiative, values)
    except IntegrityError:
        # A second click inserted the same member's first score at the same moment:
        # update that row instead of adding another.
        with transaction.atomic():
            return _save_score(actor, initiative, values)


def _save_score(actor: User, initiative: Initiative, values: dict) -> Score:
    row = Score.objects.filter(initiative=initiative, member=actor).first() or Score(
        initiative=initiative, member=actor
    )
    for name, value in values.items():
        setattr(row, name, value)
    return save_with_history(row, actor=actor)


@transaction.atomic
def declare_conflict(*, actor: User, initiative: Initiative, reason: str) -> ConflictDeclaration:
    """A member declares a conflict of interest. Side effects: the declaration is saved
    and logged; a score the member already gave is withdrawn (logged) so that it does
    not count in the averages."""
    require(rules.can_score(actor), gettext("Chỉ thành viên Hội đồng sáng kiến khai báo xung đột lợi ích."))
    reason = required_text(reason, gettext("Hãy ghi ngắn gọn lý do xung đột lợi ích."))
    if initiative.conflicts.filter(member=actor).exists():
        raise ValidationError(gettext("Bạn đã khai báo xung đột lợi ích với sáng kiến này."), code="declared")
    declaration = save_with_history(
        ConflictDeclaration(initiative=initiative, member=actor, reason=reason[:500]), actor=actor
    )
    for row in initiative.scores.filter(member=actor):
        delete_with_history(row, actor=actor, note=gettext("Rút điểm do khai báo xung đột lợi ích"))
    return declaration
