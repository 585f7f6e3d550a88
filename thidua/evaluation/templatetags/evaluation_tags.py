from decimal import Decimal

from django import template

from thidua.indicators.numbers import format_number

register = template.Library()


@register.filter
def points(value) -> str:
    """A score or a share without trailing zeros, with the interface's decimal mark:
    Decimal("65.50") → "65,5" in Vietnamese."""
    if value is None or value == "":
        return ""
    return format_number(Decimal(str(value)).quantize(Decimal("0.01")))
