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

from thidua.core.actions import add_errors, run_button, run_form, submit_once
from thidua.core.codes import State
from thidua.core.permissions import require
from thidua.proposals import rules, services
from thidua.proposals.forms import (
    AcceptForm,
    ExternalDecisionForm,
    ForwardForm,
    OverrideForm,
    ReasonForm,
)
from thidua.proposals.views.common import visible_or_404
from thidua.proposals.views.pages import render_detail


def _back(pk: int):
    return redirect("proposal_detail", pk=pk)


def _form_move(form_class, prefix: str, service, done: str, *, allowed, renamed: dict[str, str] | None = None):
    """The view of a move typed into the dossier page's form `prefix`. The form's fields
    are the service's keywords, but for those `renamed` (field → keyword). `allowed` is
    the move's predicate, asked before the form is read."""

    @login_required
    @require_POST
    def move(request, pk: int):
        proposal = visible_or_404(request.user, pk)
        if not allowed(request.user, proposal):
            raise PermissionDenied
        form = form_class(request.POST, prefix=prefix)

        def call(data):
            kwargs = {(renamed or {}).get(name, name): value for name, value in data.items()}
            service(actor=request.user, proposal=proposal, **kwargs)

        answer = run_form(request, form, call, done, _back(pk), show_errors=add_errors)
        if answer is not None:
            return answer
        proposal.refresh_from_db()  # a refusing service may have changed it in memory first
        return render_detail(request, proposal, status=400, **{f"{prefix}_form": form})

    return move


@login_required
@require_POST
def proposal_submit(request, pk: int):
    proposal = visible_or_404(request.user, pk)
    return submit_once(
        request,
        proposal,
        sender=rules.can_submit(request.user, proposal),
        sent_before=gettext("Đề nghị đã được gửi trước đó; trạng thái hiện tại là «%(state)s»."),
        call=lambda: services.submit(actor=request.user, proposal=proposal),
        done=gettext("Đã gửi đề nghị tới Văn phòng Sở."),
        back=_back(pk),
    )


@login_required
@require_POST
def proposal_approve(request, pk: int):
    proposal = visible_or_404(request.user, pk)
    return run_button(
        request,
        lambda: services.approve(actor=request.user, proposal=proposal),
        gettext("Đã phê duyệt đề nghị. Ban hành quyết định để ghi vào sổ khen thưởng."),
        _back(pk),
    )


def _refuses(user, proposal) -> bool:
    """Refusing: the director's move, or the office's recording of the upper level's
    refusal of a forwarded proposal (the table's predicate for where it stands)."""
    return rules.MOVES.predicate(proposal.state, State.REJECTED)(user, proposal)


proposal_accept = _form_move(
    AcceptForm, "accept", services.accept, _("Đã kiểm tra, tiếp nhận đề nghị."), allowed=rules.can_accept
)
proposal_return = _form_move(
    ReasonForm,
    "return",
    services.return_proposal,
    _("Đã trả lại đề nghị cho đơn vị, kèm lý do."),
    allowed=rules.can_return,
)
proposal_forward = _form_move(
    ForwardForm, "forward", services.forward, _("Đã ghi nhận việc trình cấp trên."), allowed=rules.can_forward
)
proposal_reject = _form_move(
    ReasonForm, "reject", services.reject, _("Đã ghi nhận không phê duyệt đề nghị."), allowed=_refuses
)
proposal_override = _form_move(
    OverrideForm,
    "override",
    services.set_override,
    _("Đã ghi lý do; lý do hiện trong hồ sơ."),
    allowed=rules.can_override,
    renamed={"override_reason": "reason"},
)
proposal_undo_acceptance = _form_move(
    ReasonForm,
    "unaccept",
    services.undo_acceptance,
    _("Đã hủy tiếp nhận; đề nghị trở lại «Đã gửi»."),
    allowed=rules.can_undo_acceptance,
)
proposal_undo_approval = _form_move(
    ReasonForm,
    "unapprove",
    services.undo_approval,
    _("Đã hủy phê duyệt; đề nghị trở lại «Đang xem xét»."),
    allowed=rules.can_undo_approval,
)
proposal_record_decision = _form_move(
    ExternalDecisionForm,
    "record",
    services.record_external_decision,
    _("Đã ghi quyết định của cấp trên; khen thưởng đã vào sổ."),
    allowed=rules.can_record_decision,
)


@login_required
@require_POST
def proposal_reassess(request, pk: int):
    proposal = visible_or_404(request.user, pk)
    require(rules.can_reassess(request.user, proposal), gettext("Bạn không xét lại điều kiện của đề nghị này."))
    services.refresh_verdict(proposal)
    messages.success(request, gettext("Đã xét lại điều kiện theo dữ liệu hiện có."))
    return redirect("proposal_detail", pk=pk)
