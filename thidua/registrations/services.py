"""Every change to registrations goes through these functions; pages, the API and the
demo data call the same ones. Each asks `rules.py` who may act (PermissionDenied): the
window `can_set_window`, the unit's texts `can_manage`, a person's row
`can_edit_person`, the moves of the workflow `can_submit`, `can_accept`, `can_return`;
then it checks the state and the data."""

import datetime
from collections.abc import Mapping

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from thidua.core.codes import COLLECTIVE_TITLES, INDIVIDUAL_TITLES, EmulationTitle, State
from thidua.core.history import save_with_history
from thidua.core.workflow import TransitionError, locked_in, transition
from thidua.organization.models import Person, Unit, User
from thidua.plans.models import ContentArea, Plan
from thidua.registrations import rules
from thidua.registrations.enums import EDITABLE, TRANSITIONS
from thidua.registrations.models import (
    PersonRegistration,
    RegistrationWindow,
    UnitCommitment,
    UnitRegistration,
    dmy,
)


class RegistrationLocked(TransitionError):
    """A change asked for while the registration is submitted or accepted."""


class SubmissionRefused(TransitionError):
    """A submission that is not complete or comes outside the window; the message lists why."""


def _require(actor, allowed: bool, message: str) -> None:
    """`allowed` is the move's predicate for `actor`. `actor=None` is the system itself
    (the demo loader), which no page or API call can pass."""
    if actor is not None and not allowed:
        raise PermissionDenied(message)


def window_for(plan: Plan, year: int) -> RegistrationWindow | None:
    return RegistrationWindow.objects.filter(plan=plan, year=year).first()


def title_error(code: str, allowed) -> str | None:
    """Why `code` cannot be registered here (a collective title for a person, say), or None."""
    if code in allowed:
        return None
    kind = gettext("cá nhân") if allowed is INDIVIDUAL_TITLES else gettext("tập thể")
    names = ", ".join(str(t.label) for t in allowed)
    if code in EmulationTitle.values:
        return gettext("«%(title)s» không phải danh hiệu dành cho %(kind)s. Hãy chọn một trong: %(names)s.") % {
            "title": EmulationTitle(code).label,
            "kind": kind,
            "names": names,
        }
    return gettext("Mã danh hiệu «%(code)s» không có trong danh mục. Hãy chọn một trong: %(names)s.") % {
        "code": code,
        "names": names,
    }


def locked_message(registration: UnitRegistration) -> str:
    return gettext(
        "Không sửa được: bản đăng ký năm %(year)s của %(unit)s đang ở trạng thái «%(state)s». Chỉ sửa được khi "
        "còn là nháp hoặc bị trả lại; nếu cần sửa, đề nghị Văn phòng Sở trả lại bản đăng ký."
    ) % {"year": registration.year, "unit": registration.unit, "state": registration.get_state_display()}


@transaction.atomic
def set_window(
    *, plan: Plan, year: int, opens_on: datetime.date, closes_on: datetime.date, actor: User
) -> RegistrationWindow:
    """Open (or move) the registration window of `year`. Side effects: creates or
    updates the window, with an activity-log entry. Raises ValidationError (Vietnamese)
    for reversed dates or dates outside the plan."""
    _require(actor, rules.can_set_window(actor), gettext("Chỉ Văn phòng Sở đặt được thời gian đăng ký."))
    window = window_for(plan, year) or RegistrationWindow(plan=plan, year=year)
    window.opens_on, window.closes_on = opens_on, closes_on
    window.full_clean()
    return save_with_history(window, actor=actor)


def open_registration(*, plan: Plan, year: int, unit: Unit, actor: User) -> UnitRegistration:
    """The unit's registration for `year`, created as an empty draft when missing.
    Side effects: at most one new registration, logged."""
    _require(actor, rules.can_open(actor, unit), gettext("Chỉ thủ trưởng và cán bộ của đơn vị ghi được bản đăng ký."))
    found = UnitRegistration.objects.filter(plan=plan, year=year, unit=unit).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return save_with_history(UnitRegistration(plan=plan, year=year, unit=unit), actor=actor)
    except IntegrityError:  # created by someone else a moment ago
        return UnitRegistration.objects.get(plan=plan, year=year, unit=unit)


