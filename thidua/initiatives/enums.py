"""Tags of an initiative and the table of allowed moves of its workflow."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.codes import State


class Tag(models.TextChoices):
    """What kind of change an initiative brings; several may apply."""

    DIGITAL = "chuyen_doi_so", _("Chuyển đổi số")
    GREEN = "chuyen_doi_xanh", _("Chuyển đổi xanh")
    ADMIN_REFORM = "cai_cach_tthc", _("Cải cách thủ tục hành chính")
    OTHER = "khac", _("Khác")


# The states an initiative uses, in the order a reader follows them.
STATES = [State.DRAFT, State.SUBMITTED, State.UNDER_REVIEW, State.RETURNED, State.RECOGNISED, State.NOT_RECOGNISED]

TRANSITIONS: dict[str, set[str]] = {
    State.DRAFT: {State.SUBMITTED},
    State.SUBMITTED: {State.UNDER_REVIEW, State.RETURNED},
    State.UNDER_REVIEW: {State.RECOGNISED, State.NOT_RECOGNISED, State.RETURNED},
    State.RETURNED: {State.SUBMITTED},
}

# Authors and the unit head change an initiative only while it is in one of these.
EDITABLE = {State.DRAFT, State.RETURNED}

# Scores are whole numbers on this scale, for each of the three criteria.
SCORE_MIN, SCORE_MAX = 0, 10
