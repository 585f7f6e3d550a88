"""Helpers the initiative pages share: fetching what the user may see, and turning a
service's refusal into a message or form errors."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404

from thidua.initiatives.models import Initiative


def initiatives_for_lists(user):
    return Initiative.objects.visible_to(user).for_lists()


def visible_or_404(user, pk: int) -> Initiative:
    """Another unit's initiative answers 404, as if it did not exist."""
    return get_object_or_404(initiatives_for_lists(user).prefetch_related("conflicts"), pk=pk)


def add_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: per field when it names fields the
    form has, otherwise at the top of the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)
