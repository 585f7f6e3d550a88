"""The office's pages: the document types, the texts of one with a preview, its
history and the return to a default; the legal bases cited by every decision."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from thidua.core.actions import add_errors, run_button, run_form
from thidua.core.pagination import paginate
from thidua.core.permissions import require
from thidua.wording import rules, services
from thidua.wording.forms import BasisForm, TextsForm
from thidua.wording.models import BasisKind, LegalBasis, Wording
from thidua.wording.registry import DOCUMENTS, documents


def _require_editor(user) -> None:
    require(rules.can_edit_wording(user), gettext(services.REFUSED))


def _document_or_404(key: str):
    document = DOCUMENTS.get(key)
    if document is None:
        raise Http404
    return document


@login_required
def document_list(request):
    _require_editor(request.user)
    latest: dict[tuple[str, str], bool] = {}  # (document, text) → the latest version is a reset
    for document, key, is_default in Wording.objects.order_by("-id").values_list("document", "key", "is_default"):
        latest.setdefault((document, key), is_default)
    rows = [
        {"document": d, "changed": sum(1 for (doc, _k), reset in latest.items() if doc == d.key and not reset)}
        for d in documents()
    ]
    bases = LegalBasis.objects.in_force()
    missing = [label for kind, label in BasisKind.choices if kind not in bases]
    return render(request, "wording/document_list.html", {"rows": rows, "bases": bases, "missing": missing})


def _preview(document, form) -> list[dict]:
    """Each text as the document prints it, with the sample values filled in."""
    parts = []
    for text in document.texts:
        value = form[text.key].value() or ""
        try:
            text.check(value)
            filled = value.format_map({name: document.sample.get(name, "…") for name in text.fields})
        except Exception:  # noqa: BLE001 — the form's errors say what is wrong; show it as typed
            filled = value
        lines = [line.strip() for line in filled.splitlines() if line.strip()]
        parts.append({"label": text.label, "lines": lines, "list": text.lines})
    return parts


@login_required
@require_http_methods(["GET", "POST"])
def document_edit(request, key: str):
    _require_editor(request.user)
    document = _document_or_404(key)
    form = TextsForm(request.POST or None, document=document)
    if request.method == "POST" and "preview" not in request.POST:
        answer = run_form(
            request,
            form,
            lambda data: services.save_texts(actor=request.user, document=document, values=data),
            lambda saved: (
                gettext("Đã lưu %(count)s đoạn; lịch sử sửa đổi được ghi lại.") % {"count": len(saved)}
                if saved
                else gettext("Không có đoạn nào thay đổi.")
            ),
            redirect("wording_edit", key=key),
            add_errors,
        )
        if answer:
            return answer
    if request.method == "POST":
        form.is_valid()
    in_force = Wording.objects.in_force(document)
    context = {
        "document": document,
        "form": form,
        "preview": _preview(document, form),
        "changed": [t for t in document.texts if t.key in in_force],
    }
    return render(request, "wording/document_edit.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def text_reset(request, key: str, text_key: str):
    _require_editor(request.user)
    document = _document_or_404(key)
    if text_key not in {t.key for t in document.texts}:
        raise Http404
    return run_button(
        request,
        lambda: services.reset(actor=request.user, document=document, key=text_key),
        lambda version: (
            gettext("Đã khôi phục câu mặc định của «%(label)s».") % {"label": document.text(text_key).label}
            if version
            else gettext("Đoạn này đang dùng câu mặc định.")
        ),
        redirect("wording_edit", key=key),
    )


@login_required
def document_history(request, key: str):
    _require_editor(request.user)
    document = _document_or_404(key)
    labels = {t.key: t.label for t in document.texts}
    versions = Wording.objects.filter(document=key).select_related("created_by__person")
    page = paginate(request, versions)
    for version in page:
        version.label = labels.get(version.key, version.key)
    return render(request, "wording/document_history.html", {"document": document, "page_obj": page})


@login_required
@require_http_methods(["GET", "POST"])
def bases(request, kind: str | None = None):
    _require_editor(request.user)
    if kind is not None and kind not in BasisKind.values:
        raise Http404
    kind = kind or BasisKind.FUNCTIONS
    in_force = LegalBasis.objects.in_force()
    current = in_force.get(kind)
    initial = (
        {"number": current.number, "signed_on": current.signed_on, "issuer": current.issuer, "subject": current.subject}
        if current
        else {}
    )
    form = BasisForm(request.POST or None, initial=initial)
    if request.method == "POST" and (
        answer := run_form(
            request,
            form,
            lambda data: services.record_basis(actor=request.user, kind=kind, **data),
            gettext("Đã ghi căn cứ; các văn bản lập từ nay trích dẫn căn cứ này."),
            redirect("wording_basis", kind=kind),
            add_errors,
        )
    ):
        return answer
    context = {
        "kind": kind,
        "kinds": [{"kind": k, "label": label, "basis": in_force.get(k)} for k, label in BasisKind.choices],
        "label": BasisKind(kind).label,
        "form": form,
        "history": LegalBasis.objects.filter(kind=kind).select_related("created_by__person")[:20],
    }
    return render(request, "wording/bases.html", context, status=400 if form.errors else 200)
