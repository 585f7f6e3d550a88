"""The unit head confirms many results of the unit's people in one action, from the list
of results waiting (`core/bulk.py`); each result through `services.confirm_result`."""

from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from thidua.core import bulk
from thidua.core.codes import State
from thidua.results import rules, services
from thidua.results.models import ResultEntry

RESULTS = bulk.Kind(
    rows=lambda user: ResultEntry.objects.visible_to(user).select_related("person", "unit").order_by("date", "id"),
    label=lambda entry: f"{entry.person.full_name if entry.person else entry.unit.name} — {entry.title}",
    url=lambda entry: reverse("result_detail", args=[entry.pk]),
    moves=rules.MOVES,
    back="results_awaiting",
)


@login_required
@require_POST
def confirm_many(request):
    words = bulk.Words(
        title=gettext("Xác nhận nhiều kết quả"),
        will=gettext("Xác nhận"),
        done=gettext("Đã xác nhận %(count)s kết quả."),
        warning=gettext("Kết quả đã xác nhận được tính vào thành tích và không sửa được nữa."),
        button=gettext("Xác nhận các kết quả này"),
    )
    return bulk.move_many(
        request,
        RESULTS,
        State.CONFIRMED,
        move=lambda entry: services.confirm_result(actor=request.user, entry=entry),
        words=words,
    )
