"""Every change to a difficulty goes through these functions; the pages, the API and the
demo data call the same ones. Each checks who may act (PermissionDenied), what the data
must hold (ValidationError, Vietnamese) and the state (TransitionError)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from thidua.core.codes import State
from thidua.core.history import save_with_history
from thidua.core.permissions import require
from thidua.core.workflow import AlreadyChanged, TransitionError, locked, transition
from thidua.difficulties import rules
from thidua.difficulties.enums import TRANSITIONS
from thidua.difficulties.models import Difficulty
from thidua.organization.models import Unit, User
from thidua.organization.rules import name_of
from thidua.plans.models import ContentArea, Plan

EDITABLE_FIELDS = ("title", "description", "proposal", "content_area", "source_label", "unit_report_id")


def _required_text(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


def locked_message(difficulty: Difficulty) -> str:
    if difficulty.state == State.DECIDED:
        return gettext(
            "Không sửa được: khó khăn «%(title)s» đã có quyết định của Giám đốc Sở. "
            "Nếu tình hình thay đổi, hãy nêu một khó khăn mới."
        ) % {"title": difficulty.title}
    return gettext(
        "Không sửa được: khó khăn «%(title)s» đã gửi Văn phòng Sở (trạng thái «%(state)s»). "
        "Nếu cần bổ sung, hãy liên hệ Văn phòng Sở."
    ) % {"title": difficulty.title, "state": difficulty.get_state_display()}


def _check_fields(plan: Plan, fields: dict) -> dict:
    fields = dict(fields)
    fields["title"] = _required_text(fields.get("title"), "title", gettext("Hãy nhập tiêu đề khó khăn, vướng mắc."))
    fields["description"] = _required_text(
        fields.get("description"), "description", gettext("Hãy mô tả khó khăn, vướng mắc.")
    )
    fields["proposal"] = _required_text(
        fields.get("proposal"), "proposal", gettext("Hãy ghi đề xuất, kiến nghị của đơn vị.")
    )
    area: ContentArea | None = fields.get("content_area")
    if area is not None and area.plan_id != plan.pk:
        raise ValidationError({"content_area": gettext("Nội dung thi đua này không thuộc kế hoạch đang theo dõi.")})
    return fields


@transaction.atomic
def raise_difficulty(
    *,
    actor: User,
    plan: Plan,
    unit: Unit,
    title: str,
    description: str,
    proposal: str,
    content_area: ContentArea | None = None,
    source_label: str = "",
    unit_report_id: int | None = None,
    submit: bool = True,
) -> Difficulty:
    """A unit's head or staff raises a difficulty of their own unit, as a draft or sent
    straight to the office (`submit`). Side effects: a new difficulty with an activity-log
    entry, and when submitted a transition to «Đã gửi». Raises PermissionDenied for
    another unit, ValidationError for a missing text or a content area of another plan."""
    require(
        rules.can_raise(actor, unit),
        gettext("Chỉ thủ trưởng hoặc cán bộ của «%(unit)s» được nêu khó khăn, vướng mắc của đơn vị này.")
        % {"unit": unit},
    )
    fields = _check_fields(
        plan, {"title": title, "description": description, "proposal": proposal, "content_area": content_area}
    )
    difficulty = Difficulty(
        plan=plan,
        unit=unit,
        raised_by=actor,
        source_label=source_label.strip(),
        unit_report_id=unit_report_id,
        **fields,
    )
    save_with_history(difficulty, actor=actor)
    return submit_difficulty(actor=actor, difficulty=difficulty) if submit else difficulty


@transaction.atomic
def edit_difficulty(*, actor: User, difficulty: Difficulty, fields: dict) -> Difficulty:
    """Change the unit's own texts while the difficulty is still a draft. Side effects:
    the changed fields are saved with an activity-log entry. Raises TransitionError once
    it has been sent (and after the director's decision), PermissionDenied for another
    unit, ValidationError for a missing text."""
    current = locked(difficulty, "unit")
    require(rules.can_edit(actor, current), gettext("Chỉ đơn vị nêu khó khăn được sửa nội dung."))
    if current.state != State.DRAFT:
        raise TransitionError(locked_message(current))
    checked = _check_fields(
        current.plan, {name: fields.get(name) for name in ("title", "description", "proposal", "content_area")}
    )
    for name in EDITABLE_FIELDS:
        if name in fields:
            setattr(current, name, checked.get(name, fields[name]))
    return save_with_history(current, actor=actor)


def submit_difficulty(*, actor: User, difficulty: Difficulty) -> Difficulty:
    """The unit sends its draft to the office. Side effects: one transition to «Đã gửi»
    recording the time (a second click meets AlreadyChanged)."""
    require(rules.can_submit(actor, difficulty), gettext("Chỉ đơn vị nêu khó khăn được gửi khó khăn này."))
    return transition(
        difficulty, to=State.SUBMITTED, actor=actor, allowed=TRANSITIONS, fields={"submitted_at": timezone.now()}
    )


def accept_difficulty(*, actor: User, difficulty: Difficulty) -> Difficulty:
    """The office takes the item in. Side effects: one transition to «Đã tiếp nhận»."""
    require(rules.can_accept(actor, difficulty), gettext("Chỉ Văn phòng Sở tiếp nhận khó khăn, vướng mắc."))
    return transition(
        difficulty, to=State.ACCEPTED, actor=actor, allowed=TRANSITIONS, fields={"accepted_at": timezone.now()}
    )


def review_difficulty(*, actor: User, difficulty: Difficulty, summary: str, recommendation: str) -> Difficulty:
    """The office writes its summary and recommendation and passes the item to the
    director. Side effects: one transition to «Đang xem xét» carrying both texts, who
    wrote them and when. Raises ValidationError when either text is empty."""
    require(rules.can_review(actor, difficulty), gettext("Chỉ Văn phòng Sở tổng hợp, trình Giám đốc."))
    summary = _required_text(summary, "summary", gettext("Hãy ghi phần tổng hợp của Văn phòng Sở."))
    recommendation = _required_text(
        recommendation, "recommendation", gettext("Hãy ghi đề xuất của Văn phòng Sở để Giám đốc xem xét.")
    )
    return transition(
        difficulty,
        to=State.UNDER_REVIEW,
        actor=actor,
        allowed=TRANSITIONS,
        fields={
            "office_summary": summary,
            "office_recommendation": recommendation,
            "reviewed_by": actor,
            "reviewed_at": timezone.now(),
        },
    )


def decide_difficulty(
    *, actor: User, difficulty: Difficulty, decision: str, decided_on: datetime.date | None = None
) -> Difficulty:
    """The director decides. Side effects: one transition to «Đã có quyết định» with the
    decision's text, the director's account and name, and the date (today unless given).
    Raises PermissionDenied for anyone but the director, ValidationError for an empty
    decision or a date in the future."""
    require(rules.can_decide(actor, difficulty), gettext("Chỉ Giám đốc Sở quyết định khó khăn, vướng mắc."))
    decision = _required_text(
        decision, "decision", gettext("Hãy ghi nội dung quyết định: đồng ý, không đồng ý hay giao ai làm gì, hạn nào.")
    )
    today = timezone.localdate()
    decided_on = decided_on or today
    if decided_on > today:
        raise ValidationError(
            {
                "decided_on": gettext("Ngày quyết định %(date)s chưa đến. Hãy chọn hôm nay hoặc một ngày đã qua.")
                % {"date": f"{decided_on:%d/%m/%Y}"}
            }
        )
    return transition(
        difficulty,
        to=State.DECIDED,
        actor=actor,
        allowed=TRANSITIONS,
        fields={
            "decision": decision,
            "decided_by": actor,
            "decided_by_name": name_of(actor),
            "decided_on": decided_on,
        },
    )


@transaction.atomic
def close_difficulty(*, actor: User, difficulty: Difficulty, note: str = "") -> Difficulty:
    """The office closes an item once the decision is carried out. Side effects: the
    closing date, who closed it and the note, with an activity-log entry. The state
    stays «Đã có quyết định». Raises TransitionError before a decision and
    AlreadyChanged when someone closed it first."""
    require(rules.can_close(actor, difficulty), gettext("Chỉ Văn phòng Sở đóng khó khăn, vướng mắc."))
    current = locked(difficulty, "unit")
    if current.closed_on is not None:
        raise AlreadyChanged(
            gettext("Khó khăn này đã được đóng ngày %(date)s.") % {"date": f"{current.closed_on:%d/%m/%Y}"}
        )
    if current.state != State.DECIDED:
        raise TransitionError(
            gettext(
                "Chỉ đóng được khó khăn đã có quyết định của Giám đốc Sở; khó khăn này đang ở trạng thái «%(state)s»."
            )
            % {"state": current.get_state_display()}
        )
    current.closed_on, current.closed_by, current.closing_note = timezone.localdate(), actor, note.strip()
    return save_with_history(current, actor=actor, note=gettext("Đóng sau khi thực hiện quyết định"))
