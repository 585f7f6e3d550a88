"""Decisions: the list, the director's page to issue one for approved proposals, a
decision with its amounts and certificates, and its Word files."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from thidua.core.actions import add_errors, run_form
from thidua.core.codes import CommendationForm, State
from thidua.core.downloads import attachment
from thidua.core.pagination import paginate
from thidua.core.permissions import require
from thidua.documents import on_blank, word_or_pdf
from thidua.documents.certificate_page import certificate_pages
from thidua.plans.models import Plan
from thidua.proposals import (
    award_certificate_docx,
    certificate_blank,
    certificate_docx,
    decision_docx,
    decision_export,
    decision_list_docx,
    money,
    revocation_docx,
    rules,
    services,
)
from thidua.proposals.forms import DecisionIssueForm, RevocationForm
from thidua.proposals.models import CertificateTemplate, Decision, Proposal
from thidua.proposals.wording import AWARD_CERTIFICATE, CERTIFICATE


def _require_reader(user) -> None:
    require(
        rules.can_see_decisions(user), gettext("Trang này dành cho Văn phòng Sở, Lãnh đạo Sở và thủ trưởng đơn vị.")
    )


@login_required
def decision_list(request):
    _require_reader(request.user)
    chosen, qs = decision_export.filtered(request, request.user)
    query = urlencode({key: value for key, value in chosen.items() if value})
    context = {"page_obj": paginate(request, qs), "can_issue": rules.is_director(request.user)}
    return render(request, "proposals/decision_list.html", context | {"chosen": chosen, "query": query})


@login_required
def decision_list_xlsx(request):
    """The decisions of the list's filter, as the page shows them."""
    _require_reader(request.user)
    _chosen, qs = decision_export.filtered(request, request.user)
    return attachment(decision_export.workbook(qs), decision_export.FILENAME)


@login_required
@require_http_methods(["GET", "POST"])
def decision_issue(request):
    require(rules.is_director(request.user), gettext("Chỉ Giám đốc Sở ban hành quyết định khen thưởng."))
    form = DecisionIssueForm(request.POST or None, user=request.user)
    if answer := run_form(
        request,
        form,
        lambda data: _issue(request.user, data),
        lambda decision: (
            gettext("Đã ban hành Quyết định số %(number)s; các khen thưởng đã vào sổ.")
            % {"number": decision.number_symbol}
        ),
        None,
        add_errors,
        then=lambda decision: redirect("decision_detail", pk=decision.pk),
    ):
        return answer
    return _issue_page(request, form)


def _issue(actor, data: dict) -> Decision:
    return services.issue_decision(
        actor=actor,
        proposals=list(data["proposals"]),
        date=data["date"],
        summary=data["summary"],
        number=data.get("number"),
    )


