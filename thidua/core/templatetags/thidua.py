from django import template
from django.core.exceptions import ObjectDoesNotExist

from thidua.core import codes
from thidua.core.logbook import entry

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


@register.filter
def title_name(code) -> str:
    """A title's, form's or rating's name from its code (`core.codes.title_name`)."""
    return codes.title_name(str(code)) if code else ""


@register.filter
def plain_titles(text) -> str:
    """A stored text with the codes of titles, forms and ratings said by name."""
    return codes.named_titles(str(text)) if text else ""


@register.filter
def logbook(row):
    """An activity-log row as a logbook line (`core.logbook.entry`)."""
    return entry(row)
