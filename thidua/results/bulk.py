"""The unit head confirms many results of the unit's people in one action, from the list
of results waiting (`core/bulk.py`); each result through `services.confirm_result`."""

from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from thidua.core import bulk
from thidua.core.actions import safe_next
from thidua.core.codes import State
from thidua.results import rules, services
from thidua.results.models import ResultEntry


@login_required
@require_POST
def confirm_many(request):
    entries = bulk.chosen(request, ResultEntry.objects.visible_to(request.user).select_related("person", "unit"))
    entries.sort(key=lambda e: (e.date, e.pk))
    items = [
        bulk.Item(
            entry,
            f"{entry.person.full_name if entry.person else entry.unit.name} — {entry.title}",
            reverse("result_detail", args=[entry.pk]),
            bulk.why_not(request.user, entry, to=State.CONFIRMED, moves=rules.MOVES),
        )
        for entry in entries
    ]
    words = bulk.Words(
        title=gettext("Xác nhận nhiều kết quả"),
        will=gettext("Xác nhận"),
        done=gettext("Đã xác nhận %(count)s kết quả."),
        warning=gettext("Kết quả đã xác nhận được tính vào thành tích và không sửa được nữa."),
        button=gettext("Xác nhận các kết quả này"),
    )
    return bulk.confirm_then_run(
        request,
        items,
        move=lambda entry: services.confirm_result(actor=request.user, entry=entry),
        words=words,
        back=safe_next(request, reverse("results_awaiting")),
    )
