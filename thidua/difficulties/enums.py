"""The path of a difficulty: the unit raises it (draft → submitted), the office takes it
in (accepted) and passes its summary and recommendation to the director (under_review),
the director decides (decided). Closing once the decision is carried out is a date
(`closed_on`), not a state: the glossary has no "closed" wording, and «Đã có quyết
định» stays true of a closed item."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.codes import State

TRANSITIONS: dict[str, set[str]] = {
    State.DRAFT: {State.SUBMITTED},
    State.SUBMITTED: {State.ACCEPTED},
    State.ACCEPTED: {State.UNDER_REVIEW},
    State.UNDER_REVIEW: {State.DECIDED},
    State.DECIDED: set(),
}

# States in which it is the office's turn to act (take in, or review and recommend).
OFFICE_TURN = [State.SUBMITTED, State.ACCEPTED]


class Openness(models.TextChoices):
    """The filter of the lists."""

    OPEN = "mo", _("Đang theo dõi (chưa đóng)")
    CLOSED = "dong", _("Đã đóng")
    ALL = "tat-ca", _("Tất cả")
