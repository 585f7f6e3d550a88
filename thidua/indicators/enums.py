"""How an indicator is read: which way is better and how units' values add up to the
department's."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Direction(models.TextChoices):
    HIGHER = "higher", _("Càng cao càng tốt")
    LOWER = "lower", _("Càng thấp càng tốt")


class Rollup(models.TextChoices):
    SUM = "sum", _("Cộng các đơn vị")
    AVERAGE = "average", _("Trung bình các đơn vị")


QUARTERS = (1, 2, 3, 4)


class TargetSource(models.TextChoices):
    """Where an indicator's targets come from. The plan itself sets no figures, so a
    target is the office's unless it names the text it follows."""

    OFFICE = "office", _("Do Sở đặt")
    PLAN = "plan", _("Theo Kế hoạch của Sở")
    PROVINCE = "province", _("Theo chương trình, kế hoạch của tỉnh")
