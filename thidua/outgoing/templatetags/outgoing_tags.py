"""`{% issued_copy number_symbol %}`: on a document's own page, its line of the register
of outgoing documents with the label of its issued (signed) copy, for those who read
the register."""

from django import template

from thidua.outgoing import rules, signed_copies
from thidua.outgoing.models import IssuedNumber

register = template.Library()


@register.inclusion_tag("outgoing/_issued_copy.html", takes_context=True)
def issued_copy(context, number_symbol: str):
    user = context.get("user")
    line = None
    if number_symbol and rules.can_see_register(user):
        line = IssuedNumber.objects.visible_to(user).filter(number_symbol=number_symbol).first()
    copy = signed_copies.latest([line.pk]).get(line.pk) if line else None
    return {"line": line, "copy": copy}
