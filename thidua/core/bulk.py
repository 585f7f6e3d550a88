"""Many items moved in one action: receiving six unit reports, approving every
proposal the council passed, confirming a unit's results.

Two steps, the same for every list:

1. The ticked items are posted without `xac-nhan`: a confirmation page says exactly what
   will happen to which items, which of them cannot be moved and why, and what cannot
   be undone.
2. Confirmed, each item goes through its own service (the same audited transition as
   its own button) inside one transaction. If any item is refused on the way (someone
   moved it meanwhile), nothing is changed: the page lists each refused item with its
   reason, and the user decides again.

A view gives the items the account may see (`chosen`), how to move one (`move`), and
the words of its page; nothing else decides."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from thidua.core.actions import refusal_text, safe_next
from thidua.core.codes import State
from thidua.core.workflow import TransitionError, allows

FIELD = "chon"
CONFIRMED = "xac-nhan"
MOST = 500  # one page of a list holds fewer; more is no request a person made


@dataclass(frozen=True)
class Item:
    obj: object
    label: str
    url: str
    reason: str = ""  # why it cannot be moved, empty when it can


@dataclass(frozen=True)
class Kind:
    """What a list's rows are: those the account may see (`rows(user)`, in the list's
    order), each row's label and page, the app's moves (`core.workflow.Moves`) and the
    URL name of the list to go back to."""

    rows: Callable
    label: Callable
    url: Callable
    moves: object
    back: str


@dataclass(frozen=True)
class Words:
    """What the confirmation page says: its title, what will happen to the items, what
    cannot be undone (empty when it can), the success message with `%(count)s`."""

    title: str
    will: str
    done: str
    warning: str = ""
    button: str = ""


def chosen(request, queryset) -> list:
    """The ticked items, from the queryset the account may see; an id it may not see
    answers 404, as the item's own page would."""
    raw = request.POST.getlist(FIELD)
    if not raw:
        raise BadRequest(gettext("Hãy đánh dấu ít nhất một mục trong danh sách rồi chọn thao tác."))
    if len(raw) > MOST or not all(value.isdigit() and len(value) <= 18 for value in raw):
        raise BadRequest(gettext("Danh sách các mục đã chọn không đọc được; hãy tải lại trang và chọn lại."))
    ids = {int(value) for value in raw}
    found = list(queryset.filter(pk__in=ids))
    if len(found) != len(ids):
        raise Http404
    return found


def items(request, kind: Kind, to: str) -> list[Item]:
    """The ticked rows as items of the confirmation page, each with why it cannot move
    to `to` (the workflow's table and the move's predicate)."""
    return [item_of(kind, obj, why_not(request.user, obj, to=to, moves=kind.moves)) for obj in chosen_of(request, kind)]


def chosen_of(request, kind: Kind) -> list:
    return chosen(request, kind.rows(request.user))


def item_of(kind: Kind, obj, reason: str) -> Item:
    return Item(obj, kind.label(obj), kind.url(obj), reason)


def move_many(request, kind: Kind, to: str, *, move: Callable, words: Words, form_class=None):
    """The ticked rows of `kind` moved to `to` by `move`, through the two steps."""
    items_ = items(request, kind, to)
    return confirm_then_run(request, items_, move=move, words=words, back=back_to(request, kind), form_class=form_class)


def review_views(*, kind: Kind, check: Callable, accept: Callable, give_back: Callable, form_class, words: tuple):
    """The office's two moves on many of what units send to be checked
    (`workflow.sent_for_review`: a report, a registration): accept, and return with one
    reason. `check(user)` refuses whoever may not; `accept(user, obj)` and
    `give_back(user, obj, reason)` are the app's services; `words` the (accept, return)
    `Words`, lazily translated."""
    accepting, returning = words

    @login_required
    @require_POST
    def accept_many(request):
        check(request.user)
        move = partial(accept, request.user)
        return move_many(request, kind, State.ACCEPTED, move=move, words=accepting)

    @login_required
    @require_POST
    def return_many(request):
        check(request.user)
        move = partial(give_back, request.user)
        return move_many(request, kind, State.RETURNED, move=move, words=returning, form_class=form_class)

    return accept_many, return_many


def back_to(request, kind: Kind) -> str:
    """The list the ticks came from, else the kind's list."""
    return safe_next(request, reverse(kind.back))


def run_each(items: Iterable, move: Callable) -> list[tuple[object, str]]:
    """Move every item, or none: each refusal with its reason; with one, all is undone."""
    refused = []
    with transaction.atomic():
        for item in items:
            try:
                with transaction.atomic():
                    move(item)
            except (TransitionError, ValidationError, PermissionDenied) as error:
                refused.append((item, refusal_text(error)))
        if refused:
            transaction.set_rollback(True)
    return refused


def confirm_then_run(request, items: Sequence[Item], *, move: Callable, words: Words, back: str, form_class=None):
    """The two steps above. `form_class` asks what every item's move needs (a reason),
    on the confirmation page; `back` is the list's address."""
    is_confirmed = confirmed(request)
    form = form_class(request.POST if is_confirmed else None) if form_class else None
    ready = [item for item in items if not item.reason]
    context = {"items": items, "ready": ready, "words": words, "back": back, "form": form, "field": FIELD}
    if not is_confirmed:
        return render(request, "core/bulk_confirm.html", context)
    if not ready:
        return render(request, "core/bulk_confirm.html", context, status=409)
    if form is not None and not form.is_valid():
        return render(request, "core/bulk_confirm.html", context, status=400)
    data = form.cleaned_data if form is not None else {}
    refused = run_each([item.obj for item in ready], lambda obj: move(obj, **data))
    if refused:
        reasons = {id(obj): reason for obj, reason in refused}
        context["refused"] = [(item, reasons[id(item.obj)]) for item in ready if id(item.obj) in reasons]
        return render(request, "core/bulk_confirm.html", context, status=409)
    messages.success(request, words.done % {"count": len(ready)})
    return redirect(back)


def why_not(user, obj, *, to: str, moves) -> str:
    """Why `user` cannot move `obj` to `to` now, or "" when they can: the workflow's
    table first, then the move's predicate (`core.workflow.Moves`)."""
    if not allows(obj, to, moves.table):
        return gettext("Đang ở trạng thái «%(state)s», không thực hiện được thao tác này.") % {
            "state": obj.get_state_display()
        }
    if not moves.may(user, obj, to):
        return gettext("Bạn không có quyền thực hiện thao tác này với mục này.")
    return ""


class _Undo(Exception):
    pass


def trial(objs: Iterable, move: Callable) -> dict[int, str]:
    """Why each object's move would be refused now, found by making it and undoing it:
    for moves whose service checks more than the state (the council passed it, the
    verdict allows it), so the confirmation page names exactly what will happen. The
    objects themselves are read again before the real moves."""
    reasons = {}
    for obj in objs:
        try:
            with transaction.atomic():
                move(obj)
                raise _Undo
        except _Undo:
            pass
        except (TransitionError, ValidationError, PermissionDenied) as error:
            reasons[obj.pk] = refusal_text(error)
    return reasons


def confirmed(request) -> bool:
    return CONFIRMED in request.POST
