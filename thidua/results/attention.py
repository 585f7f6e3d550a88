"""Work-queue items of results (`core.attention`): a unit head's results to confirm; a
person's results returned to them."""

import datetime

from django.utils.translation import ngettext_lazy

from thidua.core.attention import counted
from thidua.core.codes import State
from thidua.results import rules
from thidua.results.models import ResultEntry


def attention_items(user, today: datetime.date) -> list[dict]:
    items = []
    units = rules.units_to_confirm(user)
    if units != []:
        waiting = ResultEntry.objects.filter(state=State.SUBMITTED, person__isnull=False)
        waiting = waiting if units is None else waiting.filter(unit_id__in=units)
        text = ngettext_lazy(
            "%(n)s kết quả của cán bộ chờ bạn xác nhận",
            "%(n)s kết quả của cán bộ chờ bạn xác nhận",
            "n",
        )
        items += counted(waiting.exclude(person__user_id=user.pk).count(), text, "results_awaiting")
    returned = ResultEntry.objects.filter(state=State.RETURNED, person__user_id=user.pk).count()
    text = ngettext_lazy(
        "%(n)s kết quả của bạn bị trả lại, cần sửa",
        "%(n)s kết quả của bạn bị trả lại, cần sửa",
        "n",
    )
    return items + counted(returned, text, "results_mine")
