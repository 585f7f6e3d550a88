"""Decisions: the list, the director's page to issue one for approved proposals, a
decision with its amounts and certificates, and its Word files."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from thidua.core.actions import add_errors, run_form
from thidua.core.codes import CommendationForm, CommendationKind, State
from thidua.core.downloads import attachment
from thidua.core.pagination import paginate
from thidua.documents.nd30 import date_line
from thidua.plans.models import Plan
from thidua.proposals import (
    award_certificate_docx,
    certificate_docx,
    decision_docx,
    decision_list_docx,
    rules,
    services,
)
from thidua.proposals.forms import DecisionIssueForm
from thidua.proposals.models import CertificateTemplate, Decision, Proposal
from thidua.proposals.money import salary_on


def _require_reader(user) -> None:
    if not rules.can_see_decisions(user):
        raise PermissionDenied(gettext("Trang này dành cho Văn phòng Sở, Lãnh đạo Sở và thủ trưởng đơn vị."))


@login_required
def decision_list(request):
    _require_reader(request.user)
    qs = Decision.objects.visible_to(request.user).order_by("-date", "-id")
    return render(
        request,
        "proposals/decision_list.html",
        {"page_obj": paginate(request, qs), "can_issue": rules.is_director(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision_issue(request):
    if not rules.is_director(request.user):
        raise PermissionDenied(gettext("Chỉ Giám đốc Sở ban hành quyết định khen thưởng."))
    form = DecisionIssueForm(request.POST or None, user=request.user)
    if request.method == "POST" and (
        answer := run_form(
            request,
            form,
            lambda data: services.issue_decision(
                actor=request.user, proposals=list(data["proposals"]), date=data["date"], summary=data["summary"]
            ),
            lambda decision: (
                gettext("Đã ban hành Quyết định số %(number)s; các khen thưởng đã vào sổ.")
                % {"number": decision.number_symbol}
            ),
            None,
            add_errors,
            then=lambda decision: redirect("decision_detail", pk=decision.pk),
        )
    ):
        return answer
    return render(
        request,
        "proposals/decision_issue.html",
        {"form": form, "salary": salary_on(timezone.localdate())},
        status=400 if form.errors else 200,
    )


def _visible_decision(user, pk: int) -> Decision:
    _require_reader(user)
    return get_object_or_404(Decision.objects.visible_to(user), pk=pk)


@login_required
def decision_detail(request, pk: int):
    decision = _visible_decision(request.user, pk)
    proposals = list(decision.proposals.visible_to(request.user).for_lists().order_by("category", "award_code", "id"))
    return render(
        request,
        "proposals/decision_detail.html",
        {
            "decision": decision,
            "proposals": proposals,
            "certificates": CommendationForm.GK.value,
            "other_certificates": {p.pk for p in proposals if award_certificate_docx.has_certificate(p)},
            "lists": decision_list_docx.award_groups(decision) if decision.issued_here else [],
        },
    )


@login_required
def decision_file(request, pk: int):
    decision = _visible_decision(request.user, pk)
    if not decision.issued_here:
        raise Http404  # a decision of another level is recorded, not generated here
    return attachment(decision_docx.DecisionDocx(decision).render(), decision_docx.filename(decision))


@login_required
def decision_list_file(request, pk: int, code: str):
    """The list of one title or form that goes with a decision issued here."""
    decision = _visible_decision(request.user, pk)
    if not decision.issued_here or not decision.proposals.filter(award_code=code).exists():
        raise Http404
    document = decision_list_docx.DecisionListDocx(decision, code)
    return attachment(document.render(), decision_list_docx.filename(decision, code))


def template_bytes() -> bytes:
    latest = CertificateTemplate.objects.first()
    if latest is None:
        return certificate_docx.default_template()
    with latest.file.open("rb") as handle:
        return handle.read()


def achievement_text(proposal: Proposal) -> str:
    year = proposal.year
    if proposal.kind == CommendationKind.DOT_XUAT:
        return gettext("Đã có thành tích xuất sắc đột xuất năm %(year)s.") % {"year": year}
    if proposal.kind == CommendationKind.CHUYEN_DE:
        return gettext("Đã có thành tích xuất sắc trong phong trào thi đua, giai đoạn đến năm %(year)s.") % {
            "year": year
        }
    return gettext("Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm %(year)s.") % {"year": year}


@login_required
def certificate_file(request, pk: int):
    """The Giấy khen of one person (or unit) decided here."""
    proposal = get_object_or_404(
        Proposal.objects.visible_to(request.user).select_related("decision"),
        pk=pk,
        state=State.DECIDED,
        award_code=CommendationForm.GK,
        decision__issued_here=True,
    )
    plan, decision = Plan.objects.current(), proposal.decision
    values = {
        "ho_ten": proposal.decided_name,
        "chuc_vu": proposal.decided_position,
        "don_vi": proposal.decided_unit,
        "thanh_tich": achievement_text(proposal),
        "so_quyet_dinh": decision.number_symbol,
        "ngay": date_line(plan.place, decision.date),
    }
    return attachment(certificate_docx.fill(template_bytes(), values), f"giay-khen-{proposal.pk}.docx")


@login_required
def award_certificate_file(request, pk: int):
    """The certificate of a CSTĐCS, a TTLĐXS or a collective's Giấy khen decided here."""
    proposal = get_object_or_404(
        Proposal.objects.visible_to(request.user).select_related("decision", "unit", "person"),
        pk=pk,
        state=State.DECIDED,
        decision__issued_here=True,
    )
    if not award_certificate_docx.has_certificate(proposal):
        raise Http404
    document = award_certificate_docx.AwardCertificateDocx(proposal)
    return attachment(document.render(), award_certificate_docx.filename(proposal))
