"""Pages of the units' rating meetings: the list, recording a meeting, its page with
the votes of each person, and its minutes as Word."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from thidua.core import params
from thidua.core.actions import add_errors, run_button, run_form
from thidua.core.pagination import paginate
from thidua.core.permissions import require
from thidua.documents import word_or_pdf
from thidua.organization.models import Unit
from thidua.ratingmeetings import guidance_docx, rules, services
from thidua.ratingmeetings.forms import MeetingForm, UnitChoiceForm, VoteForm
from thidua.ratingmeetings.minutes_docx import RatingMinutesDocx, filename
from thidua.ratingmeetings.models import RatingMeeting, RatingVote


def _visible(user, pk: int) -> RatingMeeting:
    return get_object_or_404(RatingMeeting.objects.visible_to(user).select_related("unit", "chair", "secretary"), pk=pk)


@login_required
def meeting_list(request):
    qs = RatingMeeting.objects.visible_to(request.user).select_related("unit", "chair").order_by("-year", "unit__order")
    units = rules.recordable_units(request.user)
    return render(
        request,
        "ratingmeetings/list.html",
        {
            "page_obj": paginate(request, qs),
            "unit_form": UnitChoiceForm(units=units) if units else None,
            "can_guide": rules.can_guide(request.user),
            "this_year": timezone.localdate().year,
        },
    )


def _save(request, form, unit, meeting=None):
    def call(data):
        year = meeting.year if meeting else data["year"]
        fields = {k: v for k, v in data.items() if k != "year"}
        return services.save_meeting(actor=request.user, unit=unit, year=year, meeting=meeting, **fields)

    return run_form(
        request,
        form,
        call,
        gettext("Đã lưu cuộc họp bình xét."),
        None,
        add_errors,
        then=lambda saved: redirect("rating_meeting_detail", pk=saved.pk),
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request, unit_pk: int):
    unit = get_object_or_404(Unit.objects.visible_to(request.user), pk=unit_pk)
    require(
        rules.can_record(request.user, unit), gettext("Chỉ thủ trưởng đơn vị hoặc Văn phòng Sở ghi cuộc họp bình xét.")
    )
    form = MeetingForm(request.POST or None, unit=unit, initial={"year": timezone.localdate().year})
    if request.method == "POST" and (answer := _save(request, form, unit)):
        return answer
    return render(request, "ratingmeetings/form.html", {"form": form, "unit": unit}, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk: int):
    meeting = _visible(request.user, pk)
    require(
        rules.can_record(request.user, meeting.unit),
        gettext("Chỉ thủ trưởng đơn vị hoặc Văn phòng Sở sửa cuộc họp bình xét."),
    )
    form = MeetingForm(request.POST or None, instance=meeting, unit=meeting.unit)
    if request.method == "POST" and (answer := _save(request, form, meeting.unit, meeting)):
        return answer
    context = {"form": form, "unit": meeting.unit, "meeting": meeting}
    return render(request, "ratingmeetings/form.html", context, status=400 if form.errors else 200)


def _detail(request, meeting, vote_form=None, status=200):
    can_record = rules.can_record(request.user, meeting.unit)
    return render(
        request,
        "ratingmeetings/detail.html",
        {
            "meeting": meeting,
            "votes": meeting.votes.select_related("person").order_by("award_code", "person__full_name"),
            "can_record": can_record,
            "vote_form": vote_form or (VoteForm(meeting=meeting) if can_record else None),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_detail(request, pk: int):
    meeting = _visible(request.user, pk)
    if request.method == "GET":
        return _detail(request, meeting)
    require(
        rules.can_record(request.user, meeting.unit),
        gettext("Chỉ thủ trưởng đơn vị hoặc Văn phòng Sở ghi kết quả bình xét."),
    )
    form = VoteForm(request.POST, meeting=meeting)
    answer = run_form(
        request,
        form,
        lambda data: services.save_vote(actor=request.user, meeting=meeting, **data),
        gettext("Đã ghi kết quả bình xét."),
        redirect("rating_meeting_detail", pk=pk),
        add_errors,
    )
    return answer or _detail(request, meeting, form, status=400)


@login_required
@require_POST
def vote_delete(request, pk: int):
    vote = get_object_or_404(RatingVote.objects.select_related("meeting__unit"), pk=pk)
    meeting = _visible(request.user, vote.meeting_id)
    back = redirect("rating_meeting_detail", pk=meeting.pk)
    return run_button(request, lambda: services.delete_vote(actor=request.user, vote=vote), gettext("Đã xóa."), back)


@login_required
def meeting_minutes(request, pk: int):
    meeting = _visible(request.user, pk)
    return word_or_pdf.document(request, RatingMinutesDocx(meeting).render(), filename(meeting))


@login_required
def meeting_start(request):
    """The unit chosen on the list, then its form."""
    units = rules.recordable_units(request.user)
    form = UnitChoiceForm(request.GET or None, units=units)
    require(units, gettext("Chỉ thủ trưởng đơn vị hoặc Văn phòng Sở ghi cuộc họp bình xét."))
    if form.is_valid():
        return redirect("rating_meeting_create", unit_pk=form.cleaned_data["unit"].pk)
    return redirect("rating_meeting_list")


@login_required
def guidance(request):
    """The year-end guidance on bình xét, for the office: the year and the deadline
    typed on the list page."""
    require(rules.can_guide(request.user), gettext("Hướng dẫn bình xét do Văn phòng Sở ban hành."))
    try:
        year = params.year(request.GET)
        deadline = params.day(request.GET, "han")
        if year is None or deadline is None:
            raise params.InvalidParameter("han", gettext("Hãy nhập năm bình xét và hạn gửi hồ sơ."))
        if deadline.year not in (year, year + 1):
            raise params.InvalidParameter(
                "han", gettext("Hạn gửi hồ sơ phải trong năm %(year)s hoặc đầu năm sau.") % {"year": year}
            )
    except params.InvalidParameter as error:
        messages.error(request, error.message)
        return redirect("rating_meeting_list")
    return word_or_pdf.document(
        request, guidance_docx.GuidanceDocx(year, deadline).render(), guidance_docx.filename(year)
    )
