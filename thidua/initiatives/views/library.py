"""The library of recognised initiatives: every signed-in user browses and searches it,
opens one, and records that their own unit replicated it (since when, with what result
and evidence)."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from thidua.core.actions import add_errors, run_form
from thidua.core.downloads import saved_file
from thidua.core.pagination import paginate
from thidua.initiatives import rules, services, statistics
from thidua.initiatives.forms import AdoptionForm, LibraryFilterForm
from thidua.initiatives.models import Adoption, Initiative


@login_required
def library(request):
    form = LibraryFilterForm(request.GET or None)
    qs = Initiative.objects.library()
    if form.is_valid():
        qs = form.apply(qs)
    return render(
        request,
        "initiatives/library.html",
        {
            "form": form,
            "page_obj": paginate(request, qs.annotate(adoption_count=Count("adoptions"))),
            "replicated": statistics.replicated(qs),
        },
    )


def _library_detail(request, initiative: Initiative, form: AdoptionForm | None = None):
    adoptions = list(initiative.adoptions.select_related("unit"))
    marked = {a.unit_id for a in adoptions}
    readable = set(Adoption.objects.visible_to(request.user).filter(initiative=initiative).values_list("pk", flat=True))
    for adoption in adoptions:
        adoption.readable = adoption.pk in readable
    units = rules.adopting_units(request.user).exclude(pk__in=[*marked, initiative.unit_id])
    if form is None and units.exists():
        form = AdoptionForm(units=units)
    return render(
        request, "initiatives/library_detail.html", {"initiative": initiative, "adoptions": adoptions, "form": form}
    )


@login_required
def library_detail(request, pk: int):
    return _library_detail(request, get_object_or_404(Initiative.objects.library(), pk=pk))


@login_required
@require_POST
def library_apply(request, pk: int):
    initiative = get_object_or_404(Initiative.objects.library(), pk=pk)
    form = AdoptionForm(request.POST, request.FILES, units=rules.adopting_units(request.user))
    answer = run_form(
        request,
        form,
        lambda data: services.mark_applied(actor=request.user, initiative=initiative, **data),
        lambda _: gettext("Đã ghi nhận: sáng kiến được áp dụng tại «%(unit)s».") % {"unit": form.cleaned_data["unit"]},
        redirect("library_detail", pk=pk),
        add_errors,
    )
    return answer or _library_detail(request, initiative, form)


@login_required
def adoption_evidence(request, pk: int):
    """A replication's evidence: for the adopting unit and those who see the initiative;
    anyone else gets 404."""
    adoption = get_object_or_404(Adoption.objects.visible_to(request.user).exclude(evidence=""), pk=pk)
    return saved_file(adoption.evidence, adoption.evidence_name or adoption.evidence.name)
