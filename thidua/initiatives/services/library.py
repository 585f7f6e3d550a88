"""The library: a unit records that it replicated a recognised initiative, since when,
with what result and, if it has one, the evidence."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from thidua.core.codes import State
from thidua.core.history import save_with_history
from thidua.core.permissions import require
from thidua.core.uploads import evidence_problems
from thidua.initiatives import rules
from thidua.initiatives.models import Adoption, Initiative
from thidua.initiatives.services.editing import required_text
from thidua.initiatives.services.workflow import date_problem, submitted_on
from thidua.organization.models import Unit, User

RESULT_MAX = 2000


def _check(initiative: Initiative, unit: Unit, applied_on, result: str, evidence) -> str:
    errors = {}
    if unit.pk == initiative.unit_id:
        errors["unit"] = gettext("Đây là sáng kiến của chính «%(unit)s»; hãy chọn đơn vị khác đã áp dụng.") % {
            "unit": unit
        }
    if applied_on is None:
        errors["applied_on"] = gettext("Hãy nhập ngày đơn vị bắt đầu áp dụng (dd/mm/yyyy).")
    elif problem := date_problem(
        applied_on,
        label=gettext("Ngày áp dụng"),
        after=submitted_on(initiative),
        after_label=gettext("ngày sáng kiến được gửi"),
        today=timezone.localdate(),
    ):
        errors["applied_on"] = problem
    try:
        result = required_text(
            result, gettext("Hãy ghi kết quả áp dụng tại đơn vị (vd: số hồ sơ, thời gian tiết kiệm)."), field="result"
        )
    except ValidationError as error:
        errors |= error.message_dict
    if len(result) > RESULT_MAX:
        errors["result"] = gettext("Kết quả áp dụng tối đa %(max)s ký tự; hãy viết ngắn gọn hơn.") % {"max": RESULT_MAX}
    if evidence and (problems := evidence_problems([evidence])):
        errors["evidence"] = problems
    if errors:
        raise ValidationError(errors)
    return result


def mark_applied(
    *,
    actor: User,
    initiative: Initiative,
    unit: Unit,
    applied_on: datetime.date | None,
    result: str,
    evidence=None,
) -> Adoption:
    """Record that a recognised initiative is replicated in one of the actor's units.
    The date is not before the initiative was sent nor after today; the evidence file,
    if any, passes the upload checks. Side effects: one Adoption row per unit and
    initiative, with its file, logged."""
    if initiative.state != State.RECOGNISED:
        raise ValidationError(gettext("Chỉ đánh dấu áp dụng sáng kiến đã được công nhận."), code="not_recognised")
    require(
        rules.adopting_units(actor).filter(pk=unit.pk).exists(),
        gettext("Chỉ thủ trưởng hoặc cán bộ của «%(unit)s» được đánh dấu cho đơn vị này.") % {"unit": unit},
    )
    result = _check(initiative, unit, applied_on, result, evidence)
    if initiative.adoptions.filter(unit=unit).exists():
        raise _already_applied(unit)
    adoption = Adoption(initiative=initiative, unit=unit, applied_on=applied_on, result=result, created_by=actor)
    if evidence:
        adoption.evidence, adoption.evidence_name = evidence, evidence.name[:255]
    try:
        with transaction.atomic():
            return save_with_history(adoption, actor=actor)
    except IntegrityError:  # the same mark sent twice at the same moment
        raise _already_applied(unit) from None


def _already_applied(unit: Unit) -> ValidationError:
    return ValidationError(
        {"unit": gettext("«%(unit)s» đã đánh dấu áp dụng sáng kiến này rồi.") % {"unit": unit}}, code="already_applied"
    )
