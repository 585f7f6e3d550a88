"""Council pages: the meetings, preparing one, the agenda with its tally and the
members' votes, the minutes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from thidua.core import params
from thidua.core.actions import add_errors, as_message, run_button, run_form
from thidua.core.codes import State
from thidua.core.db_functions import Fold
from thidua.core.downloads import attachment
from thidua.core.models import ActivityLog
from thidua.core.pagination import paginate
from thidua.core.permissions import require
from thidua.core.text import fold
from thidua.council import (
    establishment_docx,
    forms,
    invitation_docx,
    list_export,
    rules,
    secret_ballot_docx,
    services,
)
from thidua.council.enums import Choice
from thidua.council.forms import AgendaForm, MeetingForm, ToCouncilForm, meeting_initial
from thidua.council.minutes_docx import MinutesDocx, filename
from thidua.council.models import Ballot, Meeting, Vote
from thidua.council.tally import quorum, share_text, tallies, threshold_text
from thidua.documents import word_or_pdf
from thidua.proposals import rules as proposal_rules
from thidua.proposals.views.actions import _form_move

PREPARE_REFUSAL = _("Chỉ Văn phòng Sở chuẩn bị phiên họp Hội đồng.")


def _set_members(user, meeting: Meeting, data: dict, roles: dict[int, str]) -> None:
    present = {u.pk for u in data["present"]}
    services.set_members(actor=user, meeting=meeting, users=data["members"], present_ids=present, roles=roles)


def _visible(user, pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.visible_to(user), pk=pk)


def _require_meetings(user) -> None:
    require(
        rules.sees_meetings(user) or Meeting.objects.visible_to(user).exists(),
        gettext("Trang này dành cho Hội đồng Thi đua – Khen thưởng và Văn phòng Sở."),
    )


def filtered_meetings(request):
    """The meetings the account sees, narrowed by the list's search (the meeting's
    name, with or without accents) and year: one function for the page and its Excel
    export, so both hold the same rows."""
    meetings = Meeting.objects.visible_to(request.user)
    chosen = {"q": request.GET.get("q", "").strip(), "year": params.for_page(request, params.year, "nam")}
    if chosen["year"]:
        meetings = meetings.filter(year=chosen["year"])
    words = fold(chosen["q"]).split()
    if words:
        meetings = meetings.annotate(_title=Fold("title"))
        for word in words:
            meetings = meetings.filter(_title__contains=word)
    return meetings.order_by("-date", "-id"), chosen


@login_required
def meeting_list(request):
    _require_meetings(request.user)
    meetings, chosen = filtered_meetings(request)
    query = request.GET.copy()
    query.pop("page", None)
    years = Meeting.objects.visible_to(request.user).order_by("-year").values_list("year", flat=True).distinct()
    return render(
        request,
        "council/list.html",
        {
            "page_obj": paginate(request, meetings),
            "chosen": chosen,
            "years": years,
            "query": query.urlencode(),
            "can_prepare": rules.can_prepare(request.user),
            "can_found": rules.can_found(request.user),
        },
    )


@login_required
def meeting_list_xlsx(request):
    _require_meetings(request.user)
    meetings, _chosen = filtered_meetings(request)
    return attachment(list_export.workbook(meetings), list_export.FILENAME)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request):
    require(rules.can_prepare(request.user), PREPARE_REFUSAL)
    defaults = services.r17_defaults(timezone.localdate())
    form = MeetingForm(
        request.POST or None,
        actor=request.user,
        initial=meeting_initial(defaults=defaults, members=services.default_members(request.user)),
    )

    def create(data):
        meeting = services.create_meeting(
            actor=request.user,
            members=data["members"],
            figures=form.figures(),
            roles=form.roles(request.user),
            **form.details(),
        )
        _set_members(request.user, meeting, data, form.roles(request.user))
        return meeting

    if answer := run_form(
        request,
        form,
        create,
        gettext("Đã tạo phiên họp. Văn phòng đưa các đề nghị đã tiếp nhận ra phiên họp."),
        None,
        add_errors,
        then=lambda meeting: redirect("meeting_detail", pk=meeting.pk),
    ):
        return answer
    return render(request, "council/form.html", {"form": form, "meeting": None}, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk: int):
    meeting = _visible(request.user, pk)
    require(rules.can_edit(request.user, meeting), PREPARE_REFUSAL)
    form = MeetingForm(
        request.POST or None, actor=request.user, initial=meeting_initial(meeting, defaults={}, members=[])
    )

    def update(data):
        services.update_meeting(actor=request.user, meeting=meeting, **form.details(), **form.figures())
        _set_members(request.user, meeting, data, form.roles())

    if answer := run_form(
        request, form, update, gettext("Đã lưu phiên họp."), redirect("meeting_detail", pk=pk), add_errors
    ):
        return answer
    return render(request, "council/form.html", {"form": form, "meeting": meeting}, status=400 if form.errors else 200)


def _rows(user, meeting: Meeting) -> list[dict]:
    """Each agenda item with its tally, who has voted, the open votes, and what this
    user may do."""
    counted = tallies(meeting)
    ballots, choices = {}, {}
    for ballot in Ballot.objects.filter(item__meeting=meeting).select_related("member__person"):
        ballots.setdefault(ballot.item_id, []).append(ballot)
    for vote in Vote.objects.filter(item__meeting=meeting, member__isnull=False).select_related("member__person"):
        choices.setdefault(vote.item_id, []).append(vote)
    seated = rules.can_vote(user, meeting)
    rows = []
    for tally in counted:
        item = tally.item
        mine = next((b for b in ballots.get(item.pk, []) if b.member_id == user.pk), None)
        conflict = rules.conflict(user, item.proposal) if seated else None
        rows.append(
            {
                "tally": tally,
                "item": item,
                "proposal": item.proposal,
                "ballots": ballots.get(item.pk, []),
                "open_votes": [] if item.secret else choices.get(item.pk, []),
                "voted": mine,
                "conflict": conflict,
                "can_vote": seated
                and not meeting.is_closed
                and mine is None
                and conflict is None
                and item.proposal.state == State.UNDER_REVIEW,
            }
        )
    return rows


def _votable(rows: list[dict], posted: dict) -> list[dict]:
    """The items the member may vote on now, each with the choice to show ticked: what
    they posted, else Đồng ý."""
    return [row | {"chosen": posted.get(row["proposal"].pk, Choice.AGREE)} for row in rows if row["can_vote"]]


@login_required
def meeting_detail(request, pk: int, agenda_form=None, close_form=None, posted_choices=None, status: int = 200):
    meeting = _visible(request.user, pk)
    user, open_ = request.user, not meeting.is_closed
    may = {
        "can_edit": open_ and rules.can_edit(user, meeting),
        "can_add_item": open_ and rules.can_add_item(user, meeting),
        "can_close": open_ and rules.can_close(user, meeting),
    }
    members = list(meeting.members.select_related("user__person__unit"))
    rows = _rows(request.user, meeting)
    return render(
        request,
        "council/detail.html",
        {
            "has_secret": any(row["item"].secret for row in rows),
            "meeting": meeting,
            "members": members,
            "present": sum(1 for m in members if m.present),
            "quorum": quorum(meeting, len(members)),
            "quorum_share": share_text(meeting.quorum_share),
            "default_threshold": threshold_text(meeting, ""),
            "special": [(code, threshold_text(meeting, code)) for code in (meeting.pass_share_by_award or {})],
            "rows": rows,
            "votable": _votable(rows, posted_choices or {}),
            "choices": Choice.choices,
            **may,
            "agenda_form": agenda_form or (AgendaForm(user=user) if may["can_add_item"] else None),
            "close_form": close_form or forms.close_form(meeting),
            "history": ActivityLog.objects.for_object(meeting).select_related("actor__person"),
        },
        status=status,
    )


@login_required
@require_POST
def meeting_add_items(request, pk: int):
    meeting = _visible(request.user, pk)
    require(rules.can_add_item(request.user, meeting), PREPARE_REFUSAL)
    form = AgendaForm(request.POST, user=request.user)

    @transaction.atomic  # all the chosen proposals, or none
    def send(data):
        for proposal in data["proposals"]:
            services.send_to_council(actor=request.user, proposal=proposal, meeting=meeting)

    answer = run_form(
        request,
        form,
        send,
        lambda _: gettext("Đã đưa %(n)s đề nghị ra phiên họp.") % {"n": len(form.cleaned_data["proposals"])},
        None,
        as_message(request),
        then=lambda _: redirect("meeting_detail", pk=pk),
    )
    return answer or meeting_detail(request, pk, agenda_form=form, status=400)


@login_required
@require_POST
def meeting_vote(request, pk: int, proposal_pk: int):
    meeting = _visible(request.user, pk)
    proposal = get_object_or_404(meeting.items.select_related("proposal"), proposal_id=proposal_pk).proposal
    return run_button(
        request,
        lambda: services.cast_vote(
            actor=request.user, meeting=meeting, proposal=proposal, choice=request.POST.get("choice", "")
        ),
        gettext("Đã ghi biểu quyết của bạn về đề nghị «%(proposal)s».") % {"proposal": proposal},
        redirect("meeting_detail", pk=pk),
    )


@login_required
@require_POST
def meeting_vote_withdraw(request, pk: int, proposal_pk: int):
    meeting = _visible(request.user, pk)
    proposal = get_object_or_404(meeting.items.select_related("proposal"), proposal_id=proposal_pk).proposal
    return run_button(
        request,
        lambda: services.withdraw_vote(
            actor=request.user, meeting=meeting, proposal=proposal, reason=request.POST.get("reason", "")
        ),
        gettext("Đã rút lại biểu quyết của bạn về đề nghị «%(proposal)s»; bạn có thể biểu quyết lại.")
        % {"proposal": proposal},
        redirect("meeting_detail", pk=pk),
    )


@login_required
@require_POST
def meeting_vote_all(request, pk: int):
    """A member votes on every item open to them in one pass; each item's choice is on
    the form (Đồng ý unless the member changed it)."""
    meeting = _visible(request.user, pk)
    rows = [row for row in _rows(request.user, meeting) if row["can_vote"]]
    choices = {row["proposal"]: request.POST.get(f"choice-{row['proposal'].pk}", "") for row in rows}
    try:
        ballots = services.cast_votes(actor=request.user, meeting=meeting, choices=choices)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        posted = {proposal.pk: choice for proposal, choice in choices.items()}
        return meeting_detail(request, pk, posted_choices=posted, status=400)
    messages.success(request, gettext("Đã ghi biểu quyết của bạn cho %(n)s đề nghị.") % {"n": len(ballots)})
    return redirect("meeting_detail", pk=pk)


@login_required
@require_POST
def meeting_close(request, pk: int):
    meeting = _visible(request.user, pk)
    require(rules.can_close(request.user, meeting), PREPARE_REFUSAL)
    form = forms.close_form(meeting, request.POST)
    if form.is_valid():
        return run_button(
            request,
            lambda: services.close_meeting(
                actor=request.user,
                meeting=meeting,
                on=form.cleaned_data["on"],
                conclusion=form.cleaned_data["conclusion"],
                starts_at=form.cleaned_data["starts_at"],
                ends_at=form.cleaned_data["ends_at"],
            ),
            lambda _: (
                gettext("Đã ban hành biên bản số %(number)s; kết quả biểu quyết đã chốt.")
                % {"number": Meeting.objects.get(pk=pk).minutes_number}
            ),
            redirect("meeting_detail", pk=pk),
        )
    return meeting_detail(request, pk, close_form=form, status=400)


@login_required
def meeting_minutes(request, pk: int):
    meeting = _visible(request.user, pk)
    return word_or_pdf.document(request, MinutesDocx(meeting).render(), filename(meeting))


@login_required
def meeting_ballot(request, pk: int):
    """The blank paper of the meeting's secret ballot."""
    meeting = _visible(request.user, pk)
    if not secret_ballot_docx.has_secret_items(meeting):
        raise Http404
    document = secret_ballot_docx.BallotDocx(meeting)
    return word_or_pdf.document(request, document.render(), secret_ballot_docx.ballot_filename(meeting))


