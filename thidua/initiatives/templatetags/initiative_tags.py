from django import template
from django.utils import numberformat
from django.utils.formats import get_format

register = template.Library()


@register.filter
def grouped(value):
    """1200000 → "1.200.000" in Vietnamese, "1,200,000" in English; empty → "—".
    Vietnamese locale data has no digit grouping, and money reads badly without it."""
    if value is None or value == "":
        return "—"
    return numberformat.format(
        value,
        get_format("DECIMAL_SEPARATOR"),
        decimal_pos=0,
        grouping=3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )
