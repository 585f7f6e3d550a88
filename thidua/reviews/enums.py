from django.db import models
from django.utils.translation import gettext_lazy as _


class SnapshotKind(models.TextChoices):
    INDICATOR = "indicator", _("Chỉ tiêu")
    RESULTS = "results", _("Số kết quả theo nội dung thi đua")
    INITIATIVES = "initiatives", _("Số sáng kiến được công nhận")
