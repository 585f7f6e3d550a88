"""Helpers the proposal pages share: fetching what the user may see, and turning a
service's refusal into a message or form errors."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404

from thidua.proposals.models import Proposal


def visible_or_404(user, pk: int) -> Proposal:
    """Another unit's proposal answers 404, as if it did not exist."""
    return get_object_or_404(Proposal.objects.visible_to(user).for_lists().prefetch_related("files"), pk=pk)


def add_errors(form, error: ValidationError) -> None:
    """A service's ValidationError on the form: per field when it names a field the
    form has, otherwise at the top."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def text_of(error: Exception) -> str:
    return " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
