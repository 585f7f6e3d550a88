"""The shape of a unit report's content and the checks on it.

    {"results": {"<content area id>": "text", …}, "indicators": "text",
     "initiatives": "text", "examples": "text", "difficulties": "text"}

Results are written per content area of the plan; the other sections are one text each.
"""

from django.urls import reverse

from thidua.reports.enums import TEXT_SECTIONS, Section


def areas_of(period):
    return list(period.plan.content_areas.all())


def clean(content: dict, period, areas=None) -> dict:
    """Only the template's sections, texts stripped; unknown keys are dropped."""
    areas = areas_of(period) if areas is None else areas
    results = content.get(Section.RESULTS, {}) or {}
    cleaned = {Section.RESULTS.value: {str(a.pk): _text(results.get(str(a.pk))) for a in areas}}
    for section in TEXT_SECTIONS:
        cleaned[section.value] = _text(content.get(section.value))
    return cleaned


def _text(value) -> str:
    return str(value or "").replace("\r\n", "\n").strip()


def is_filled(content: dict, section: str) -> bool:
    if section == Section.RESULTS:
        return any(text.strip() for text in (content.get(section) or {}).values())
    return bool(str(content.get(section) or "").strip())


def missing_sections(content: dict, period) -> list[str]:
    """Labels of the period's required sections left empty, in template order."""
    required = set(period.required_sections)
    return [str(s.label) for s in Section if s.value in required and not is_filled(content, s.value)]


def diff(before: dict, after: dict) -> dict:
    """{"content.<section>": [old, new]} for each section that changed."""
    changes = {}
    for key in sorted(set(before) | set(after)):
        old, new = _meaningful(before.get(key)), _meaningful(after.get(key))
        if old != new:
            changes[f"content.{key}"] = [old, new]
    return changes


def _meaningful(value):
    """An empty box and a missing one are the same thing."""
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if v} or None
    return value or None


def link(report) -> str:
    return reverse("unit_report_detail", args=[report.pk])


def sections_for_display(content: dict, areas) -> list[dict]:
    """[{label, items: [(heading, text)]}] to show a report read-only."""
    results = content.get(Section.RESULTS) or {}
    shown = [{"label": Section.RESULTS.label, "items": [(str(a), results.get(str(a.pk), "")) for a in areas]}]
    for section in TEXT_SECTIONS:
        shown.append({"label": section.label, "items": [("", content.get(section.value, ""))]})
    return shown