def _issue_page(request, form):
    # The money problems of the date typed (the form shown again after a refusal), or today's.
    day = getattr(form, "cleaned_data", {}).get("date") or timezone.localdate()
    return render(
        request,
        "proposals/decision_issue.html",
        {
            "form": form,
            "day": day,
            "salary": money.confirmed_salary(day),
            "rule": money.rule_in_force(day),
            "problems": [text for text in (money.salary_problem(day), money.rule_problem(day)) if text],
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def decision_preview(request):
    """The decision the issue form would make, as PDF in the browser, before the director
    issues it. The issue is played in full (the checks, the next number of the register,
    the amounts) inside a transaction that is then rolled back: the preview is the
    document as it would be issued, and nothing of it is kept."""
    require(rules.is_director(request.user), gettext("Chỉ Giám đốc Sở ban hành quyết định khen thưởng."))
    form = DecisionIssueForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            data = _draft(request.user, form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            return word_or_pdf.as_pdf(request, data, "du-thao-quyet-dinh.docx", inline=True)
    return _issue_page(request, form)


def _draft(actor, data: dict) -> bytes:
    with transaction.atomic():
        decision = _issue(actor, data)
        document = decision_docx.DecisionDocx(decision).render()
        transaction.set_rollback(True)
    return document


def _visible_decision(user, pk: int) -> Decision:
    _require_reader(user)
    return get_object_or_404(Decision.objects.visible_to(user).select_related("salary", "payment_rule"), pk=pk)


@login_required
def decision_detail(request, pk: int):
    decision = _visible_decision(request.user, pk)
    if decision.revokes_id:
        return _revoking_detail(request, decision)
    proposals = list(
        decision.proposals.visible_to(request.user)
        .for_lists()
        .select_related("revoked_by")
        .order_by("category", "award_code", "id")
    )
    # The amounts of the whole decision (a unit head sees only their rows, the totals of all).
    every = list(decision.proposals.order_by("category", "award_code", "subject_unit__order", "id"))
    others = {p.pk for p in proposals if award_certificate_docx.has_certificate(p)}
    return render(
        request,
        "proposals/decision_detail.html",
        {
            "decision": decision,
            "proposals": proposals,
            "money": money.of_decision(decision, every) if decision.issued_here else None,
            "certificates": CommendationForm.GK.value,
            "batch_award_certificates": decision.issued_here and bool(others),
            "batch_certificates": decision.issued_here
            and any(p.award_code == CommendationForm.GK and p.state == State.DECIDED for p in proposals),
            "other_certificates": others,
            "lists": decision_list_docx.award_groups(decision) if decision.issued_here else [],
            "revocations": list(decision.revocations.order_by("date", "id")),
            "can_revoke": decision.issued_here
            and rules.is_director(request.user)
            and any(rules.can_revoke(request.user, p) for p in proposals if p.state == State.DECIDED),
        },
    )


def _revoking_detail(request, decision: Decision):
    """A decision that revokes awards of an earlier one: what it revokes and why."""
    revoked = decision.revoked_proposals.visible_to(request.user).for_lists().order_by("category", "award_code", "id")
    return render(request, "proposals/revocation_detail.html", {"decision": decision, "proposals": list(revoked)})


@login_required
@require_http_methods(["GET", "POST"])
def decision_revoke(request, pk: int):
    """The director's decision revoking the whole decision or some of its awards."""
    decision = _visible_decision(request.user, pk)
    require(rules.is_director(request.user), gettext("Chỉ Giám đốc Sở ban hành quyết định hủy bỏ khen thưởng."))
    if not decision.issued_here or decision.revokes_id:
        raise Http404
    revocable = services.revocable(decision).for_lists().order_by("category", "award_code", "id")
    form = RevocationForm(request.POST or None, decision=decision, revocable=revocable)
    if answer := run_form(
        request,
        form,
        lambda data: services.revoke_decision(
            actor=request.user,
            decision=decision,
            proposals=list(data["proposals"]),
            date=data["date"],
            reason=data["reason"],
            number=data.get("number"),
        ),
        lambda revoking: (
            gettext("Đã ban hành Quyết định số %(number)s hủy bỏ khen thưởng; sổ khen thưởng đã ghi nhận.")
            % {"number": revoking.number_symbol}
        ),
        None,
        add_errors,
        then=lambda revoking: redirect("decision_detail", pk=revoking.pk),
    ):
        return answer
    return render(
        request,
        "proposals/decision_revoke.html",
        {"decision": decision, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def decision_file(request, pk: int):
    decision = _visible_decision(request.user, pk)
    if not decision.issued_here:
        raise Http404  # a decision of another level is recorded, not generated here
    document = revocation_docx.RevocationDocx if decision.revokes_id else decision_docx.DecisionDocx
    return word_or_pdf.document(request, document(decision).render(), decision_docx.filename(decision))


@login_required
def decision_list_file(request, pk: int, code: str):
    """The list of one title or form that goes with a decision issued here."""
    decision = _visible_decision(request.user, pk)
    if not decision.issued_here or not decision.proposals.filter(award_code=code).exists():
        raise Http404
    document = decision_list_docx.DecisionListDocx(decision, code)
    return word_or_pdf.document(request, document.render(), decision_list_docx.filename(decision, code))


def template_bytes() -> bytes:
    latest = CertificateTemplate.objects.first()
    if latest is None:
        return certificate_docx.default_template()
    with latest.file.open("rb") as handle:
        return handle.read()


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
    values = certificate_docx.values(proposal, Plan.objects.current())
    return word_or_pdf.document(
        request, certificate_docx.fill(template_bytes(), values), f"giay-khen-{proposal.pk}.docx"
    )


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
    return word_or_pdf.document(request, document.render(), award_certificate_docx.filename(proposal))


def _certificates(request, pk: int) -> tuple[Decision, list[dict[str, str]]]:
    """The Giấy khen of a decision issued here that the user may see, in the order of
    the decision's lists."""
    decision = _visible_decision(request.user, pk)
    if not decision.issued_here:
        raise Http404
    proposals = decision.proposals.visible_to(request.user).filter(state=State.DECIDED, award_code=CommendationForm.GK)
    plan, texts = Plan.objects.current(), CERTIFICATE.in_force()
    ordered = proposals.select_related("decision").order_by("category", "subject_unit__order", "id")
    pages = [certificate_docx.values(p, plan, texts) for p in ordered]
    if not pages:
        raise Http404
    return decision, pages


@login_required
def certificates_file(request, pk: int):
    """Every Giấy khen of the decision in one file, one a page, for batch printing."""
    decision, pages = _certificates(request, pk)
    data = certificate_docx.fill_many(template_bytes(), pages)
    return word_or_pdf.document(request, data, f"giay-khen-qd-{decision.pk}.docx")


@login_required
def certificates_on_blank(request, pk: int):
    """The same certificates as only their texts, to print onto the office's blanks."""
    decision, pages = _certificates(request, pk)
    texts = [certificate_blank.texts(page) for page in pages]
    data = on_blank.pages(certificate_blank.in_force(), texts)
    return word_or_pdf.document(request, data, f"giay-khen-in-phoi-qd-{decision.pk}.docx")


@login_required
def award_certificates_file(request, pk: int):
    """Every certificate of a title (CSTĐCS, TTLĐXS) or a collective's Giấy khen of the
    decision in one file, one a page."""
    decision = _visible_decision(request.user, pk)
    if not decision.issued_here:
        raise Http404
    proposals = (
        decision.proposals.visible_to(request.user)
        .filter(state=State.DECIDED)
        .select_related("unit", "person", "decision")
    )
    chosen = [
        p
        for p in proposals.order_by("category", "subject_unit__order", "id")
        if award_certificate_docx.has_certificate(p)
    ]
    if not chosen:
        raise Http404
    plan, texts = Plan.objects.current(), AWARD_CERTIFICATE.in_force()
    pages = [award_certificate_docx.AwardCertificateDocx(p, plan=plan, texts=texts).lines() for p in chosen]
    return word_or_pdf.document(request, certificate_pages(pages), f"giay-chung-nhan-qd-{decision.pk}.docx")
