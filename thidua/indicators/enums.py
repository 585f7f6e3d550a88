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
