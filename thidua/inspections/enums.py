"""Self-inspection (tự kiểm tra): the answers to a checklist item, the severity of a
finding, and the path of a unit's checklist: the unit fills it in (draft), its head
sends it (submitted), the office takes it in (accepted) or returns it with the reason
(returned) for the unit to correct and send again."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.codes import State
from thidua.core.workflow import sent_for_review

TRANSITIONS = sent_for_review()

# A unit changes its answers only in these states.
EDITABLE = {State.DRAFT, State.RETURNED}


class AnswerResult(models.TextChoices):
    MET = "dat", _("Đạt")
    NOT_MET = "chua_dat", _("Chưa đạt")
    NOT_APPLICABLE = "khong_ap_dung", _("Không áp dụng")


class Severity(models.TextChoices):
    LOW = "thap", _("Thấp")
    MEDIUM = "trung_binh", _("Trung bình")
    HIGH = "cao", _("Cao")
