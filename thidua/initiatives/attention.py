"""Work-queue items of initiatives (`core.attention`): a council member's initiatives
to score."""

import datetime

from django.utils.translation import ngettext_lazy

from thidua.core.attention import counted
from thidua.initiatives.models import Initiative


def attention_items(user, today: datetime.date) -> list[dict]:
    text = ngettext_lazy("%(n)s sáng kiến chờ bạn chấm điểm", "%(n)s sáng kiến chờ bạn chấm điểm", "n")
    return counted(Initiative.objects.to_score_by(user).count(), text, "council_queue")
