"""The library: marking a recognised initiative as applied in one's own unit."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from thidua.core.codes import State
from thidua.core.history import save_with_history
from thidua.core.permissions import require
from thidua.initiatives import rules
from thidua.initiatives.models import Adoption, Initiative
from thidua.initiatives.services.editing import required_text
from thidua.organization.models import Unit, User


def mark_applied(*, actor: User, initiative: Initiative, unit: Unit, note: str) -> Adoption:
    """Mark a recognised initiative as applied in the actor's unit. Side effects: one
    Adoption row per unit and initiative, logged."""
    if initiative.state != State.RECOGNISED:
        raise ValidationError(gettext("Chỉ đánh dấu áp dụng sáng kiến đã được công nhận."), code="not_recognised")
    require(
        rules.adopting_units(actor).filter(pk=unit.pk).exists(),
        gettext("Chỉ thủ trưởng hoặc cán bộ của «%(unit)s» được đánh dấu cho đơn vị này.") % {"unit": unit},
    )
    if unit.pk == initiative.unit_id:
        raise ValidationError(
            {
                "unit": gettext("Đây là sáng kiến của chính «%(unit)s»; hãy chọn đơn vị khác đã áp dụng.")
                % {"unit": unit}
            }
        )
    note = required_text(note, gettext("Hãy ghi ngắn gọn đơn vị đã áp dụng thế nào."), field="note")
    if len(note) > 500:
        raise ValidationError({"note": gettext("Ghi chú tối đa 500 ký tự; hãy viết ngắn gọn hơn.")})
    if initiative.adoptions.filter(unit=unit).exists():
        raise _already_applied(unit)
    try:
        with transaction.atomic():
            return save_with_history(
                Adoption(initiative=initiative, unit=unit, note=note, created_by=actor), actor=actor
            )
    except IntegrityError:  # the same mark sent twice at the same moment
        raise _already_applied(unit) from None


def _already_applied(unit: Unit) -> ValidationError:
    return ValidationError(
        {"unit": gettext("«%(unit)s» đã đánh dấu áp dụng sáng kiến này rồi.") % {"unit": unit}}, code="already_applied"
    )
