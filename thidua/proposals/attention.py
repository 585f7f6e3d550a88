"""Work-queue items of proposals (`core.attention`): the office's proposals to check;
the Director's proposals the council passed and those approved, waiting for the
decision; a unit head's proposals returned to the unit."""

import datetime

from django.db.models import Count, Q
from django.utils.translation import ngettext_lazy

from thidua.core.attention import counted
from thidua.core.codes import State
from thidua.proposals import rules
from thidua.proposals.models import Proposal


def attention_items(user, today: datetime.date) -> list[dict]:
    visible = Proposal.objects.visible_to(user)
    counts = visible.aggregate(
        sent=Count("id", filter=Q(state=State.SUBMITTED)),
        passed=Count("id", filter=Q(state=State.UNDER_REVIEW, council_items__passed=True), distinct=True),
        approved=Count("id", filter=Q(state=State.APPROVED)),
        returned=Count("id", filter=Q(state=State.RETURNED)),
    )
    items = []
    if rules.is_office(user):
        text = ngettext_lazy(
            "%(n)s đề nghị khen thưởng chờ kiểm tra hồ sơ",
            "%(n)s đề nghị khen thưởng chờ kiểm tra hồ sơ",
            "n",
        )
        items += counted(counts["sent"], text, "proposal_list", query=f"?state={State.SUBMITTED}")
    if rules.is_director(user):
        passed = ngettext_lazy(
            "%(n)s đề nghị Hội đồng đã thông qua chờ Giám đốc phê duyệt",
            "%(n)s đề nghị Hội đồng đã thông qua chờ Giám đốc phê duyệt",
            "n",
        )
        approved = ngettext_lazy(
            "%(n)s đề nghị đã phê duyệt chờ ban hành quyết định",
            "%(n)s đề nghị đã phê duyệt chờ ban hành quyết định",
            "n",
        )
        items += counted(counts["passed"], passed, "proposal_list", query=f"?state={State.UNDER_REVIEW}")
        items += counted(counts["approved"], approved, "decision_issue")
    if rules.can_propose(user) and not rules.is_office(user):
        text = ngettext_lazy(
            "%(n)s đề nghị bị trả lại, cần bổ sung",
            "%(n)s đề nghị bị trả lại, cần bổ sung",
            "n",
        )
        items += counted(counts["returned"], text, "proposal_list", query=f"?state={State.RETURNED}")
    return items
