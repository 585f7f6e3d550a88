"""Small helpers for showing verdicts and conditions."""

import json

from django import template

from thidua.commendation.eligibility.facts import MARKS
from thidua.commendation.enums import Verdict

register = template.Library()

BADGES = {"eligible": "text-bg-success", "not_eligible": "text-bg-danger", "needs_review": "text-bg-warning"}


@register.filter
def verdict_label(code: str) -> str:
    return Verdict(code).label if code in Verdict.values else code


@register.filter
def verdict_badge(code: str) -> str:
    return BADGES.get(code, "text-bg-secondary")


@register.filter
def mark(passed) -> str:
    return MARKS.get(passed, "?")


@register.filter
def passed_class(passed) -> str:
    return {True: "text-success", False: "text-danger"}.get(passed, "text-warning-emphasis")


@register.filter
def as_json(value) -> str:
    """Parameters as the office types them in the edit form."""
    return json.dumps(value, ensure_ascii=False)
