"""Every change to self-inspections goes through these functions; the pages, the API and
the demo data call the same ones. Each checks who may act (PermissionDenied), what the
data must hold (ValidationError, Vietnamese) and the state (TransitionError)."""

import datetime
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from thidua.core.codes import State
from thidua.core.history import save_with_history, update_once
from thidua.core.permissions import require
from thidua.core.uploads import validate_evidence
from thidua.core.workflow import AlreadyChanged, TransitionError, locked, locked_in, transition
from thidua.inspections import rules
from thidua.inspections.enums import EDITABLE, TRANSITIONS, AnswerResult, Severity
from thidua.inspections.models import (
    Answer,
    ChecklistItem,
    Finding,
    FollowUpAction,
    InspectionPlan,
    UnitChecklist,
)
from thidua.organization.models import Person, Unit, User
from thidua.plans.models import Plan


def _text(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


def _dmy(day: datetime.date) -> str:
    return f"{day:%d/%m/%Y}"


def _check_period(starts_on: datetime.date, ends_on: datetime.date) -> None:
    if ends_on < starts_on:
        raise ValidationError(
            {
                "ends_on": gettext(
                    "Ngày kết thúc (%(end)s) đứng trước ngày bắt đầu (%(start)s). Hãy chọn ngày kết thúc từ %(start)s "
                    "trở đi."
                )
                % {"end": _dmy(ends_on), "start": _dmy(starts_on)}
            }
        )


def _check_items(plan: Plan, items: Sequence[dict]) -> list[dict]:
    rows = [item for item in items if (item.get("text") or "").strip()]
    if not rows:
        raise ValidationError(gettext("Bảng kiểm chưa có nội dung nào. Hãy nhập ít nhất một nội dung kiểm tra."))
    for item in rows:
        for key in ("content_area", "criterion"):
            if item.get(key) is not None and item[key].plan_id != plan.pk:
                raise ValidationError(gettext("Nội dung thi đua hoặc tiêu chí không thuộc kế hoạch đang theo dõi."))
    return rows


@transaction.atomic
def create_inspection(
    *,
    actor: User,
    plan: Plan,
    title: str,
    year: int,
    starts_on: datetime.date,
    ends_on: datetime.date,
    units: Iterable[Unit],
    items: Sequence[dict],
) -> InspectionPlan:
    """The office plans a self-inspection. `items` are dicts with `text` and optionally
    `content_area` and `criterion`, in order; empty rows are skipped. Side effects: the
    plan, its checklist items, and for each unit a checklist with one empty answer per
    item, each logged. Raises ValidationError for reversed dates, no unit or no item."""
    require(rules.can_plan(actor), gettext("Chỉ Văn phòng Sở lập kế hoạch tự kiểm tra."))
    title = _text(title, "title", gettext("Hãy nhập tên đợt tự kiểm tra."))
    _check_period(starts_on, ends_on)
    units = list(units)
    if not units:
        raise ValidationError({"units": gettext("Hãy chọn ít nhất một đơn vị được kiểm tra.")})
    rows = _check_items(plan, items)
    inspection = save_with_history(
        InspectionPlan(plan=plan, title=title, year=year, starts_on=starts_on, ends_on=ends_on, created_by=actor),
        actor=actor,
    )
    checklist_items = [
        save_with_history(
            ChecklistItem(
                inspection=inspection,
                order=index,
                text=row["text"].strip(),
                content_area=row.get("content_area"),
                criterion=row.get("criterion"),
            ),
            actor=actor,
        )
        for index, row in enumerate(rows, start=1)
    ]
    for unit in units:
        checklist = save_with_history(UnitChecklist(inspection=inspection, unit=unit), actor=actor)
        Answer.objects.bulk_create(Answer(checklist=checklist, item=item) for item in checklist_items)
    return inspection


def locked_message(checklist: UnitChecklist) -> str:
    return gettext(
        "Không sửa được: bảng kiểm của %(unit)s đang ở trạng thái «%(state)s». Chỉ sửa được khi còn là "
        "nháp hoặc bị trả lại; nếu cần sửa, đề nghị Văn phòng Sở trả lại bảng kiểm."
    ) % {"unit": checklist.unit, "state": checklist.get_state_display()}


def _editable(checklist: UnitChecklist) -> UnitChecklist:
    """The stored checklist, locked: an answer cannot land after a submission it did not see."""
    return locked_in(checklist, EDITABLE, lambda current: TransitionError(locked_message(current)), "unit")


@transaction.atomic
def answer_item(*, actor: User, answer: Answer, result: str, note: str = "", evidence=None) -> Answer:
    """Record the unit's answer to one item, with an optional new evidence file.
    Side effects: the answer saved with history (the file stored). Raises
    PermissionDenied outside the unit, TransitionError once sent, ValidationError for
    an unknown result or a refused file."""
    require(rules.can_fill(actor, answer.checklist), gettext("Chỉ cán bộ của đơn vị được trả lời bảng kiểm này."))
    _editable(answer.checklist)
    if result and result not in AnswerResult.values:
        raise ValidationError({"result": gettext("Kết quả phải là Đạt, Chưa đạt hoặc Không áp dụng.")})
    if evidence is not None:
        validate_evidence(evidence)
    answer.result, answer.note = result, (note or "").strip()
    answer.answered_by, answer.answered_at = actor, timezone.now()
    save_with_history(answer, actor=actor)
    if evidence is not None:
        _store_evidence(actor, answer, evidence)
    return answer


def _store_evidence(actor: User, answer: Answer, upload) -> None:
    """The file stored under a new name, then the answer's row pointed at it by one
    UPDATE: `update_once` logs the name the answer held before and the new one."""
    field = answer.evidence.field
    name = field.storage.save(field.generate_filename(answer, upload.name), upload, max_length=field.max_length)
    update_once(answer, actor=actor, values={"evidence": name}, note=gettext("Tải lên minh chứng"))


def _unanswered(checklist: UnitChecklist) -> list[str]:
    return [str(order) for order in checklist.answers.filter(result="").values_list("item__order", flat=True)]


@transaction.atomic
def submit_checklist(*, actor: User, checklist: UnitChecklist) -> UnitChecklist:
    """The unit's head sends the filled checklist to the office. Side effects: one
    transition to «Đã gửi» with the time. Raises ValidationError naming the items still
    unanswered."""
    require(rules.can_submit(actor, checklist), gettext("Chỉ thủ trưởng đơn vị gửi bảng kiểm."))
    missing = _unanswered(checklist)
    if missing:
        raise ValidationError(
            gettext("Chưa gửi được: còn nội dung %(items)s chưa trả lời. Hãy trả lời đủ rồi gửi lại.")
            % {"items": ", ".join(missing)}
        )
    return transition(
        checklist, to=State.SUBMITTED, actor=actor, allowed=TRANSITIONS, fields={"submitted_at": timezone.now()}
    )


def return_checklist(*, actor: User, checklist: UnitChecklist, reason: str) -> UnitChecklist:
    """The office returns a sent checklist for correction. Side effects: one transition
    to «Bị trả lại (kèm lý do)» carrying the reason."""
    require(rules.can_return(actor, checklist), gettext("Chỉ Văn phòng Sở trả lại bảng kiểm."))
    reason = _text(reason, "reason", gettext("Hãy ghi lý do trả lại để đơn vị biết cần sửa gì."))
    return transition(
        checklist, to=State.RETURNED, actor=actor, allowed=TRANSITIONS, note=reason, fields={"returned_reason": reason}
    )


def accept_checklist(*, actor: User, checklist: UnitChecklist) -> UnitChecklist:
    """The office takes a sent checklist in. Side effects: one transition to «Đã tiếp nhận»."""
    require(rules.can_accept(actor, checklist), gettext("Chỉ Văn phòng Sở tiếp nhận bảng kiểm."))
    return transition(checklist, to=State.ACCEPTED, actor=actor, allowed=TRANSITIONS)


def add_finding(*, actor: User, checklist: UnitChecklist, text: str, severity: str = Severity.MEDIUM) -> Finding:
    """Side effects: a finding of the checklist, logged."""
    require(rules.can_follow_up(actor, checklist), gettext("Chỉ Văn phòng Sở hoặc thủ trưởng đơn vị ghi phát hiện."))
    text = _text(text, "text", gettext("Hãy ghi nội dung phát hiện."))
    if severity not in Severity.values:
        raise ValidationError({"severity": gettext("Mức độ phải là Thấp, Trung bình hoặc Cao.")})
    return save_with_history(Finding(checklist=checklist, text=text, severity=severity, created_by=actor), actor=actor)


def _check_action(checklist: UnitChecklist, owner: Person, due_on: datetime.date, finding: Finding | None) -> None:
    if owner.unit_id != checklist.unit_id:
        raise ValidationError(
            {"owner": gettext("Người phụ trách phải là cán bộ của %(unit)s.") % {"unit": checklist.unit}}
        )
    starts_on = checklist.inspection.starts_on
    if due_on < starts_on:
        raise ValidationError(
            {
                "due_on": gettext(
                    "Hạn hoàn thành %(due)s đứng trước ngày bắt đầu đợt kiểm tra (%(start)s). "
                    "Hãy chọn hạn từ %(start)s "
                    "trở đi."
                )
                % {"due": _dmy(due_on), "start": _dmy(starts_on)}
            }
        )
    if finding is not None and finding.checklist_id != checklist.pk:
        raise ValidationError({"finding": gettext("Phát hiện này thuộc bảng kiểm của đơn vị khác.")})


def add_action(
    *,
    actor: User,
    checklist: UnitChecklist,
    text: str,
    owner: Person,
    due_on: datetime.date,
    finding: Finding | None = None,
) -> FollowUpAction:
    """A follow-up action with a person of the unit in charge and a due date. Side
    effects: the action, logged. Raises ValidationError for an owner of another unit, a
    due date before the inspection starts, or a finding of another checklist."""
    require(
        rules.can_follow_up(actor, checklist), gettext("Chỉ Văn phòng Sở hoặc thủ trưởng đơn vị giao việc khắc phục.")
    )
    text = _text(text, "text", gettext("Hãy ghi việc cần làm."))
    _check_action(checklist, owner, due_on, finding)
    return save_with_history(
        FollowUpAction(checklist=checklist, finding=finding, text=text, owner=owner, due_on=due_on, created_by=actor),
        actor=actor,
    )


@transaction.atomic
def complete_action(
    *, actor: User, action: FollowUpAction, note: str, on: datetime.date | None = None
) -> FollowUpAction:
    """Mark an action done (today unless `on`), with what was done. Side effects: the
    date, the note and who confirmed it, logged. Raises AlreadyChanged when it was
    already marked done, ValidationError for an empty note or a future date."""
    require(
        rules.can_complete(actor, action),
        gettext("Chỉ người phụ trách, thủ trưởng đơn vị hoặc Văn phòng Sở xác nhận hoàn thành việc này."),
    )
    note = _text(note, "note", gettext("Hãy ghi kết quả đã thực hiện."))
    today = timezone.localdate()
    on = on or today
    if on > today:
        raise ValidationError({"on": gettext("Ngày hoàn thành %(date)s chưa đến.") % {"date": _dmy(on)}})
    current = locked(action)
    if current.done_on is not None:
        raise AlreadyChanged(
            gettext("Việc này đã được xác nhận hoàn thành ngày %(date)s.") % {"date": _dmy(current.done_on)}
        )
    current.done_on, current.done_note, current.done_by = on, note, actor
    return save_with_history(current, actor=actor, note=gettext("Xác nhận hoàn thành"))
