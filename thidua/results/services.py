"""Every change to a result and its evidence. Pages, the API and the demo loader call
these; each asks the move's predicate of `results.rules` (`can_record`, `can_edit`,
`can_submit`, `can_confirm`, `can_return`: PermissionDenied), what the data and the
workflow allow (ValidationError, TransitionError). The page and the API ask the same
predicate before reading the request, so a refused account gets 403, not the form's
errors."""

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from thidua.core.codes import State
from thidua.core.history import record, save_with_history
from thidua.core.models import ActivityLog
from thidua.core.permissions import require
from thidua.core.uploads import evidence_problems
from thidua.core.workflow import TransitionError, transition
from thidua.organization.models import Person, Unit, User
from thidua.plans.enums import SubjectKind
from thidua.plans.models import ContentArea, Criterion, Plan
from thidua.results import rules
from thidua.results.enums import EDITABLE, TRANSITIONS
from thidua.results.models import Evidence, ResultEntry

# The fields a form or the API may set on an entry (besides its plan, unit and person).
EDITABLE_FIELDS = ("content_area", "criterion", "title", "description", "date", "quantity", "quantity_unit")


class EditRefused(TransitionError):
    """A change to an entry that has left the author's hands; the message says why."""


def _day(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


def plan_period(plan: Plan) -> tuple[datetime.date, datetime.date]:
    return datetime.date(plan.start_year, 1, 1), datetime.date(plan.end_year, 12, 31)


def check_entry(
    *,
    plan: Plan,
    personal: bool,
    content_area: ContentArea | None,
    criterion: Criterion | None,
    date: datetime.date | None,
    quantity: Decimal | None = None,
) -> None:
    """Raise ValidationError (by field) when the values do not fit the plan."""
    errors: dict[str, list[str]] = {}
    first, last = plan_period(plan)
    today = timezone.localdate()
    if date is not None and not first <= date <= last:
        errors["date"] = [
            gettext("Ngày %(date)s nằm ngoài thời gian của kế hoạch. Hãy chọn ngày từ %(first)s đến %(last)s.")
            % {"date": _day(date), "first": _day(first), "last": _day(last)}
        ]
    elif date is not None and date > today:
        # A result is something already achieved; a future date would count it in a
        # year (or quarter) that has not happened.
        errors["date"] = [
            gettext(
                "Ngày %(date)s chưa tới. Kết quả ghi nhận việc đã làm được: hãy chọn ngày "
                "từ hôm nay (%(today)s) trở về trước."
            )
            % {"date": _day(date), "today": _day(today)}
        ]
    if content_area is not None and content_area.plan_id != plan.pk:
        errors["content_area"] = [gettext("Nội dung thi đua này không thuộc kế hoạch đang thực hiện.")]
    if criterion is not None:
        errors.update(_criterion_errors(plan, personal, criterion))
    if quantity is not None and quantity < 0:
        errors["quantity"] = [gettext("Số lượng không được âm. Hãy nhập số từ 0 trở lên.")]
    if errors:
        raise ValidationError(errors)


def _criterion_errors(plan: Plan, personal: bool, criterion: Criterion) -> dict[str, list[str]]:
    if criterion.plan_id != plan.pk:
        return {"criterion": [gettext("Tiêu chí này không thuộc kế hoạch đang thực hiện.")]}
    wanted = SubjectKind.INDIVIDUAL if personal else SubjectKind.COLLECTIVE
    if criterion.subject_kind == wanted:
        return {}
    if not personal:
        text = gettext("«%(criterion)s» là tiêu chí cá nhân; kết quả của đơn vị chỉ gắn với tiêu chí tập thể.")
    else:
        text = gettext("«%(criterion)s» là tiêu chí tập thể; kết quả của cá nhân chỉ gắn với tiêu chí cá nhân.")
    return {"criterion": [text % {"criterion": criterion.short_title}]}


def check_files(files: Iterable) -> None:
    """Every file is checked before any is stored; all reasons are given at once."""
    if problems := evidence_problems(files):
        raise ValidationError({"files": problems})


@transaction.atomic
def record_result(
    *,
    actor: User,
    plan: Plan,
    unit: Unit,
    person: Person | None = None,
    content_area: ContentArea,
    criterion: Criterion | None = None,
    title: str,
    description: str,
    date: datetime.date,
    quantity: Decimal | None = None,
    quantity_unit: str = "",
    files: Iterable = (),
) -> ResultEntry:
    """Create a draft entry with its evidence files.

    Side effects: one ResultEntry and one Evidence per file (files stored under
    evidence/<year>/), each logged as created. Raises ValidationError (by field)."""
    files = list(files)
    check_entry(
        plan=plan,
        personal=person is not None,
        content_area=content_area,
        criterion=criterion,
        date=date,
        quantity=quantity,
    )
    check_files(files)
    entry = ResultEntry(
        plan=plan,
        unit=unit,
        person=person,
        content_area=content_area,
        criterion=criterion,
        title=title,
        description=description,
        date=date,
        quantity=quantity,
        quantity_unit=quantity_unit,
        created_by=_account(actor),
    )
    _require(actor, rules.can_record, entry, EDIT_REFUSED)
    save_with_history(entry, actor=actor)
    _store_files(entry, files, actor=actor)
    return entry


def _require(actor: User | None, allowed, entry: ResultEntry, message: str) -> None:
    """`allowed` is the move's predicate. `actor=None` is the system itself (the demo
    loader, imports), which no page or API call can pass."""
    require(actor is None or allowed(actor, entry), str(message))


EDIT_REFUSED = gettext_lazy(
    "Chỉ người ghi kết quả (hoặc thủ trưởng đơn vị với kết quả của đơn vị) được sửa kết quả này."
)


def _account(actor: User | None):
    return actor if getattr(actor, "is_authenticated", False) else None


def edit_refusal(entry: ResultEntry) -> str | None:
    """Why the entry can no longer be changed; None while it can."""
    if entry.state in EDITABLE:
        return None
    return gettext(
        "Không sửa được: kết quả «%(title)s» đang ở trạng thái «%(state)s». Chỉ sửa được kết quả còn là nháp "
        "hoặc bị trả lại; nếu cần sửa, hãy đề nghị thủ trưởng đơn vị trả lại."
    ) % {"title": entry.title, "state": entry.get_state_display()}


def ensure_editable(entry: ResultEntry) -> None:
    if refusal := edit_refusal(entry):
        raise EditRefused(refusal)


@transaction.atomic
def update_result(*, actor: User, entry: ResultEntry, values: dict, files: Iterable = ()) -> ResultEntry:
    """Change the fields named in EDITABLE_FIELDS and add files, while the entry is
    editable. Side effects: the entry saved and logged with its differences; one
    Evidence per file. Raises EditRefused or ValidationError."""
    _require(actor, rules.can_edit, entry, EDIT_REFUSED)
    ensure_editable(entry)
    files = list(files)
    merged = {name: values.get(name, getattr(entry, name)) for name in EDITABLE_FIELDS}
    check_entry(
        plan=entry.plan,
        personal=entry.person_id is not None,
        content_area=merged["content_area"],
        criterion=merged["criterion"],
        date=merged["date"],
        quantity=merged["quantity"],
    )
    check_files(files)
    for name, value in merged.items():
        setattr(entry, name, value)
    save_with_history(entry, actor=actor)
    _store_files(entry, files, actor=actor)
    return entry


@transaction.atomic
def add_evidence(*, actor: User, entry: ResultEntry, files: Iterable) -> list[Evidence]:
    """Attach files to an editable entry. Side effects: one Evidence per file, logged."""
    _require(actor, rules.can_edit, entry, EDIT_REFUSED)
    ensure_editable(entry)
    files = list(files)
    if not files:
        raise ValidationError({"files": [gettext("Hãy chọn ít nhất một tệp minh chứng.")]})
    check_files(files)
    return _store_files(entry, files, actor=actor)


def _store_files(entry: ResultEntry, files: list, *, actor: User) -> list[Evidence]:
    stored = []
    for upload in files:
        evidence = Evidence(entry=entry, original_name=upload.name[:255], size=upload.size, uploaded_by=_account(actor))
        evidence.file.save(upload.name, upload, save=False)
        evidence.save()
        _log_evidence(evidence, actor=actor, action=ActivityLog.Action.CREATED)
        stored.append(evidence)
    return stored


def _log_evidence(evidence: Evidence, *, actor: User, action: str, note: str = "") -> None:
    # Written by hand: the generic snapshot does not know how to write a file field.
    values = {
        "entry_id": evidence.entry_id,
        "original_name": evidence.original_name,
        "size": evidence.size,
        "file": evidence.file.name,
    }
    pairs = {k: [None, v] if action == ActivityLog.Action.CREATED else [v, None] for k, v in values.items()}
    record(actor=actor, obj=evidence, action=action, changes=pairs, note=note)


@transaction.atomic
def remove_evidence(*, actor: User, evidence: Evidence) -> None:
    """Detach a file from an editable entry. Side effects: the Evidence row deleted and
    logged; the stored file removed once the transaction commits."""
    _require(actor, rules.can_edit, evidence.entry, EDIT_REFUSED)
    ensure_editable(evidence.entry)
    file = evidence.file
    _log_evidence(evidence, actor=actor, action=ActivityLog.Action.DELETED, note=evidence.entry.title)
    evidence.delete()
    transaction.on_commit(lambda: file.storage.delete(file.name))


@transaction.atomic
def submit_result(*, actor: User, entry: ResultEntry) -> ResultEntry:
    """Send the entry for confirmation. An entry submitted by the head of its unit (or
    with no account, a unit entry) is confirmed at once, as a second logged move.

    Side effects: one or two transitions (return reason cleared). Raises TransitionError
    when the entry was already submitted, AlreadyChanged on a concurrent submission."""
    _require(actor, rules.can_submit, entry, gettext("Chỉ người ghi kết quả được gửi kết quả này."))
    if entry.state not in EDITABLE:
        raise TransitionError(
            gettext("Kết quả này đã được gửi; trạng thái hiện tại: «%(state)s».") % {"state": entry.get_state_display()}
        )
    transition(entry, to=State.SUBMITTED, actor=actor, allowed=TRANSITIONS, fields={"return_reason": ""})
    if rules.confirms_on_submit(actor, entry):
        transition(
            entry,
            to=State.CONFIRMED,
            actor=actor,
            allowed=TRANSITIONS,
            note=gettext("Thủ trưởng đơn vị gửi nên được xác nhận ngay."),
        )
    return entry


CONFIRM_REFUSED = gettext_lazy(
    "Chỉ thủ trưởng đơn vị xác nhận hoặc trả lại kết quả của cán bộ trong "
    "đơn vị; không ai tự xác nhận kết quả của mình."
)


def confirm_result(*, actor: User, entry: ResultEntry) -> ResultEntry:
    """The unit head confirms a person's submitted entry. Side effects: one transition."""
    _require(actor, rules.can_confirm, entry, CONFIRM_REFUSED)
    return transition(entry, to=State.CONFIRMED, actor=actor, allowed=TRANSITIONS)


def return_result(*, actor: User, entry: ResultEntry, reason: str) -> ResultEntry:
    """The unit head returns a submitted entry with a reason; the author can edit it and
    submit it again. Side effects: one transition storing the reason."""
    _require(actor, rules.can_return, entry, CONFIRM_REFUSED)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [gettext("Hãy ghi lý do trả lại để người ghi kết quả biết cần sửa gì.")]})
    return transition(
        entry, to=State.RETURNED, actor=actor, allowed=TRANSITIONS, note=reason, fields={"return_reason": reason}
    )
