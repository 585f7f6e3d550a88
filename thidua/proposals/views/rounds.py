"""A unit's round of proposals (đợt đề nghị): proposing many people and collectives at
once with one Tờ trình, the round's page, sending the whole round, its shared files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from thidua.core import params
from thidua.core.actions import add_errors, refusal_text
from thidua.core.downloads import attached_or_404, saved_file
from thidua.core.permissions import require
from thidua.proposals import rules, services
from thidua.proposals.enums import EDITABLE
from thidua.proposals.forms import RoundForm
from thidua.proposals.models import ProposalRound, RoundFile

REFUSED = gettext_lazy("Chỉ thủ trưởng đơn vị và Văn phòng Sở lập đợt đề nghị khen thưởng.")


def _unit(request):
    """The unit whose round is made: the one asked for among those the account may
    propose for, else the first of them."""
    units = rules.proposable_units(request.user).order_by("order", "name")
    asked = params.for_page(request, params.identifier, "don-vi")
    unit = units.filter(pk=asked).first() if asked else units.first()
    require(unit is not None, REFUSED)
    return unit, units


@login_required
@require_http_methods(["GET", "POST"])
def round_create(request):
    require(
        rules.can_propose(request.user), gettext("Chỉ thủ trưởng đơn vị và Văn phòng Sở lập đợt đề nghị khen thưởng.")
    )
    unit, units = _unit(request)
    form = RoundForm(request.POST or None, request.FILES or None, unit=unit)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            batch = services.propose_round(
                actor=request.user,
                unit=unit,
                year=form.cleaned_data["year"],
                entries=form.entries(),
                files=form.shared_files(),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            count = batch.proposals.count()
            messages.success(request, gettext("Đã lập đợt đề nghị gồm %(n)s đề nghị.") % {"n": count})
            return redirect("round_detail", pk=batch.pk)
    if request.method == "POST":
        status = 400
    context = {"form": form, "unit": unit, "units": units if len(units) > 1 else None}
    return render(request, "proposals/round_form.html", context, status=status)


def _round(user, pk: int) -> ProposalRound:
    return get_object_or_404(ProposalRound.objects.visible_to(user).select_related("unit"), pk=pk)


@login_required
def round_detail(request, pk: int):
    batch = _round(request.user, pk)
    proposals = list(batch.proposals.visible_to(request.user).for_lists().order_by("category", "award_code", "id"))
    waiting = [p for p in proposals if p.state in EDITABLE]
    context = {
        "batch": batch,
        "proposals": proposals,
        "files": list(batch.files.select_related("uploaded_by__person")),
        "can_send": bool(waiting) and rules.can_propose_for(request.user, batch.unit),
        "waiting": len(waiting),
    }
    return render(request, "proposals/round_detail.html", context)


@login_required
@require_POST
def round_submit(request, pk: int):
    batch = _round(request.user, pk)
    require(rules.can_propose_for(request.user, batch.unit), gettext("Chỉ đơn vị lập đợt đề nghị được gửi đợt này."))
    try:
        count = services.submit_round(actor=request.user, batch=batch)
    except ValidationError as error:
        messages.error(request, refusal_text(error))
    else:
        messages.success(request, gettext("Đã gửi %(n)s đề nghị của đợt cho Văn phòng Sở.") % {"n": count})
    return redirect("round_detail", pk=pk)


@login_required
def round_file(request, pk: int):
    row = attached_or_404(
        RoundFile.objects.all(), pk, to="round", visible=ProposalRound.objects.visible_to(request.user)
    )
    return saved_file(row.file, row.original_name)
