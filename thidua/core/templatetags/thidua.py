from django import template
from django.core.exceptions import ObjectDoesNotExist

register = template.Library()

_SELECTS = {"select", "selectmultiple"}


@register.filter
def bs(field):
    """Render a form field's widget with Bootstrap's class, marked invalid when it has
    errors (the typed value is kept by the bound form)."""
    css = "form-select" if field.widget_type in _SELECTS else "form-control"
    if field.errors:
        css += " is-invalid"
    attrs = {"class": css}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def actor_name(user) -> str:
    """Who did it, as the office knows them: the linked person's name, else the account's
    full name, the login name only for an account with neither (lists select
    `actor__person` so this reads nothing more)."""
    if user is None:
        return ""
    try:
        return user.person.full_name
    except ObjectDoesNotExist:
        return user.get_full_name() or user.username
