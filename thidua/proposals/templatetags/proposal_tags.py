"""Amounts in đồng, grouped the Vietnamese way ('2.340.000') whatever the locale's
number settings."""

from django import template

from thidua.proposals.money import multiple_text as _multiple_text
from thidua.proposals.money import vnd as _vnd

register = template.Library()


@register.filter
def vnd(amount) -> str:
    return _vnd(amount)


@register.filter
def multiple(value) -> str:
    """A multiple of the base salary as the decree writes it: '0,3'."""
    return "" if value is None else _multiple_text(value)
