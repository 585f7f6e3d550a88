"""`{% plan_number_warning %}`: the warning of every issuing screen while the current
plan's number or date is unknown (documents citing it then name it without a number)."""

from django import template

from thidua.organization import rules
from thidua.plans.models import Plan

register = template.Library()


@register.inclusion_tag("plans/_number_warning.html", takes_context=True)
def plan_number_warning(context, plan=None):
    plan = plan or Plan.objects.current()
    user = context.get("user")
    return {"plan": plan if plan is not None and not plan.is_numbered else None, "can_edit": rules.can_edit_plan(user)}
