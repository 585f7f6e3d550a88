"""The moves of a proposal from its dossier page. A move that takes typed input and is
refused brings the dossier page back with the input as typed and the reason; a move
the state no longer allows (someone else was first, a double click) says where the
proposal is now."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from thidua.core.actions import Moves
from thidua.proposals import rules, services
from thidua.proposals.forms import (
    AcceptForm,
    ExternalDecisionForm,
    ForwardForm,
    OverrideForm,
    ReasonForm,
    ToCouncilForm,
)
from thidua.proposals.views.common import visible_or_404
from thidua.proposals.views.pages import render_detail


def _back(pk: int):
    return redirect("proposal_detail", pk=pk)


def _page_again(request, proposal, **forms):
    proposal.refresh_from_db()  # a refusing service may have changed it in memory first
    return render_detail(request, proposal, status=400, **forms)


moves = Moves(keyword="proposal", fetch=lambda request, pk: visible_or_404(request.user, pk),
              back=lambda proposal: _back(proposal.pk), page=_page_again)


def _form_move(form_class, prefix: str, service, done, renamed: dict[str, str] | None = None):
    """A move typed into the dossier page's form `prefix`."""
    return moves.form(form_class, f"{prefix}_form", service, done, prefix=prefix, renamed=renamed)


proposal_submit = moves.submit(
    services.submit, _("Đã gửi đề nghị tới Văn phòng Sở."), sender=rules.is_proposer,
    sent_before=_("Đề nghị đã được gửi trước đó; trạng thái hiện tại là «%(state)s»."))


proposal_approve = moves.button(services.approve,
                                _("Đã phê duyệt đề nghị. Ban hành quyết định để ghi vào sổ khen thưởng."))
proposal_accept = _form_move(AcceptForm, "accept", services.accept, _("Đã kiểm tra, tiếp nhận đề nghị."))
proposal_return = _form_move(ReasonForm, "return", services.return_proposal,
                             _("Đã trả lại đề nghị cho đơn vị, kèm lý do."))
proposal_to_council = _form_move(ToCouncilForm, "council", services.send_to_council, _("Đã đưa đề nghị ra Hội đồng."))
proposal_forward = _form_move(ForwardForm, "forward", services.forward, _("Đã ghi nhận việc trình cấp trên."))
proposal_reject = _form_move(ReasonForm, "reject", services.reject, _("Đã ghi nhận không phê duyệt đề nghị."))
proposal_override = _form_move(OverrideForm, "override", services.set_override,
                               _("Đã ghi lý do; lý do hiện trong hồ sơ."), renamed={"override_reason": "reason"})
proposal_record_decision = _form_move(ExternalDecisionForm, "record", services.record_external_decision,
                                      _("Đã ghi quyết định của cấp trên; khen thưởng đã vào sổ."))


@login_required
@require_POST
def proposal_reassess(request, pk: int):
    proposal = visible_or_404(request.user, pk)
    user = request.user
    if not (rules.is_proposer(user, proposal) or rules.can_check(user) or rules.can_decide(user)):
        raise PermissionDenied(gettext("Bạn không xét lại điều kiện của đề nghị này."))
    services.refresh_verdict(proposal)
    messages.success(request, gettext("Đã xét lại điều kiện theo dữ liệu hiện có."))
    return redirect("proposal_detail", pk=pk)
