"""Items for the "needs attention" panels of the home pages (`core.attention`): what the
account itself can act on now."""

import datetime

from django.db.models import Count, Q
from django.utils.translation import ngettext_lazy

from thidua.core.attention import counted
from thidua.core.codes import State
from thidua.difficulties import rules
from thidua.difficulties.enums import OFFICE_TURN
from thidua.difficulties.models import Difficulty


def _office_items(visible) -> list[dict]:
    counts = visible.aggregate(
        waiting=Count("id", filter=Q(state__in=OFFICE_TURN)),
        decided=Count("id", filter=Q(state=State.DECIDED, closed_on__isnull=True)),
    )
    return counted(
        counts["waiting"],
        ngettext_lazy(
            "%(n)s khó khăn, vướng mắc của đơn vị chờ Văn phòng Sở tiếp nhận, trình Giám đốc",
            "%(n)s khó khăn, vướng mắc của đơn vị chờ Văn phòng Sở tiếp nhận, trình Giám đốc",
            "n",
        ),
        "difficulty_office_queue",
    ) + counted(
        counts["decided"],
        ngettext_lazy(
            "%(n)s quyết định của Giám đốc về khó khăn, vướng mắc chờ theo dõi thực hiện, đóng",
            "%(n)s quyết định của Giám đốc về khó khăn, vướng mắc chờ theo dõi thực hiện, đóng",
            "n",
        ),
        "difficulty_office_queue",
    )


def _director_items(visible) -> list[dict]:
    waiting = visible.awaiting_decision().count()
    return counted(
        waiting,
        ngettext_lazy(
            "%(n)s khó khăn, vướng mắc chờ Giám đốc quyết định",
            "%(n)s khó khăn, vướng mắc chờ Giám đốc quyết định",
            "n",
        ),
        "difficulty_director_queue",
    )


def _unit_items(user) -> list[dict]:
    drafts = Difficulty.objects.filter(unit_id__in=rules.raising_unit_ids(user), state=State.DRAFT).count()
    return counted(
        drafts,
        ngettext_lazy(
            "%(n)s khó khăn, vướng mắc của đơn vị còn là nháp, chưa gửi Văn phòng Sở",
            "%(n)s khó khăn, vướng mắc của đơn vị còn là nháp, chưa gửi Văn phòng Sở",
            "n",
        ),
        "difficulty_list",
    )


def attention_items(user, today: datetime.date | None = None) -> list[dict]:
    """The office: items to take in, recommend or close; the director: items awaiting a
    decision; a unit's head or staff: the unit's unsent drafts. `today` is accepted for
    the same signature as the other panels; nothing here depends on the date."""
    visible = Difficulty.objects.visible_to(user)
    items = []
    if rules.is_office(user):
        items += _office_items(visible)
    if rules.is_director(user):
        items += _director_items(visible)
    return items + _unit_items(user)
