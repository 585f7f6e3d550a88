"""`{% missing_bases %}`: the warning an issuing page shows while a legal basis every
decision cites has not been recorded (the decision then leaves its line out)."""

from django import template

from thidua.wording.models import BasisKind, LegalBasis

register = template.Library()


@register.inclusion_tag("wording/_missing_bases.html", takes_context=True)
def missing_bases(context) -> dict:
    recorded = LegalBasis.objects.in_force()
    missing = [label for kind, label in BasisKind.choices if kind not in recorded]
    return {"missing": missing, "user": context.get("user")}
