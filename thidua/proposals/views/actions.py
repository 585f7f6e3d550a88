"""The moves of a proposal from its dossier page. A move that takes typed input and is
refused brings the dossier page back with the input as typed and the reason; a move
the state no longer allows (someone else was first, a double click) says where the
proposal is now."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from thidua.core.codes import State
from thidua.core.workflow import TransitionError
from thidua.proposals import rules, services
from thidua.proposals.forms import (
    AcceptForm,
    ExternalDecisionForm,
    ForwardForm,
    OverrideForm,
    ReasonForm,
    ToCouncilForm,
)
from thidua.proposals.views.common import add_errors, text_of, visible_or_404
from thidua.proposals.views.pages import render_detail


def _act(request, pk: int, action, done: str, **kwargs):
    proposal = visible_or_404(request.user, pk)
    try:
        action(actor=request.user, proposal=proposal, **kwargs)
    except (TransitionError, ValidationError) as error:
        messages.error(request, text_of(error))
    else:
        messages.success(request, done)
    return redirect("proposal_detail", pk=pk)


def _with_form(request, pk: int, form_class, prefix: str, form_name: str, call, done: str, **form_kwargs):
    proposal = visible_or_404(request.user, pk)
    form = form_class(request.POST, prefix=prefix, **form_kwargs)
    if form.is_valid():
        try:
            call(proposal, form.cleaned_data)
        except TransitionError as error:
            messages.error(request, str(error))
            return redirect("proposal_detail", pk=pk)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("proposal_detail", pk=pk)
    proposal.refresh_from_db()
    return render_detail(request, proposal, status=400, **{form_name: form})


@login_required
@require_POST
def proposal_submit(request, pk: int):
    proposal = visible_or_404(request.user, pk)
    if proposal.state == State.SUBMITTED and rules.is_proposer(request.user, proposal):
        messages.info(request, gettext("Đề nghị đã được gửi trước đó; trạng thái hiện tại là «%(state)s».")
                      % {"state": proposal.get_state_display()})
        return redirect("proposal_detail", pk=pk)
    return _act(request, pk, services.submit, gettext("Đã gửi đề nghị tới Văn phòng Sở."))


@login_required
@require_POST
def proposal_accept(request, pk: int):
    return _with_form(request, pk, AcceptForm, "accept", "accept_form", lambda p, d: services.accept(
        actor=request.user, proposal=p, override_reason=d["override_reason"]),
        gettext("Đã kiểm tra, tiếp nhận đề nghị."))


@login_required
@require_POST
def proposal_return(request, pk: int):
    return _with_form(request, pk, ReasonForm, "return", "return_form", lambda p, d: services.return_proposal(
        actor=request.user, proposal=p, reason=d["reason"]), gettext("Đã trả lại đề nghị cho đơn vị, kèm lý do."))


@login_required
@require_POST
def proposal_to_council(request, pk: int):
    return _with_form(request, pk, ToCouncilForm, "council", "council_form", lambda p, d: services.send_to_council(
        actor=request.user, proposal=p, meeting=d["meeting"]), gettext("Đã đưa đề nghị ra Hội đồng."))


@login_required
@require_POST
def proposal_approve(request, pk: int):
    return _act(request, pk, services.approve, gettext("Đã phê duyệt đề nghị. Ban hành quyết định để ghi vào sổ "
                                                       "khen thưởng."))


@login_required
@require_POST
def proposal_forward(request, pk: int):
    return _with_form(request, pk, ForwardForm, "forward", "forward_form", lambda p, d: services.forward(
        actor=request.user, proposal=p, note=d["note"]), gettext("Đã ghi nhận việc trình cấp trên."))


@login_required
@require_POST
def proposal_reject(request, pk: int):
    return _with_form(request, pk, ReasonForm, "reject", "reject_form", lambda p, d: services.reject(
        actor=request.user, proposal=p, reason=d["reason"]), gettext("Đã ghi nhận không phê duyệt đề nghị."))


@login_required
@require_POST
def proposal_override(request, pk: int):
    return _with_form(request, pk, OverrideForm, "override", "override_form", lambda p, d: services.set_override(
        actor=request.user, proposal=p, reason=d["override_reason"]), gettext("Đã ghi lý do; lý do hiện trong hồ sơ."))


@login_required
@require_POST
def proposal_record_decision(request, pk: int):
    return _with_form(request, pk, ExternalDecisionForm, "record", "record_form",
                      lambda p, d: services.record_external_decision(actor=request.user, proposal=p, **d),
                      gettext("Đã ghi quyết định của cấp trên; khen thưởng đã vào sổ."))


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