def _editable(registration: UnitRegistration) -> UnitRegistration:
    """The stored registration, locked: an edit cannot land after a submission it did not see."""
    return locked_in(registration, EDITABLE, lambda current: RegistrationLocked(locked_message(current)), "unit")


@transaction.atomic
def save_unit_registration(
    *, registration: UnitRegistration, title: str, commitments: Mapping[int, str], actor: User
) -> UnitRegistration:
    """Save the unit's title (may stay empty in a draft) and its commitments, keyed by
    content-area id. Side effects: the registration and each changed commitment are
    saved with history. Raises RegistrationLocked after submission, ValidationError for
    a title of the wrong kind or a content area of another plan."""
    _require(
        actor,
        rules.can_manage(actor, registration.unit_id),
        gettext("Chỉ thủ trưởng đơn vị sửa được danh hiệu và cam kết của đơn vị."),
    )
    current = _editable(registration)
    if title and (problem := title_error(title, COLLECTIVE_TITLES)):
        raise ValidationError({"title": problem})
    current.title = title
    save_with_history(current, actor=actor)
    _save_commitments(current, commitments, actor)
    return current


def _save_commitments(registration: UnitRegistration, commitments: Mapping[int, str], actor: User) -> None:
    areas = set(ContentArea.objects.filter(plan_id=registration.plan_id).values_list("pk", flat=True))
    if set(commitments) - areas:
        raise ValidationError(gettext("Nội dung thi đua không thuộc kế hoạch của bản đăng ký."))
    stored = {c.content_area_id: c for c in registration.commitments.all()}
    for area_id, text in commitments.items():
        row = stored.get(area_id) or UnitCommitment(registration=registration, content_area_id=area_id)
        if row.pk is None and not text.strip():
            continue
        row.text = text.strip()
        save_with_history(row, actor=actor)


@transaction.atomic
def save_person_registration(
    *, registration: UnitRegistration, person: Person, title: str, commitments: str, actor: User
) -> PersonRegistration:
    """Save a person's individual title and personal commitments inside their unit's
    registration. Side effects: the person's row is created or updated, with history.
    Raises RegistrationLocked once the unit has submitted, ValidationError for a title
    that is not an individual one, empty commitments or a person of another unit."""
    _require(
        actor,
        rules.can_edit_person(actor, person),
        gettext("Mỗi cán bộ tự ghi đăng ký của mình; thủ trưởng đơn vị chỉ ghi thay người chưa có tài khoản."),
    )
    current = _editable(registration)
    errors = {}
    if person.unit_id != current.unit_id:
        errors[NON_FIELD_ERRORS] = gettext("%(person)s không thuộc %(unit)s.") % {
            "person": person,
            "unit": current.unit,
        }
    if problem := title_error(title, INDIVIDUAL_TITLES):
        errors["title"] = problem
    if not commitments.strip():
        errors["commitments"] = gettext("Hãy ghi cam kết cá nhân.")
    if errors:
        raise ValidationError(errors)
    row = PersonRegistration.objects.filter(registration=current, person=person).first() or PersonRegistration(
        registration=current, person=person
    )
    row.title, row.commitments = title, commitments.strip()
    return save_with_history(row, actor=actor)


def missing_areas(registration: UnitRegistration) -> list[ContentArea]:
    filled = {c.content_area_id for c in registration.commitments.all() if c.text.strip()}
    return [area for area in registration.plan.content_areas.all() if area.pk not in filled]


