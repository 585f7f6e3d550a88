"""Choices of the council: how a member votes on a proposal."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Choice(models.TextChoices):
    AGREE = "agree", _("Đồng ý")
    DISAGREE = "disagree", _("Không đồng ý")
    ABSTAIN = "abstain", _("Không có ý kiến")


# Shares are kept as exact fractions ("2/3", "1/2", "9/10"), so a quorum of two thirds
# of six members is four, not five.
DEFAULT_QUORUM = "2/3"
DEFAULT_PASS = "1/2"
