"""Pages of difficulties: the list (open or closed, what the account's scope allows), the
office's and the director's queues, raising and editing a draft, and the detail page
where each role takes its step. Another unit's item answers 404, a step the role may
not take 403."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from thidua.core.actions import Moves, refuse, run_form
from thidua.core.codes import State
from thidua.core.pagination import paginate
from thidua.core.permissions import require
from thidua.difficulties import rules, services
from thidua.difficulties.forms import CloseForm, DecideForm, DifficultyForm, FilterForm, ReviewForm
from thidua.difficulties.models import Difficulty
from thidua.organization.enums import UnitKind
from thidua.organization.models import Unit
from thidua.plans.models import Plan


def _get(request, pk: int) -> Difficulty:
    qs = Difficulty.objects.visible_to(request.user).select_related("unit", "plan", "content_area")
    return get_object_or_404(qs, pk=pk)


def _render_list(request, qs, *, heading: str, queue: str = ""):
    user, today = request.user, timezone.localdate()
    units = Unit.objects.visible_to(user).exclude(kind__in=[UnitKind.PROVINCE, UnitKind.AGENCY])
    form = FilterForm(request.GET or None, units=units)
    if not queue:
        qs = form.apply(qs)
    page = paginate(request, qs.select_related("unit", "content_area"))
    for row in page:
        row.open_days = row.days_open(today)
    return render(
        request,
        "difficulties/list.html",
        {
            "page_obj": page,
            "form": form,
            "heading": heading,
            "queue": queue,
            "can_raise": bool(rules.raising_unit_ids(user)),
            "is_office": rules.is_office(user),
        },
    )


@login_required
def difficulty_list(request):
    return _render_list(
        request,
        Difficulty.objects.visible_to(request.user).order_by("-created_at", "-id"),
        heading=gettext("Khó khăn, vướng mắc"),
    )


@login_required
def office_queue(request):
    require(rules.is_office(request.user), gettext("Trang này dành cho Văn phòng Sở."))
    qs = Difficulty.objects.visible_to(request.user).awaiting_office().order_by("submitted_at", "id")
    return _render_list(request, qs, heading=gettext("Khó khăn, vướng mắc chờ Văn phòng Sở"), queue="office")


@login_required
def director_queue(request):
    require(rules.is_director(request.user), gettext("Trang này dành cho Giám đốc Sở."))
    qs = Difficulty.objects.visible_to(request.user).awaiting_decision().order_by("reviewed_at", "id")
    return _render_list(request, qs, heading=gettext("Khó khăn, vướng mắc chờ Giám đốc quyết định"), queue="director")


def _raising_units(user) -> list[Unit]:
    units = list(Unit.objects.filter(pk__in=rules.raising_unit_ids(user)).order_by("order", "name"))
    require(units, gettext("Chỉ thủ trưởng hoặc cán bộ của một phòng, đơn vị được nêu khó khăn."))
    return units


@login_required
@require_http_methods(["GET", "POST"])
def difficulty_create(request):
    plan, units = Plan.objects.current_or_404(), _raising_units(request.user)
    form = DifficultyForm(request.POST or None, plan=plan, units=units)
    send = "gui" in request.POST

    def raise_(data):
        return services.raise_difficulty(actor=request.user, plan=plan, submit=send, **data)

    done = (
        gettext("Đã gửi Văn phòng Sở.")
        if send
        else gettext("Đã lưu nháp. Khó khăn chưa được gửi: hãy bấm «Gửi Văn phòng Sở» khi xong.")
    )
    if answer := run_form(request, form, raise_, done, None, then=lambda d: _back(d.pk)):
        return answer
    return render(request, "difficulties/form.html", {"form": form, "plan": plan})


@login_required
@require_http_methods(["GET", "POST"])
def difficulty_edit(request, pk: int):
    difficulty = _get(request, pk)
    require(rules.can_edit(request.user, difficulty), gettext("Chỉ đơn vị nêu khó khăn được sửa nội dung."))
    if difficulty.state != State.DRAFT:
        return refuse(request, services.locked_message(difficulty), _back(pk))
    form = DifficultyForm(request.POST or None, instance=difficulty, plan=difficulty.plan, units=[difficulty.unit])
    if answer := run_form(
        request,
        form,
        lambda data: services.edit_difficulty(actor=request.user, difficulty=difficulty, fields=data),
        gettext("Đã lưu thay đổi. Lịch sử sửa đổi được ghi lại."),
        _back(pk),
    ):
        return answer
    return render(request, "difficulties/form.html", {"form": form, "plan": difficulty.plan, "difficulty": difficulty})


def _detail_context(request, difficulty: Difficulty, **bound) -> dict:
    user, may = request.user, rules.MOVES.may
    closable = difficulty.state == State.DECIDED and not difficulty.is_closed
    return {
        "difficulty": difficulty,
        "history": difficulty.history()[:50],
        "open_days": difficulty.days_open(timezone.localdate()),
        "can_edit": difficulty.state == State.DRAFT and rules.can_edit(user, difficulty),
        "can_submit": may(user, difficulty, State.SUBMITTED),
        "can_accept": may(user, difficulty, State.ACCEPTED),
        "review_form": bound.get("review_form")
        or (ReviewForm() if may(user, difficulty, State.UNDER_REVIEW) else None),
        "decide_form": bound.get("decide_form") or (DecideForm() if may(user, difficulty, State.DECIDED) else None),
        "close_form": bound.get("close_form")
        or (CloseForm() if closable and rules.can_close(user, difficulty) else None),
    }


@login_required
def difficulty_detail(request, pk: int):
    difficulty = _get(request, pk)
    return render(request, "difficulties/detail.html", _detail_context(request, difficulty))


def _back(pk: int):
    return redirect("difficulty_detail", pk=pk)


moves = Moves(
    keyword="difficulty",
    fetch=_get,
    back=lambda difficulty: _back(difficulty.pk),
    page=lambda request, difficulty, **form: render(
        request, "difficulties/detail.html", _detail_context(request, difficulty, **form)
    ),
)
difficulty_submit = moves.button(services.submit_difficulty, _("Đã gửi Văn phòng Sở."))
difficulty_accept = moves.button(services.accept_difficulty, _("Văn phòng Sở đã tiếp nhận."))
difficulty_review = moves.form(
    ReviewForm, "review_form", services.review_difficulty, _("Đã trình Giám đốc Sở."), allowed=rules.can_review
)
difficulty_decide = moves.form(
    DecideForm,
    "decide_form",
    services.decide_difficulty,
    _("Đã ghi quyết định. Đơn vị xem được quyết định trên trang này."),
    allowed=rules.can_decide,
)
difficulty_close = moves.form(
    CloseForm, "close_form", services.close_difficulty, _("Đã đóng khó khăn, vướng mắc."), allowed=rules.can_close
)
