"""The initiative lists, the create/edit form, the detail page with history, the
office's actions and the attachment download."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, F, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from thidua.core.actions import Moves, add_errors, refuse, run_button, run_form
from thidua.core.codes import Scope, State
from thidua.core.downloads import attached_or_404, saved_file
from thidua.core.models import ActivityLog
from thidua.core.pagination import paginate
from thidua.core.permissions import require
from thidua.documents import word_or_pdf
from thidua.initiatives import recognition_docx, review, rules, services
from thidua.initiatives.enums import STATES
from thidua.initiatives.forms import (
    HigherRecognitionForm,
    InitiativeForm,
    ReasonForm,
    RecogniseForm,
    RecognitionRuleForm,
    author_formset,
)
from thidua.initiatives.models import (
    WIDER_SCOPES,
    Attachment,
    Authorship,
    HigherRecognition,
    Initiative,
    RecognitionRule,
)
from thidua.initiatives.views.common import initiatives_for_lists, visible_or_404
from thidua.organization.rules import person_of
from thidua.plans.models import Plan

MINE, UNIT = "cua-toi", "don-vi"


def _state_filter(request, qs):
    state = request.GET.get("trang_thai")
    return (qs.filter(state=state), state) if state in STATES else (qs, "")


@login_required
def initiative_list(request):
    """My initiatives, or my unit's, with their state."""
    user = request.user
    view = UNIT if request.GET.get("xem") == UNIT else MINE
    qs = initiatives_for_lists(user)
    if view == MINE:
        authored = Authorship.objects.filter(person__user=user).values("initiative_id")
        qs = qs.filter(Q(created_by=user) | Q(pk__in=authored))
    else:
        qs = qs.filter(unit_id__in=rules.own_unit_ids(user))
    qs, state = _state_filter(request, qs)
    return render(
        request,
        "initiatives/list.html",
        {
            "page_obj": paginate(request, qs),
            "view": view,
            "state": state,
            "states": STATES,
            "can_create": rules.can_create(user),
        },
    )


