"""Choices of the council: how a member votes on a proposal."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Choice(models.TextChoices):
    AGREE = "agree", _("Đồng ý")
    DISAGREE = "disagree", _("Không đồng ý")
    ABSTAIN = "abstain", _("Không có ý kiến")


class CouncilRole(models.TextChoices):
    """A member's seat on the council, in the order the minutes list them."""

    CHAIR = "chair", _("Chủ tịch Hội đồng")
    VICE_CHAIR = "vice_chair", _("Phó Chủ tịch Hội đồng")
    MEMBER = "member", _("Ủy viên")
    SECRETARY = "secretary", _("Ủy viên, Thư ký Hội đồng")


ROLE_ORDER = [CouncilRole.CHAIR, CouncilRole.VICE_CHAIR, CouncilRole.MEMBER, CouncilRole.SECRETARY]


# Shares are kept as exact fractions ("2/3", "1/2", "9/10"), so a quorum of two thirds
# of six members is four, not five.
DEFAULT_QUORUM = "2/3"
DEFAULT_PASS = "1/2"
