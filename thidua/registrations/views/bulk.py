"""The office accepts or returns many unit registrations in one action from its list
(`core/bulk.py`); each registration through its own service."""

from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy

from thidua.core import bulk
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


accept_many, return_many = bulk.review_views(
    kind=REGISTRATIONS,
    check=_require_office,
    accept=lambda user, registration: services.accept_registration(registration=registration, actor=user),
    give_back=lambda user, registration, reason: services.return_registration(
        registration=registration, reason=reason, actor=user
    ),
    form_class=ReturnForm,
    words=(
        bulk.Words(
            title=gettext_lazy("Tiếp nhận nhiều bản đăng ký"),
            will=gettext_lazy("Tiếp nhận"),
            done=gettext_lazy("Đã tiếp nhận %(count)s bản đăng ký."),
            button=gettext_lazy("Tiếp nhận các bản đăng ký này"),
        ),
        bulk.Words(
            title=gettext_lazy("Trả lại nhiều bản đăng ký"),
            will=gettext_lazy("Trả lại cho đơn vị, kèm cùng một lý do,"),
            done=gettext_lazy("Đã trả lại %(count)s bản đăng ký."),
            button=gettext_lazy("Trả lại các bản đăng ký này"),
        ),
    ),
)
