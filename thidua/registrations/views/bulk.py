"""The office accepts or returns many unit registrations in one action from its list
(`core/bulk.py`); each registration through its own service."""

from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from thidua.core import bulk
from thidua.core.codes import State
from thidua.core.permissions import require
from thidua.registrations import rules, services
from thidua.registrations.forms import ReturnForm
from thidua.registrations.models import UnitRegistration

REGISTRATIONS = bulk.Kind(
    rows=lambda user: UnitRegistration.objects.visible_to(user).select_related("unit").order_by("unit__order"),
    label=lambda r: gettext("Đăng ký thi đua năm %(year)s của %(unit)s") % {"year": r.year, "unit": r.unit.name},
    url=lambda r: f"{reverse('registration_unit', args=[r.unit_id])}?nam={r.year}",
    moves=rules.MOVES,
    back="registration_office_list",
)


def _require_office(user) -> None:
    require(rules.can_oversee(user), gettext("Chỉ Văn phòng Sở tiếp nhận hoặc trả lại bản đăng ký."))


@login_required
@require_POST
def accept_many(request):
    _require_office(request.user)
    words = bulk.Words(
        title=gettext("Tiếp nhận nhiều bản đăng ký"),
        will=gettext("Tiếp nhận"),
        done=gettext("Đã tiếp nhận %(count)s bản đăng ký."),
        button=gettext("Tiếp nhận các bản đăng ký này"),
    )
    return bulk.move_many(
        request,
        REGISTRATIONS,
        State.ACCEPTED,
        move=lambda registration: services.accept_registration(registration=registration, actor=request.user),
        words=words,
    )


@login_required
@require_POST
def return_many(request):
    _require_office(request.user)
    words = bulk.Words(
        title=gettext("Trả lại nhiều bản đăng ký"),
        will=gettext("Trả lại cho đơn vị, kèm cùng một lý do,"),
        done=gettext("Đã trả lại %(count)s bản đăng ký."),
        button=gettext("Trả lại các bản đăng ký này"),
    )
    return bulk.move_many(
        request,
        REGISTRATIONS,
        State.RETURNED,
        move=lambda registration, reason: services.return_registration(
            registration=registration, reason=reason, actor=request.user
        ),
        words=words,
        form_class=ReturnForm,
    )
