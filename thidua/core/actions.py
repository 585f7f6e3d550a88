"""How a page's button or small form runs a workflow service. A refusal the user can act
on becomes a message or errors on the form, success a message, and the user lands back
on the object's page; one place, so every app answers a stale page or a double click
the same way."""

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


def run_button(request, call, done: str, back: HttpResponse) -> HttpResponse:
    """A button without input: whatever the outcome, back to the object's page, with
    the reason when the service refused."""
    try:
        call()
    except (TransitionError, ValidationError) as error:
        messages.error(request, refusal_text(error))
    else:
        messages.success(request, done)
    return back


def run_form(request, form, call, done: str, back: HttpResponse, show_errors=errors_on_top) -> HttpResponse | None:
    """A small form on the object's page. Returns `back`, or None when the page must be
    shown again with the form: its input is invalid or the service refused it. A move
    the state no longer allows says so on the object's page instead, since the form
    would be of no use there any more."""
    if not form.is_valid():
        return None
    try:
        call(form.cleaned_data)
    except TransitionError as error:
        messages.error(request, str(error))
        return back
    except ValidationError as error:
        show_errors(form, error)
        return None
    messages.success(request, done)
    return back


def submit_once(request, obj, *, sender: bool, sent_before: str, call, done: str, back: HttpResponse) -> HttpResponse:
    """Submitting, where a second click (or a second tab) finds the object already sent
    by someone who could have sent it: that is no error, so `sent_before` says where it
    stands now (its `%(state)s`)."""
    if obj.state == State.SUBMITTED and sender:
        messages.info(request, sent_before % {"state": obj.get_state_display()})
        return back
    return run_button(request, call, done, back)
