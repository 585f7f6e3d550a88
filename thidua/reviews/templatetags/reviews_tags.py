from decimal import Decimal

from django import template

from thidua.indicators.numbers import format_number

register = template.Library()


@register.filter
def figure(value) -> str:
    """A frozen figure without trailing zeros, with the interface's decimal mark."""
    if value is None or value == "":
        return ""
    return format_number(Decimal(str(value)))
