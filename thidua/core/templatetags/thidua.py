import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.core.exceptions import ObjectDoesNotExist
from django.utils.formats import number_format

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


# The office's note that a rule's current text was not found: for the office, who checks
# the text; a unit or a council member reads the condition without it.
_OFFICE_NOTE = re.compile(r",?\s*\[?chưa tìm thấy văn bản(; cấu hình được\])?")


@register.filter
def without_office_notes(text) -> str:
    return _OFFICE_NOTE.sub("", str(text)) if text else ""


@register.filter
def num(value, places: int = 2) -> str:
    """A figure on a page in the page's language: thousands grouped, at most `places`
    decimals (half up) without trailing zeros — "12.000", "96,5" in Vietnamese (as
    `numerals.vn_number` prints documents), "12,000", "96.5" in English. "" for none."""
    if value is None or value == "" or isinstance(value, bool):
        return ""
    try:
        number = Decimal(str(value)).quantize(Decimal(1).scaleb(-int(places)), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        return str(value)
    text = f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return number_format(Decimal(text), use_l10n=True, force_grouping=True)
