"""The catalogue of titles and forms (two tables, never mixed) and the eligibility rules;
the office edits both, each change being a correction of a version or a new version."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from thidua.commendation import catalogue as lookups
from thidua.commendation import rules, services
from thidua.commendation.enums import UNSETTLED
from thidua.commendation.forms import AwardTypeForm, EligibilityRuleForm
from thidua.commendation.models import AwardType, EligibilityRule
from thidua.commendation.views.common import history_of, require_manager
from thidua.core.actions import add_errors, run_form

SAVED = _("Đã lưu. Lịch sử thay đổi được ghi lại.")


@login_required
def award_catalogue(request):
    today = timezone.localdate()
    context = {
        "titles": lookups.titles(today),
        "forms": lookups.forms(today),
        "today": today,
        "can_edit": rules.can_manage(request.user),
    }
    return render(request, "commendation/catalogue.html", context)


@login_required
def eligibility_rules(request):
    # Rule numbers and confidence labels are the office's working notes, not for units.
    require_manager(request.user)
    today = timezone.localdate()
    rows = lookups.rules_in_force(today)
    return render(
        request,
        "commendation/rules.html",
        {"rules": rows, "unsettled": UNSETTLED, "today": today, "can_edit": rules.can_manage(request.user)},
    )


def _edit(request, model, form_class, pk: int, template: str, back: str):
    require_manager(request.user)
    stored = get_object_or_404(model, pk=pk)
    form = form_class(request.POST or None, instance=get_object_or_404(model, pk=pk))
    if answer := run_form(
        request,
        form,
        lambda _: services.save_version(actor=request.user, edited=form.instance),
        SAVED,
        redirect(back),
        add_errors,
    ):
        return answer
    versions = list(model.objects.filter(code=stored.code).order_by("-effective_from"))
    return render(
        request,
        template,
        {"form": form, "object": stored, "versions": versions, "history": history_of(versions)},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def award_type_edit(request, pk: int):
    return _edit(request, AwardType, AwardTypeForm, pk, "commendation/award_type_form.html", "award_catalogue")


@login_required
@require_http_methods(["GET", "POST"])
def eligibility_rule_edit(request, pk: int):
    return _edit(request, EligibilityRule, EligibilityRuleForm, pk, "commendation/rule_form.html", "eligibility_rules")
