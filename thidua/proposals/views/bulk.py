"""Many proposals in one action from the list (`core/bulk.py`): the Director approves
every proposal the council passed, the office returns many to their units with one
reason. Each proposal still goes through its own service; the confirmation page tries
each approval first, so it names those the Director cannot approve and why."""

from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from thidua.core import bulk
from thidua.core.actions import safe_next
from thidua.core.codes import State
from thidua.core.permissions import require
from thidua.proposals import rules, services
from thidua.proposals.forms import ReturnManyForm
from thidua.proposals.models import Proposal


def _proposals(request) -> list[Proposal]:
    proposals = bulk.chosen(request, Proposal.objects.visible_to(request.user).for_lists())
    return sorted(proposals, key=lambda p: (p.year, p.category, p.award_code, p.pk))


def _item(proposal: Proposal, reason: str) -> bulk.Item:
    label = f"{proposal.subject} — {proposal.get_award_code_display()} năm {proposal.year}"
    return bulk.Item(proposal, label, reverse("proposal_detail", args=[proposal.pk]), reason)


def _back(request) -> str:
    return safe_next(request, reverse("proposal_list"))


@login_required
@require_POST
def approve_many(request):
    require(rules.is_director(request.user), gettext("Chỉ Giám đốc Sở phê duyệt đề nghị khen thưởng."))
    proposals = _proposals(request)

    def approve(proposal):
        services.approve(actor=request.user, proposal=proposal)

    if bulk.confirmed(request):
        reasons = {p.pk: bulk.why_not(request.user, p, to=State.APPROVED, moves=rules.MOVES) for p in proposals}
    else:
        reasons = bulk.trial(proposals, approve)
        proposals = _proposals(request)  # as stored: the trial moved and undid them
    words = bulk.Words(
        title=gettext("Phê duyệt nhiều đề nghị"),
        will=gettext("Phê duyệt"),
        done=gettext("Đã phê duyệt %(count)s đề nghị. Có thể ban hành quyết định khen thưởng."),
        button=gettext("Phê duyệt các đề nghị này"),
    )
    items = [_item(p, reasons.get(p.pk, "")) for p in proposals]
    return bulk.confirm_then_run(request, items, move=approve, words=words, back=_back(request))


@login_required
@require_POST
def return_many(request):
    require(rules.is_office(request.user), gettext("Chỉ Văn phòng Sở trả lại đề nghị."))
    proposals = _proposals(request)
    items = [_item(p, bulk.why_not(request.user, p, to=State.RETURNED, moves=rules.MOVES)) for p in proposals]
    words = bulk.Words(
        title=gettext("Trả lại nhiều đề nghị"),
        will=gettext("Trả lại cho đơn vị, kèm cùng một lý do,"),
        done=gettext("Đã trả lại %(count)s đề nghị."),
        button=gettext("Trả lại các đề nghị này"),
    )
    return bulk.confirm_then_run(
        request,
        items,
        move=lambda proposal, reason: services.return_proposal(actor=request.user, proposal=proposal, reason=reason),
        words=words,
        back=_back(request),
        form_class=ReturnManyForm,
    )
