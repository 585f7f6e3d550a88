"""Many proposals in one action from the list (`core/bulk.py`): the Director approves
every proposal the council passed, the office returns many to their units with one
reason. Each proposal still goes through its own service; the confirmation page tries
each approval first, so it names those the Director cannot approve and why."""

from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from thidua.core import bulk
from thidua.core.codes import State
from thidua.core.permissions import require
from thidua.proposals import rules, services
from thidua.proposals.forms import ReturnManyForm
from thidua.proposals.models import Proposal

PROPOSALS = bulk.Kind(
    rows=lambda user: Proposal.objects.visible_to(user).for_lists().order_by("year", "category", "award_code", "id"),
    label=lambda p: f"{p.subject} — {p.get_award_code_display()} năm {p.year}",
    url=lambda p: reverse("proposal_detail", args=[p.pk]),
    moves=rules.MOVES,
    back="proposal_list",
)


@login_required
@require_POST
def approve_many(request):
    require(rules.is_director(request.user), gettext("Chỉ Giám đốc Sở phê duyệt đề nghị khen thưởng."))

    def approve(proposal):
        services.approve(actor=request.user, proposal=proposal)

    if bulk.confirmed(request):
        items = bulk.items(request, PROPOSALS, State.APPROVED)
    else:
        reasons = bulk.trial(bulk.chosen_of(request, PROPOSALS), approve)
        # As stored: the trial moved and undid them.
        items = [bulk.item_of(PROPOSALS, p, reasons.get(p.pk, "")) for p in bulk.chosen_of(request, PROPOSALS)]
    words = bulk.Words(
        title=gettext("Phê duyệt nhiều đề nghị"),
        will=gettext("Phê duyệt"),
        done=gettext("Đã phê duyệt %(count)s đề nghị. Có thể ban hành quyết định khen thưởng."),
        button=gettext("Phê duyệt các đề nghị này"),
    )
    return bulk.confirm_then_run(request, items, move=approve, words=words, back=bulk.back_to(request, PROPOSALS))


@login_required
@require_POST
def return_many(request):
    require(rules.is_office(request.user), gettext("Chỉ Văn phòng Sở trả lại đề nghị."))
    words = bulk.Words(
        title=gettext("Trả lại nhiều đề nghị"),
        will=gettext("Trả lại cho đơn vị, kèm cùng một lý do,"),
        done=gettext("Đã trả lại %(count)s đề nghị."),
        button=gettext("Trả lại các đề nghị này"),
    )
    return bulk.move_many(
        request,
        PROPOSALS,
        State.RETURNED,
        move=lambda proposal, reason: services.return_proposal(actor=request.user, proposal=proposal, reason=reason),
        words=words,
        form_class=ReturnManyForm,
    )
