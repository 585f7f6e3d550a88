"""The register of outgoing documents as pages: the office and the director read it; the
office records numbers given outside the system, moves the next number on and uploads
the signed copy of an issued document; the signed copy is downloaded through its line."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from thidua.core import params
from thidua.core.actions import add_errors, run_form
from thidua.core.downloads import saved_file
from thidua.core.pagination import paginate
from thidua.organization.enums import UnitKind
from thidua.organization.models import Unit
from thidua.organization.rules import in_scope, unit_scope
from thidua.outgoing import numbering, rules, signed_copies
from thidua.outgoing.forms import NextNumberForm, OutsideNumberForm, SignedCopyForm
from thidua.outgoing.models import DocumentType, IssuedNumber, Signature, SignedCopy


def _require_reader(user) -> None:
    if not rules.can_see_register(user):
        raise PermissionDenied(gettext("Sổ văn bản đi dành cho Văn phòng Sở và Lãnh đạo Sở."))


def _require_keeper(user) -> None:
    if not rules.can_keep_register(user):
        raise PermissionDenied(gettext("Chỉ Văn phòng Sở ghi sổ văn bản đi."))


def _agency(user) -> Unit:
    """The agency whose register the account keeps: the first agency it sees."""
    agencies = Unit.objects.filter(in_scope(unit_scope(user), "id"), kind=UnitKind.AGENCY).order_by("order", "id")
    agency = agencies.first()
    if agency is None:
        raise Http404(gettext("Chưa có cơ quan nào để ghi sổ văn bản đi."))
    return agency


def _next_numbers(agency: Unit, year: int) -> list[dict]:
    symbol = numbering.agency_symbol(agency)
    return [
        {
            "doc_type": doc_type,
            "next": numbering.format_number(
                numbering.next_number(agency, doc_type.value, year), doc_type.value, symbol
            ),
        }
        for doc_type in DocumentType
    ]


def _page(request, *, outside_form=None, next_form=None, status: int = 200):
    user = request.user
    agency = _agency(user)
    year = params.for_page(request, params.year, "nam", timezone.localdate().year)
    doc_type = params.for_page(request, lambda p, n: params.choice(p, n, DocumentType.values), "loai")
    lines = IssuedNumber.objects.visible_to(user).filter(year=year).select_related("issued_by__person")
    if doc_type:
        lines = lines.filter(doc_type=doc_type)
    page_obj = paginate(request, lines)
    copies = signed_copies.latest(line.pk for line in page_obj)
    for line in page_obj:
        line.signed_copy = copies.get(line.pk)
    can_keep = rules.can_keep_register(user)
    today = timezone.localdate()
    context = {
        "agency": agency,
        "year": year,
        "doc_type": doc_type,
        "doc_types": DocumentType.choices,
        "page_obj": page_obj,
        "can_keep": can_keep,
        "next_numbers": _next_numbers(agency, year) if can_keep else [],
        "outside_form": outside_form or OutsideNumberForm(initial={"date": today}),
        "next_form": next_form or NextNumberForm(initial={"year": year}),
        "upload_form": SignedCopyForm(),
    }
    return render(request, "outgoing/register.html", context, status=status)


@login_required
def register(request):
    _require_reader(request.user)
    return _page(request)


@login_required
@require_POST
def record_outside(request):
    _require_keeper(request.user)
    form = OutsideNumberForm(request.POST)
    agency = _agency(request.user)
    answer = run_form(
        request,
        form,
        lambda data: numbering.record_outside(
            actor=request.user,
            agency=agency,
            doc_type=data["doc_type"],
            number=data["number"],
            on=data["date"],
            subject=data["subject"],
        ),
        lambda issued: (
            gettext("Đã ghi số %(number)s vào sổ; hệ thống sẽ không cấp lại số này.") % {"number": issued.number_symbol}
        ),
        redirect("outgoing_register"),
        add_errors,
    )
    return answer or _page(request, outside_form=form, status=400)


@login_required
@require_POST
def set_next(request):
    _require_keeper(request.user)
    form = NextNumberForm(request.POST)
    agency = _agency(request.user)
    answer = run_form(
        request,
        form,
        lambda data: numbering.set_next(
            actor=request.user,
            agency=agency,
            doc_type=data["doc_type"],
            year=data["year"],
            next_number_=data["number"],
        ),
        lambda counter: (
            gettext("Số tiếp theo của %(type)s năm %(year)s là %(next)02d.")
            % {"type": counter.get_doc_type_display(), "year": counter.year, "next": counter.last + 1}
        ),
        redirect("outgoing_register"),
        add_errors,
    )
    return answer or _page(request, next_form=form, status=400)


def _line(user, pk: int) -> IssuedNumber:
    return get_object_or_404(IssuedNumber.objects.visible_to(user), pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def upload_signed(request, pk: int):
    _require_reader(request.user)
    issued = _line(request.user, pk)
    _require_keeper(request.user)
    form = SignedCopyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and (
        answer := run_form(
            request,
            form,
            lambda data: signed_copies.upload(actor=request.user, issued=issued, file=data["file"]),
            lambda copy: (
                gettext("Đã tải lên bản đã ký của văn bản %(number)s: %(status)s.")
                % {"number": issued.number_symbol, "status": copy.get_status_display()}
            ),
            redirect("outgoing_line", pk=pk),
            add_errors,
        )
    ):
        return answer
    return _line_page(request, issued, form, status=400 if form.errors else 200)


@login_required
def line_detail(request, pk: int):
    _require_reader(request.user)
    return _line_page(request, _line(request.user, pk), SignedCopyForm())


def _line_page(request, issued: IssuedNumber, form, status: int = 200):
    copies = list(issued.signed_copies.select_related("uploaded_by__person"))
    for copy in copies[:1]:
        for detail in copy.details:
            detail["label"] = Signature(detail["status"]).label
    return render(
        request,
        "outgoing/line.html",
        {
            "line": issued,
            "copies": copies,
            "current": copies[0] if copies else None,
            "form": form,
            "can_keep": rules.can_keep_register(request.user),
        },
        status=status,
    )


@login_required
def signed_file(request, pk: int):
    _require_reader(request.user)
    copy = get_object_or_404(SignedCopy.objects.filter(issued__in=IssuedNumber.objects.visible_to(request.user)), pk=pk)
    return saved_file(copy.file, copy.original_name)