@login_required
def meeting_ballot_count(request, pk: int):
    """The minutes of counting the secret ballot, once the votes are final."""
    meeting = _visible(request.user, pk)
    if not meeting.is_closed or not secret_ballot_docx.has_secret_items(meeting):
        raise Http404
    document = secret_ballot_docx.BallotCountDocx(meeting)
    return word_or_pdf.document(request, document.render(), secret_ballot_docx.count_filename(meeting))


@login_required
def meeting_invitation(request, pk: int):
    meeting = _visible(request.user, pk)
    require(rules.can_invite(request.user, meeting), PREPARE_REFUSAL)
    return word_or_pdf.document(
        request, invitation_docx.InvitationDocx(meeting).render(), invitation_docx.filename(meeting)
    )


def _require_founder(user) -> None:
    require(rules.can_found(user), gettext("Chỉ Văn phòng Sở và Giám đốc Sở lập quyết định thành lập Hội đồng."))


@login_required
def council_establishment(request):
    """The decision establishing the council, from the accounts holding its role."""
    _require_founder(request.user)
    document = establishment_docx.EstablishmentDecisionDocx(request.user)
    return word_or_pdf.document(request, document.render(), "quyet-dinh-thanh-lap-hoi-dong.docx")


@login_required
def council_rules(request):
    """The council's Quy chế, with the figures of R17 the office confirmed."""
    _require_founder(request.user)
    return word_or_pdf.document(request, establishment_docx.CouncilRulesDocx().render(), "quy-che-hoi-dong.docx")


# Putting a proposal before a meeting from its dossier page: a move of the council on a
# proposal, so it lives here (the council depends on proposals, never the reverse).
proposal_to_council = _form_move(
    ToCouncilForm,
    "council",
    services.send_to_council,
    _("Đã đưa đề nghị ra Hội đồng."),
    allowed=proposal_rules.can_send_to_council,
)
