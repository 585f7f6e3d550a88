"""`{% form_token %}`: a fresh one-time token for a POST form (`core/form_tokens.py`).
A builtin of the templates (settings TEMPLATES), so no `{% load %}` is needed."""

from django import template
from django.utils.html import format_html

from thidua.core.form_tokens import FIELD, new_token

register = template.Library()


@register.simple_tag
def form_token() -> str:
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_token())
