"""Where an indicator's targets come from, in the words of a page and of a document.

The page says when a target is only illustrative ("minh họa"); an official document
never carries such a note: it prints the source as the office would write it, so an
illustrative target the office put in prints as "Chỉ tiêu do Sở đặt"."""

from django.utils.translation import gettext

from thidua.indicators.enums import TargetSource
from thidua.indicators.models import Indicator

# Documents are written in the department's language, whatever language the page is in.
OFFICE_TEXT = "Chỉ tiêu do Sở đặt"


def document_text(indicator: Indicator) -> str:
    """ "Chỉ tiêu do Sở đặt", "Theo Kế hoạch số 05/KH-STP ngày 10/01/2026",
    "Theo Kế hoạch số 45/KH-UBND ngày 01/3/2026 của UBND tỉnh"."""
    if indicator.target_source == TargetSource.PLAN:
        return f"Theo {indicator.plan.citation}"
    reference = indicator.target_reference.strip()
    if indicator.target_source == TargetSource.PROVINCE and reference:
        return reference if reference.lower().startswith("theo ") else f"Theo {reference}"
    return OFFICE_TEXT


def screen_text(indicator: Indicator) -> str:
    """What the page prints beside the target, in the user's language."""
    if indicator.target_source == TargetSource.PLAN:
        return gettext("Theo %(plan)s") % {"plan": indicator.plan.citation}
    reference = indicator.target_reference.strip()
    if indicator.target_source == TargetSource.PROVINCE and reference:
        return gettext("Theo %(text)s") % {"text": reference}
    return gettext("Chỉ tiêu do Sở đặt")
