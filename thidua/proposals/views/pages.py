"""The proposal list, the form to make one, the dossier page and the report editor."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from thidua.commendation import catalogue
from thidua.commendation.eligibility.ruleset import rules_date
from thidua.commendation.enums import Route
from thidua.core.actions import add_errors, run_form
from thidua.core.codes import State
from thidua.core.downloads import attachment
from thidua.core.models import ActivityLog
from thidua.core.pagination import paginate
from thidua.core.permissions import require
from thidua.documents import word_or_pdf
from thidua.proposals import caps, dossier, list_export, prefill, rules, services, submission_docx, verdicts
from thidua.proposals.achievement_report_docx import AchievementReportDocx, filename
from thidua.proposals.enums import CLOSED, STATES
from thidua.proposals.forms import (
    AcceptForm,
    AttachForm,
    ExternalDecisionForm,
    ForwardForm,
    OverrideForm,
    ProposalEditForm,
    ProposalFilterForm,
    ProposalForm,
    ReasonForm,
)
from thidua.proposals.models import Proposal
from thidua.proposals.views.common import visible_or_404


def _filtered(request, user):
    form = ProposalFilterForm(request.GET or None)
    qs = Proposal.objects.visible_to(user)
    data = form.cleaned_data if form.is_valid() else {}
    if data.get("year"):
        qs = qs.filter(year=data["year"])
    if data.get("award"):
        qs = qs.filter(award_code=data["award"])
    if data.get("q"):
        qs = qs.search(data["q"])
    return form, qs, data


def _in_state(qs, data: dict):
    """The state tab chosen, applied after the tabs' counts are taken."""
    return qs.filter(state=data["state"]) if data.get("state") else qs


@login_required
def proposal_list(request):
    """Proposals the user may see, by state, with the verdict of each."""
    user = request.user
    form, qs, data = _filtered(request, user)
    counts = dict(qs.order_by().values_list("state").annotate(n=Count("id")))
    total = sum(counts.values())
    if data.get("state"):
        total = counts.get(data["state"], 0)
    qs = _in_state(qs, data)
    warnings = (
        caps.warnings(data["year"]) if data.get("year") and (rules.is_office(user) or rules.is_director(user)) else []
    )
    order_year, order = verdicts.decision_order(Proposal.objects.visible_to(user), data.get("year"))
    return render(
        request,
        "proposals/list.html",
        {
            "form": form,
            "page_obj": paginate(request, qs.for_lists(), count=total),
            "query": _query_without_page(request),
            "warnings": warnings,
            "order_year": order_year,
            "decision_order": order,
            "tabs": [(s, s.label, counts.get(s, 0)) for s in STATES],
            "state": data.get("state", ""),
            "can_propose": rules.can_propose(user),
            "can_decide": rules.is_director(user),
            "approved_count": counts.get(State.APPROVED, 0),
            "can_bulk": rules.is_director(user) or rules.is_office(user),
            "is_office": rules.is_office(user),
            "notice_year": data.get("year") if rules.is_office(user) or rules.is_director(user) else None,
        },
    )


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
def proposal_list_xlsx(request):
    """The proposals of the list's filter and state tab, as the page shows them."""
    _form, qs, data = _filtered(request, request.user)
    return attachment(list_export.workbook(_in_state(qs, data).for_lists()), list_export.FILENAME)


@login_required
@require_http_methods(["GET", "POST"])
def proposal_create(request):
    require(rules.can_propose(request.user), gettext("Chỉ thủ trưởng đơn vị và Văn phòng Sở lập đề nghị khen thưởng."))
    form = ProposalForm(request.POST or None, user=request.user)
    if answer := run_form(
        request,
        form,
        lambda data: services.create_proposal(
            actor=request.user,
            subject=form.subject,
            award_code=data["award_code"],
            year=data["year"],
            kind=data["kind"],
            simplified_case=data["simplified_case"],
            achievement_text=data["achievement_key"],
        ),
        gettext(
            "Đã lập bản nháp đề nghị, kèm báo cáo thành tích lập từ dữ liệu của hệ thống. Đề nghị CHƯA được "
            "gửi: hoàn thiện hồ sơ rồi bấm «Gửi đề nghị»."
        ),
        None,
        add_errors,
        then=lambda proposal: _created(request, proposal),
    ):
        return answer
    return render(request, "proposals/form.html", {"form": form})


def _created(request, proposal: Proposal):
    """A new proposal's page, with a warning when its award is over its yearly cap."""
    for warning in caps.warnings(proposal.year, {proposal.award_code}):
        messages.warning(request, warning)
    return redirect("proposal_detail", pk=proposal.pk)


