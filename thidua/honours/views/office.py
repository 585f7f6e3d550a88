"""The office's side of the honours page: writing outstanding examples, and choosing
which examples, decided awards and recognised initiatives are public, with the history
of every publish and unpublish."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from thidua.commendation.models import AwardRecord
from thidua.core import params
from thidua.core.actions import run_button, run_form, safe_next
from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.core.pagination import paginate
from thidua.core.permissions import require
from thidua.honours import rules, services
from thidua.honours.forms import ExampleForm, example_errors
from thidua.honours.models import OutstandingExample, Publication
from thidua.initiatives.models import Initiative

HISTORY_ROWS = 20


def _office(request) -> None:
    require(rules.can_manage(request.user), gettext("Chỉ Văn phòng Sở chọn nội dung công bố trên trang tôn vinh."))


def _history():
    types = ContentType.objects.get_for_models(OutstandingExample, Publication, for_concrete_models=False).values()
    return (
        ActivityLog.objects.filter(content_type__in=types)
        .select_related("actor__person")
        .order_by("-at", "-id")[:HISTORY_ROWS]
    )


@login_required
def manage(request):
    _office(request)
    rows = OutstandingExample.objects.for_lists().order_by("-year", "-id")
    return render(request, "honours/manage.html", {"page_obj": paginate(request, rows), "history": _history()})


@login_required
@require_http_methods(["GET", "POST"])
def example_edit(request, pk: int | None = None):
    _office(request)
    example = get_object_or_404(OutstandingExample, pk=pk) if pk else OutstandingExample()
    form = ExampleForm(request.POST or None, request.FILES or None, instance=example, user=request.user)
    if answer := run_form(
        request,
        form,
        lambda data: services.save_example(
            actor=request.user, example=form.save(commit=False), photo=data["photo_upload"]
        ),
        lambda _: (
            gettext("Đã lưu điển hình «%(title)s». Điển hình chỉ hiện công khai khi được công bố.")
            % {"title": example.title}
        ),
        redirect("honours_manage"),
        example_errors,
    ):
        return answer
    photo_dropped = request.method == "POST" and bool(request.FILES) and not form.is_valid()
    return render(
        request, "honours/example_form.html", {"form": form, "example": example, "photo_dropped": photo_dropped}
    )


def _back(request, default: str):
    return redirect(safe_next(request) or default)


def _act(request, action, default: str, done: str, **kwargs):
    _office(request)
    return run_button(request, lambda: action(actor=request.user, **kwargs), done, _back(request, default))


@login_required
@require_POST
def example_publish(request, pk: int):
    example = get_object_or_404(OutstandingExample, pk=pk)
    publish = request.POST.get("publish") == "1"
    action = services.publish_example if publish else services.unpublish_example
    done = gettext("Đã công bố «%(title)s».") if publish else gettext("Đã gỡ «%(title)s» khỏi trang tôn vinh.")
    return _act(request, action, "honours_manage", done % {"title": example.title}, example=example)


def _year(request, years: list[int]) -> int | None:
    return params.for_page(request, params.year, "nam", years[0] if years else None)


@login_required
def manage_awards(request):
    _office(request)
    visible = AwardRecord.objects.visible_to(request.user)
    years = list(visible.order_by("-year").values_list("year", flat=True).distinct())
    year = _year(request, years)
    rows = (
        visible.filter(year=year)
        .select_related("award_type", "person__unit", "unit", "publication")
        .order_by("award_type__order", "person__full_name", "unit__name", "id")
    )
    return render(
        request, "honours/manage_awards.html", {"years": years, "year": year, "page_obj": paginate(request, rows)}
    )


@login_required
@require_POST
def award_publish(request, pk: int):
    _office(request)
    award = get_object_or_404(AwardRecord.objects.visible_to(request.user).select_related("award_type"), pk=pk)
    publish = request.POST.get("publish") == "1"
    action = services.publish_award if publish else services.unpublish_award
    done = gettext("Đã công bố «%(award)s».") if publish else gettext("Đã gỡ «%(award)s» khỏi trang tôn vinh.")
    return _act(request, action, "honours_manage_awards", done % {"award": award}, award=award)


@login_required
@require_POST
def awards_publish_year(request):
    _office(request)
    year = params.to_int(request.POST.get("year", ""))
    if not params.is_year(year):
        messages.error(request, gettext("Hãy chọn năm."))
        return redirect("honours_manage_awards")
    count = services.publish_awards_of_year(
        actor=request.user, year=year, awards=AwardRecord.objects.visible_to(request.user)
    )
    messages.success(
        request,
        gettext("Đã công bố %(count)s khen thưởng năm %(year)s (khen thưởng chưa có quyết định không được công bố).")
        % {"count": count, "year": year},
    )
    return _back(request, "honours_manage_awards")


@login_required
def manage_initiatives(request):
    _office(request)
    rows = (
        Initiative.objects.visible_to(request.user)
        .filter(state=State.RECOGNISED)
        .select_related("unit", "publication")
        .order_by("-decision_date", "-id")
    )
    return render(request, "honours/manage_initiatives.html", {"page_obj": paginate(request, rows)})


@login_required
@require_POST
def initiative_publish(request, pk: int):
    _office(request)
    initiative = get_object_or_404(Initiative.objects.visible_to(request.user), pk=pk)
    publish = request.POST.get("publish") == "1"
    action = services.publish_initiative if publish else services.unpublish_initiative
    done = gettext("Đã công bố «%(title)s».") if publish else gettext("Đã gỡ «%(title)s» khỏi trang tôn vinh.")
    return _act(
        request, action, "honours_manage_initiatives", done % {"title": initiative.title}, initiative=initiative
    )
