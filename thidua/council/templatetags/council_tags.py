"""The council's part of a proposal's dossier page (`proposals/_actions.html`): the form
that puts the proposal before an open meeting. The page's template asks for it here,
so the proposals app needs no import of the council, which depends on proposals."""

from django import template

from thidua.council.forms import ToCouncilForm

register = template.Library()


@register.simple_tag
def to_council_form(typed=None):
    """The form as typed and refused (kept by the view), or a new one."""
    return typed or ToCouncilForm(prefix="council")
