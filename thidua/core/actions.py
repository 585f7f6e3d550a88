"""How a page's button or form runs a service. A refusal the user can act on becomes a
message or errors on the form, success a message, and the user lands back on the
object's page; one place, so every app answers a stale page or a double click the same
way.

- `run_button`: a button without input (or a form whose refusal is said as a message).
- `run_form`: a form; the service's refusal shows on it, a move the state no longer
  allows is said on the object's page.
- `submit_once`: submitting, where a second click finds the object already sent.

`done` (the success message) and `then` (the page after success) may be functions of
what the service returned: a new object's page, a number it was given."""

from collections.abc import Callable, Iterable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse

from thidua.core.codes import State
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


def run_form(request, form, call, done, back: HttpResponse | None, show_errors=errors_on_top, *,
             then=None, also: Iterable = (), level: int = messages.SUCCESS) -> HttpResponse | None:
    """A form (with the formsets `also` sent with it). `call` receives the cleaned
    data. Returns the page to go to, or None when the page must be shown again with
    the form: its input is invalid or the service refused it. A move the state no
    longer allows is said as a message, on the object's page `back`, since the form
    would be of no use there any more; with `back` None (a form that creates, a form
    on the object's own page) the page is shown again with what was typed. After
    success: `then`, by default `back`; `level` is the success message's."""
    if not all([form.is_valid(), *[other.is_valid() for other in also]]):
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
