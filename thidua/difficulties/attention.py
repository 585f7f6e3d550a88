"""Items for the "needs attention" panels of the home pages: what the account itself
can act on now. Each item is {"text", "url"}, `url` a URL name without arguments, as
the panel resolves it with {% url %}."""

import datetime

from django.db.models import Count, Q
from django.utils.translation import ngettext

from thidua.core.codes import State
from thidua.difficulties import rules
from thidua.difficulties.enums import OFFICE_TURN
from thidua.difficulties.models import Difficulty


def _office_items(visible) -> list[dict]:
    counts = visible.aggregate(
        waiting=Count("id", filter=Q(state__in=OFFICE_TURN)),
        decided=Count("id", filter=Q(state=State.DECIDED, closed_on__isnull=True)),
    )
    items = []
    if counts["waiting"]:
        items.append(
            {
                "text": ngettext(
                    "%(n)s khó khăn, vướng mắc của đơn vị chờ Văn phòng Sở tiếp nhận, trình Giám đốc",
                    "%(n)s khó khăn, vướng mắc của đơn vị chờ Văn phòng Sở tiếp nhận, trình Giám đốc",
                    counts["waiting"],
                )
                % {"n": counts["waiting"]},
                "url": "difficulty_office_queue",
            }
        )
    if counts["decided"]:
        items.append(
            {
                "text": ngettext(
                    "%(n)s quyết định của Giám đốc về khó khăn, vướng mắc chờ theo dõi thực hiện, đóng",
                    "%(n)s quyết định của Giám đốc về khó khăn, vướng mắc chờ theo dõi thực hiện, đóng",
                    counts["decided"],
                )
                % {"n": counts["decided"]},
                "url": "difficulty_office_queue",
            }
        )
    return items


def _director_items(visible) -> list[dict]:
    waiting = visible.awaiting_decision().count()
    if not waiting:
        return []
    return [
        {
            "text": ngettext(
                "%(n)s khó khăn, vướng mắc chờ Giám đốc quyết định",
                "%(n)s khó khăn, vướng mắc chờ Giám đốc quyết định",
                waiting,
            )
            % {"n": waiting},
            "url": "difficulty_director_queue",
        }
    ]


def _unit_items(user) -> list[dict]:
    drafts = Difficulty.objects.filter(unit_id__in=rules.raising_unit_ids(user), state=State.DRAFT).count()
    if not drafts:
        return []
    return [
        {
            "text": ngettext(
                "%(n)s khó khăn, vướng mắc của đơn vị còn là nháp, chưa gửi Văn phòng Sở",
                "%(n)s khó khăn, vướng mắc của đơn vị còn là nháp, chưa gửi Văn phòng Sở",
                drafts,
            )
            % {"n": drafts},
            "url": "difficulty_list",
        }
    ]


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