@login_required
def initiative_office(request):
    """The office's list by state, with how many council members have scored."""
    require(rules.can_see_review(request.user), gettext("Trang này dành cho Văn phòng Sở, Hội đồng và Lãnh đạo Sở."))
    visible = Initiative.objects.visible_to(request.user)
    counts = dict(visible.order_by().values_list("state").annotate(n=Count("id")))
    qs = (
        initiatives_for_lists(request.user)
        .annotate(score_count=Count("scores", distinct=True))
        .order_by(F("submitted_at").desc(nulls_last=True), "-id")
    )
    qs, state = _state_filter(request, qs)
    if not state:  # drafts are the units' own business until they are submitted
        qs = qs.exclude(state=State.DRAFT)
    tabs = [(s, s.label, counts.get(s, 0)) for s in STATES]
    context = {"page_obj": paginate(request, qs), "state": state, "tabs": tabs}
    return render(
        request, "initiatives/office.html", context | {"can_set_rule": rules.can_set_recognition_rule(request.user)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def initiative_create(request):
    require(rules.can_create(request.user), gettext("Tài khoản chưa thuộc đơn vị nào nên chưa lập được sáng kiến."))
    person = person_of(request.user)
    form = InitiativeForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        initial={"unit": person.unit_id} if person else None,
    )
    authors = author_formset(request.POST or None, user=request.user, initiative=None)
    if answer := run_form(
        request,
        form,
        lambda data: services.create_initiative(
            actor=request.user, data=form.data_for_service(), authors=authors.authors(), files=data["attachments"]
        ),
        gettext("Đã lưu bản nháp. Sáng kiến chưa được gửi: bấm «Gửi sáng kiến» khi đã hoàn chỉnh."),
        None,
        add_errors,
        then=lambda initiative: _back(initiative.pk),
        also=[authors],
    ):
        return answer
    return render(request, "initiatives/form.html", {"form": form, "authors": authors, "initiative": None})


@login_required
@require_http_methods(["GET", "POST"])
def initiative_edit(request, pk: int):
    initiative = visible_or_404(request.user, pk)
    require(
        rules.can_change(request.user, initiative),
        gettext("Chỉ tác giả, người lập và thủ trưởng đơn vị được sửa sáng kiến này."),
    )
    if not rules.is_editable(initiative):
        return refuse(request, services.not_editable_message(initiative), _back(pk))
    form = InitiativeForm(request.POST or None, request.FILES or None, instance=initiative, user=request.user)
    authors = author_formset(request.POST or None, user=request.user, initiative=initiative)
    if answer := run_form(
        request,
        form,
        lambda data: services.update_initiative(
            actor=request.user,
            initiative=initiative,
            data=form.data_for_service(),
            authors=authors.authors(),
            files=data["attachments"],
        ),
        gettext("Đã lưu thay đổi. Lịch sử sửa đổi được ghi lại."),
        _back(pk),
        add_errors,
        also=[authors],
    ):
        return answer
    return render(request, "initiatives/form.html", {"form": form, "authors": authors, "initiative": initiative})


def _detail(request, initiative: Initiative, **forms):
    user, may = request.user, rules.MOVES.may
    base_level = initiative.state == State.RECOGNISED and initiative.scope == Scope.CO_SO
    moves = {
        "can_start_review": may(user, initiative, State.UNDER_REVIEW),
        "can_recognise": may(user, initiative, State.RECOGNISED),
        "can_not_recognise": may(user, initiative, State.NOT_RECOGNISED),
        "can_return": may(user, initiative, State.RETURNED),
        "can_put_forward": base_level and not initiative.put_forward and rules.can_put_forward(user, initiative),
        "can_record_higher": _may_record_higher(user, initiative),
    }
    context = moves | {
        "initiative": initiative,
        "history": ActivityLog.objects.for_object(initiative).select_related("actor__person"),
        "can_edit": rules.can_change(user, initiative) and rules.is_editable(initiative),
        "recognised_here": (plan := Plan.objects.current()) is not None
        and recognition_docx.issued_here(initiative, plan),
        "can_manage": rules.can_manage(user),
        "can_submit": may(user, initiative, State.SUBMITTED),
        "can_score": rules.can_score(user) and initiative.state == State.UNDER_REVIEW,
        "review": review.build(initiative) if rules.can_see_review(user) else None,
        "recognise_form": forms.get("recognise_form") or RecogniseForm(initial={"scope": Scope.CO_SO}),
        "return_form": forms.get("return_form") or ReasonForm(prefix="return"),
        "refuse_form": forms.get("refuse_form") or ReasonForm(prefix="refuse"),
        "higher_form": forms.get("higher_form") or HigherRecognitionForm(),
        "office_actions": any(moves.values()),
    }
    return render(request, "initiatives/detail.html", context)


def _may_record_higher(user, initiative: Initiative) -> bool:
    """Recognised here, put forward, and a wider scope still possible."""
    return (
        initiative.state == State.RECOGNISED
        and initiative.put_forward
        and initiative.scope != WIDER_SCOPES[-1]
        and rules.can_record_higher_recognition(user, initiative)
    )


@login_required
def initiative_detail(request, pk: int):
    return _detail(request, visible_or_404(request.user, pk))


def _back(pk: int):
    return redirect("initiative_detail", pk=pk)


moves = Moves(
    keyword="initiative",
    fetch=lambda request, pk: visible_or_404(request.user, pk),
    back=lambda initiative: _back(initiative.pk),
    page=_detail,
)
initiative_submit = moves.submit(
    services.submit,
    _("Đã gửi sáng kiến tới Văn phòng Sở."),
    sender=rules.can_submit,
    sent_before=_("Sáng kiến đã được gửi trước đó; trạng thái hiện tại là «%(state)s»."),
)
initiative_start_review = moves.button(services.start_review, _("Đã chuyển sáng kiến cho Hội đồng xem xét, chấm điểm."))
initiative_put_forward = moves.button(services.put_forward, _("Đã ghi nhận đề nghị công nhận sáng kiến cấp tỉnh."))


def _office_move(form_class, name: str, service, done, *, allowed, prefix: str | None = None):
    """An office move typed into the detail page's form `name`; `allowed` is the move's
    predicate."""
    return moves.form(
        form_class,
        name,
        service,
        done,
        prefix=prefix,
        allowed=allowed,
        refusal=_("Chỉ Văn phòng Sở được thực hiện thao tác này."),
    )


initiative_recognise = _office_move(
    RecogniseForm,
    "recognise_form",
    services.recognise,
    _("Đã ghi nhận sáng kiến được công nhận."),
    allowed=rules.can_recognise,
)
initiative_not_recognise = _office_move(
    ReasonForm,
    "refuse_form",
    services.not_recognise,
    _("Đã ghi nhận sáng kiến không được công nhận."),
    allowed=rules.can_not_recognise,
    prefix="refuse",
)
initiative_return = _office_move(
    ReasonForm,
    "return_form",
    services.return_for_changes,
    _("Đã trả lại sáng kiến cho tác giả kèm lý do."),
    allowed=rules.can_return,
    prefix="return",
)


@login_required
@require_POST
def initiative_record_higher(request, pk: int):
    """The province's or ministry's decision, typed with its optional file."""
    initiative = visible_or_404(request.user, pk)
    require(
        rules.can_record_higher_recognition(request.user, initiative),
        gettext("Chỉ Văn phòng Sở ghi quyết định công nhận sáng kiến của cấp trên."),
    )
    form = HigherRecognitionForm(request.POST, request.FILES)
    answer = run_form(
        request,
        form,
        lambda data: services.record_higher_recognition(actor=request.user, initiative=initiative, **data),
        lambda decision: (
            gettext("Đã ghi quyết định công nhận sáng kiến phạm vi %(scope)s.")
            % {"scope": decision.get_scope_display().lower()}
        ),
        _back(pk),
        add_errors,
    )
    return answer or _detail(request, initiative, higher_form=form)


@login_required
def higher_recognition_file(request, pk: int):
    decision = attached_or_404(
        HigherRecognition.objects.exclude(file=""),
        pk,
        to="initiative",
        visible=Initiative.objects.visible_to(request.user),
    )
    return saved_file(decision.file, decision.file_name or decision.file.name)


@login_required
@require_http_methods(["GET", "POST"])
def recognition_rule(request):
    """The office's rule for recognising on the council's scores, with its versions."""
    require(rules.can_set_recognition_rule(request.user), gettext("Chỉ Văn phòng Sở đặt quy tắc công nhận sáng kiến."))
    current = RecognitionRule.in_force()
    initial = {
        "quorum_numerator": current.quorum_numerator,
        "quorum_denominator": current.quorum_denominator,
        "min_average": current.min_average,
        "basis": current.basis,
        "confirmed": current.confirmed,
    }
    form = RecognitionRuleForm(request.POST or None, initial=initial)
    if answer := run_form(
        request,
        form,
        lambda data: services.set_recognition_rule(actor=request.user, **data),
        gettext("Đã lưu quy tắc công nhận sáng kiến; các lần công nhận từ nay theo quy tắc mới."),
        redirect("initiative_recognition_rule"),
        add_errors,
    ):
        return answer
    versions = RecognitionRule.objects.select_related("set_by__person")[:20]
    return render(
        request, "initiatives/recognition_rule.html", {"form": form, "current": current, "versions": versions}
    )


def _attachment_or_404(user, pk: int) -> Attachment:
    return attached_or_404(Attachment.objects.all(), pk, to="initiative", visible=Initiative.objects.visible_to(user))


@login_required
def attachment_download(request, pk: int):
    attachment = _attachment_or_404(request.user, pk)
    return saved_file(attachment.file, attachment.name)


@login_required
@require_POST
def attachment_delete(request, pk: int):
    attachment = _attachment_or_404(request.user, pk)
    initiative_pk = attachment.initiative_id
    return run_button(
        request,
        lambda: services.remove_attachment(actor=request.user, attachment=attachment),
        gettext("Đã xóa tệp «%(name)s».") % {"name": attachment.name},
        _back(initiative_pk),
    )


def _recognised_here(request, pk: int):
    initiative = visible_or_404(request.user, pk)
    if not recognition_docx.issued_here(initiative, Plan.objects.current_or_404()):
        raise Http404
    return initiative


@login_required
def recognition_decision_docx(request, pk: int):
    """The department's decision recognising the initiative, for the office."""
    initiative = _recognised_here(request, pk)
    require(rules.can_manage(request.user), gettext("Quyết định công nhận sáng kiến do Văn phòng Sở lập."))
    document = recognition_docx.RecognitionDecisionDocx(initiative)
    return word_or_pdf.document(request, document.render(), recognition_docx.decision_filename(initiative))


@login_required
def initiative_certificate_docx(request, pk: int):
    """The certificate of a recognised initiative, for whoever sees it."""
    initiative = _recognised_here(request, pk)
    document = recognition_docx.InitiativeCertificateDocx(initiative)
    return word_or_pdf.document(request, document.render(), recognition_docx.certificate_filename(initiative))
