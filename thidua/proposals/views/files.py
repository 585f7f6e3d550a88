"""Dossier files: attaching, downloading (only through a proposal the user may see) and
removing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from thidua.core.actions import add_errors, run_form
from thidua.core.downloads import attached_or_404, saved_file
from thidua.proposals import dossier, services
from thidua.proposals.forms import AttachForm
from thidua.proposals.models import DossierFile, Proposal
from thidua.proposals.views.common import visible_or_404
from thidua.proposals.views.pages import render_detail


@login_required
@require_POST
def proposal_attach(request, pk: int):
    proposal = visible_or_404(request.user, pk)
    form = AttachForm(request.POST, request.FILES, codes=dossier.required(proposal))
    answer = run_form(
        request,
        form,
        lambda data: services.attach(
            actor=request.user, proposal=proposal, document=data["document"], upload=data["file"]
        ),
        lambda _: gettext("Đã đính kèm «%(name)s» vào hồ sơ.") % {"name": form.cleaned_data["file"].name},
        redirect("proposal_detail", pk=pk),
        add_errors,
    )
    return answer or render_detail(request, proposal, status=400, attach_form=form)


def _visible_file(user, pk: int) -> DossierFile:
    return attached_or_404(DossierFile.objects.all(), pk, to="proposal", visible=Proposal.objects.visible_to(user))


@login_required
def dossier_file(request, pk: int):
    row = _visible_file(request.user, pk)
    return saved_file(row.file, row.original_name)


@login_required
@require_POST
def dossier_file_delete(request, pk: int):
    row = _visible_file(request.user, pk)
    services.remove(actor=request.user, file=row)
    messages.success(request, gettext("Đã xóa «%(name)s» khỏi hồ sơ.") % {"name": row.original_name})
    return redirect("proposal_detail", pk=row.proposal_id)