def submission_problems(registration: UnitRegistration, *, actor: User, on: datetime.date) -> list[str]:
    """Everything that stops `registration` from being submitted on `on`, in words."""
    if registration.state not in EDITABLE:
        return [locked_message(registration)]
    # The content is judged as last saved (by whoever saved it), the state as the caller
    # saw it: a stale second click then meets the conditional UPDATE and fails there.
    stored = UnitRegistration.objects.select_related("plan").get(pk=registration.pk)
    problems = [p for p in [_window_problem(registration, actor, on)] if p]
    if not stored.title:
        problems.append(gettext("Chưa chọn danh hiệu thi đua đơn vị đăng ký."))
    if missing := missing_areas(stored):
        problems.append(
            gettext("Chưa có cam kết ở nội dung: %(areas)s.") % {"areas": "; ".join(str(area) for area in missing)}
        )
    return problems


def _window_problem(registration: UnitRegistration, actor: User, on: datetime.date) -> str | None:
    # Only a first submission is held to the window: a registration returned by the
    # office may be corrected and sent again after it closes.
    if registration.state != State.DRAFT or rules.may_submit_outside_window(actor):
        return None
    window = window_for(registration.plan, registration.year)
    if window is None:
        return gettext("Văn phòng Sở chưa mở đợt đăng ký năm %(year)s, nên chưa gửi được. Bản nháp vẫn được lưu.") % {
            "year": registration.year
        }
    if not window.is_open(on):
        return gettext(
            "Hôm nay (%(today)s) nằm ngoài thời gian đăng ký. %(window)s. Bản nháp vẫn được lưu; "
            "nếu cần gửi muộn, hãy liên hệ Văn phòng Sở."
        ) % {"today": dmy(on), "window": window}
    return None


@transaction.atomic
def submit_registration(
    *, registration: UnitRegistration, actor: User, at: datetime.datetime | None = None
) -> UnitRegistration:
    """Submit the unit's registration together with its people's rows, which become
    read-only with it. `at` is when it was sent (now by default). Side effects: one
    transition to «Đã gửi» recording submitted_at, submitted_by and whether it came after
    the window closed (the office may record late ones). Raises SubmissionRefused with
    every reason, AlreadyChanged when a second click arrives after the first."""
    _require(
        actor, rules.can_submit(actor, registration), gettext("Chỉ thủ trưởng đơn vị gửi được bản đăng ký của đơn vị.")
    )
    at = at or timezone.now()
    on = timezone.localdate(at)
    if problems := submission_problems(registration, actor=actor, on=on):
        raise SubmissionRefused(" ".join(problems))
    window = window_for(registration.plan, registration.year)
    late = bool(window and registration.state == State.DRAFT and on > window.closes_on)
    return transition(
        registration,
        to=State.SUBMITTED,
        actor=actor,
        allowed=TRANSITIONS,
        fields={"submitted_at": at, "submitted_by": actor, "is_late": late},
    )


@transaction.atomic
def accept_registration(
    *, registration: UnitRegistration, actor: User, at: datetime.datetime | None = None
) -> UnitRegistration:
    """The office accepts. Side effects: one transition to «Đã tiếp nhận», recording who and when."""
    _require(
        actor, rules.can_accept(actor, registration), gettext("Chỉ Văn phòng Sở tiếp nhận hoặc trả lại bản đăng ký.")
    )
    return transition(
        registration,
        to=State.ACCEPTED,
        actor=actor,
        allowed=TRANSITIONS,
        fields={"reviewed_at": at or timezone.now(), "reviewed_by": actor},
    )


@transaction.atomic
def return_registration(
    *, registration: UnitRegistration, reason: str, actor: User, at: datetime.datetime | None = None
) -> UnitRegistration:
    """The office returns the registration for changes. Side effects: one transition to
    «Bị trả lại (kèm lý do)» whose log entry keeps the reason; the reason is also stored
    for the unit head to read. Raises ValidationError when the reason is empty."""
    _require(
        actor, rules.can_return(actor, registration), gettext("Chỉ Văn phòng Sở tiếp nhận hoặc trả lại bản đăng ký.")
    )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": gettext("Hãy ghi lý do trả lại để đơn vị biết cần sửa gì.")})
    return transition(
        registration,
        to=State.RETURNED,
        actor=actor,
        allowed=TRANSITIONS,
        note=reason,
        fields={"return_reason": reason, "reviewed_at": at or timezone.now(), "reviewed_by": actor},
    )