def _actions(user, proposal: Proposal, award) -> dict:
    """The buttons of the dossier page: each move the table allows now and its
    predicate lets the account make. The award's route (R19) picks approval here or
    forwarding upward; two moves lead to «decided», told apart by where they start."""
    may, state, still_open = rules.MOVES.may, proposal.state, proposal.state not in CLOSED
    here = award is not None and award.route == Route.DIRECTOR
    return {
        "can_edit": rules.can_edit(user, proposal),
        "can_submit": may(user, proposal, State.SUBMITTED),
        "can_accept": may(user, proposal, State.ACCEPTED),
        "can_return": may(user, proposal, State.RETURNED),
        "can_send": may(user, proposal, State.UNDER_REVIEW),
        "can_forward": may(user, proposal, State.FORWARDED) and not here,
        "can_record": state == State.FORWARDED and may(user, proposal, State.DECIDED),
        "can_override": still_open and rules.can_override(user, proposal),
        "can_approve": may(user, proposal, State.APPROVED) and here,
        "can_reject": may(user, proposal, State.REJECTED),
        "can_issue": state == State.APPROVED and may(user, proposal, State.DECIDED),
        "can_reassess": still_open and rules.can_reassess(user, proposal),
        "can_undo_acceptance": state == State.ACCEPTED and may(user, proposal, State.SUBMITTED),
        "can_undo_approval": state == State.APPROVED and may(user, proposal, State.UNDER_REVIEW),
    }


def render_detail(request, proposal: Proposal, status: int = 200, **forms):
    user = request.user
    award = catalogue.award_type(proposal.award_code, rules_date(proposal.year))
    items = dossier.checklist(proposal)
    context = {
        "proposal": proposal,
        "award": award,
        "route": Route(award.route).label if award else "",
        "checklist": items,
        "missing": [i.label for i in items if i.required and not i.present],
        "simplified": dossier.simplified_label(proposal.simplified_case) if proposal.simplified_case else "",
        "facts": prefill.gather(proposal.subject, proposal.year),
        "council_items": proposal.council_items.select_related("meeting").order_by("meeting__date", "id"),
        "history": ActivityLog.objects.for_object(proposal).select_related("actor__person"),
        "warnings": caps.warnings(proposal.year, {proposal.award_code}) if rules.is_office(user) else [],
        "can_files": rules.can_edit(user, proposal),
        "rating_meeting": dossier.rating_meeting(proposal),
        "submissions": [
            a
            for a in submission_docx.addressings_for(proposal)
            if rules.can_download_submission(user, proposal, a.code)
        ],
        "attach_form": forms.get("attach_form") or AttachForm(codes=[i.code for i in items]),
        "accept_form": forms.get("accept_form") or AcceptForm(prefix="accept"),
        "return_form": forms.get("return_form") or ReasonForm(prefix="return"),
        "reject_form": forms.get("reject_form") or ReasonForm(prefix="reject"),
        "unaccept_form": forms.get("unaccept_form") or ReasonForm(prefix="unaccept"),
        "unapprove_form": forms.get("unapprove_form") or ReasonForm(prefix="unapprove"),
        "override_form": forms.get("override_form") or OverrideForm(prefix="override"),
        "council_form": forms.get("council_form"),  # a new one from {% to_council_form %}
        "forward_form": forms.get("forward_form") or ForwardForm(prefix="forward"),
        "record_form": forms.get("record_form") or ExternalDecisionForm(prefix="record"),
    } | _actions(user, proposal, award)
    return render(request, "proposals/detail.html", context, status=status)


@login_required
def proposal_detail(request, pk: int):
    return render_detail(request, visible_or_404(request.user, pk))


@login_required
@require_http_methods(["GET", "POST"])
def proposal_edit(request, pk: int):
    proposal = visible_or_404(request.user, pk)
    require(rules.keeps_dossier(request.user, proposal), gettext("Bạn không được sửa đề nghị này."))
    form = ProposalEditForm(
        request.POST or None, initial={"report_text": proposal.report_text, "simplified_case": proposal.simplified_case}
    )
    if answer := run_form(
        request,
        form,
        lambda data: services.update_proposal(actor=request.user, proposal=proposal, **data),
        gettext("Đã lưu báo cáo thành tích. Lịch sử sửa đổi được ghi lại."),
        redirect("proposal_detail", pk=pk),
        add_errors,
    ):
        return answer
    return render(request, "proposals/edit.html", {"form": form, "proposal": proposal})


@login_required
def proposal_report_docx(request, pk: int):
    proposal = visible_or_404(request.user, pk)
    return word_or_pdf.document(request, AchievementReportDocx(proposal).render(), filename(proposal))
