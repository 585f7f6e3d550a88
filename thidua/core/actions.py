"""How a page's button or form runs a service. A refusal the user can act on becomes a
message or errors on the form, success a message, and the user lands back on the
object's page; one place, so every app answers a stale page or a double click the same
way.

- `run_button`: a button without input (or a form whose refusal is said as a message).
- `run_form`: a form; the service's refusal shows on it, a move the state no longer
  allows is said on the object's page.
- `submit_once`: submitting, where a second click finds the object already sent.
- `refuse`: a page that no longer opens (an edit page once the state forbids editing).
- `Moves`: the views of an app's buttons and small forms on an object's page, built
  from the service each one runs.

`done` (the success message) and `then` (the page after success) may be functions of
what the service returned: a new object's page, a number it was given."""

from collections.abc import Callable, Iterable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from thidua.core.codes import State
from thidua.core.permissions import require
from thidua.core.workflow import TransitionError


def refusal_text(error: Exception) -> str:
    """One line for a message: a ValidationError may carry several reasons."""
    return " ".join(error.messages) if isinstance(error, ValidationError) else str(error)


def add_errors(form, error: ValidationError) -> None:
    """A service's ValidationError on the form: per field when it names a field the
    form has, otherwise at the top."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def errors_on_top(form, error: ValidationError) -> None:
    """Django itself puts the errors that name a field on that field."""
    form.add_error(None, error)


def as_message(request) -> Callable:
    """`show_errors` for a page that shows the refusal as a message above the form it
    shows again."""
    return lambda form, error: messages.error(request, refusal_text(error))


def _of(value, result):
    return value(result) if callable(value) else value


def _succeeded(request, result, done, level: int) -> None:
    if done is not None:
        messages.add_message(request, level, _of(done, result))


def safe_next(request, default: str = "") -> str:
    """The page a form came from (its `next` field), if it is one of this site's."""
    target = request.POST.get("next", "")
    ok = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    return target if ok else default


def refuse(request, reason: str, back: HttpResponse) -> HttpResponse:
    """Back to the object's page with the reason the page asked for does not open."""
    messages.error(request, reason)
    return back


def run_button(request, call, done, back: HttpResponse, *, then=None) -> HttpResponse:
    """A button without input: back to the object's page with the reason when the
    service refused; after success to `then` (by default the same page)."""
    try:
        result = call()
    except (TransitionError, ValidationError) as error:
        messages.error(request, refusal_text(error))
        return back
    _succeeded(request, result, done, messages.SUCCESS)
    return _of(then, result) if then is not None else back


def run_form(
    request,
    form,
    call,
    done,
    back: HttpResponse | None,
    show_errors=errors_on_top,
    *,
    then=None,
    also: Iterable = (),
    level: int = messages.SUCCESS,
) -> HttpResponse | None:
    """A form (with the formsets `also` sent with it). `call` receives the cleaned
    data. Returns the page to go to, or None when the page must be shown again with
    the form: its input is invalid or the service refused it. A move the state no
    longer allows is said as a message, on the object's page `back`, since the form
    would be of no use there any more; with `back` None (a form that creates, a form
    on the object's own page) the page is shown again with what was typed. After
    success: `then`, by default `back`; `level` is the success message's. Anything but a
    POST only shows the page: None."""
    if request.method != "POST" or not all([form.is_valid(), *[other.is_valid() for other in also]]):
        return None
    try:
        result = call(form.cleaned_data)
    except TransitionError as error:
        messages.error(request, str(error))
        return back
    except ValidationError as error:
        show_errors(form, error)
        return None
    _succeeded(request, result, done, level)
    return _of(then, result) if then is not None else back


def submit_once(request, obj, *, sender: bool, sent_before: str, call, done, back: HttpResponse) -> HttpResponse:
    """Submitting, where a second click (or a second tab) finds the object already sent
    by someone who could have sent it: that is no error, so `sent_before` says where it
    stands now (its `%(state)s`)."""
    if obj.state == State.SUBMITTED and sender:
        messages.info(request, sent_before % {"state": obj.get_state_display()})
        return back
    return run_button(request, call, done, back)


class Moves:
    """The views of the moves taken on one kind of object from its page. `fetch(request,
    pk)` is the object the account may see (404 otherwise), which the service receives
    as `keyword`; `back(obj)` is the object's page, `page(request, obj, **forms)` that
    page shown again with a form as typed."""

    def __init__(self, *, keyword: str, fetch: Callable, back: Callable, page: Callable | None = None):
        self.keyword, self.fetch, self.back, self.page = keyword, fetch, back, page

    def button(self, service: Callable, done) -> Callable:
        """A button that runs `service(actor=…, <keyword>=obj)`."""

        @login_required
        @require_POST
        def view(request, pk: int):
            obj = self.fetch(request, pk)
            return run_button(request, lambda: service(actor=request.user, **{self.keyword: obj}), done, self.back(obj))

        return view

    def submit(self, service: Callable, done, *, sender: Callable, sent_before) -> Callable:
        """The submit button (`submit_once`); `sender(user, obj)` tells whether the
        account could have sent it."""

        @login_required
        @require_POST
        def view(request, pk: int):
            obj = self.fetch(request, pk)
            return submit_once(
                request,
                obj,
                sender=sender(request.user, obj),
                sent_before=sent_before,
                call=lambda: service(actor=request.user, **{self.keyword: obj}),
                done=done,
                back=self.back(obj),
            )

        return view

    def form(
        self,
        form_class,
        name: str,
        service: Callable,
        done,
        *,
        prefix: str | None = None,
        allowed: Callable | None = None,
        refusal: str = "",
        renamed: dict[str, str] | None = None,
    ) -> Callable:
        """A form of the object's page (the context's `name`) whose fields are the
        keywords of `service`, but for those `renamed` (field → keyword). Only who
        `allowed(user, obj)` (the move's predicate) may send it, asked before the form is
        read (403 with `refusal` otherwise); on refusal the page comes back with the form
        as typed and the reason."""

        @login_required
        @require_POST
        def view(request, pk: int):
            obj = self.fetch(request, pk)
            if allowed is not None:
                require(allowed(request.user, obj), refusal)
            form = form_class(request.POST, prefix=prefix)

            def call(data):
                keywords = {(renamed or {}).get(field, field): value for field, value in data.items()}
                return service(actor=request.user, **{self.keyword: obj}, **keywords)

            return run_form(request, form, call, done, self.back(obj), add_errors) or self.page(
                request, obj, **{name: form}
            )

        return view
