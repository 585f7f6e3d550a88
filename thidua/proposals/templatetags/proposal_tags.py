"""Amounts in đồng, grouped the Vietnamese way ('2.340.000') whatever the locale's
number settings."""

from django import template

from thidua.proposals.money import vnd as _vnd

register = template.Library()


@register.filter
def vnd(amount) -> str:
    return _vnd(amount)
