from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectKind(models.TextChoices):
    COLLECTIVE = "collective", _("Tập thể")
    INDIVIDUAL = "individual", _("Cá nhân")


class ItemKind(models.TextChoices):
    """Text parts of a plan that carry no further structure of their own."""

    PURPOSE = "purpose", _("Mục đích")
    REQUIREMENT = "requirement", _("Yêu cầu")
    REWARD_FORM = "reward_form", _("Hình thức khen thưởng")
    SOLUTION = "solution", _("Giải pháp thực hiện")
    DUTY = "duty", _("Tổ chức thực hiện")
    DIFFICULTY = "difficulty", _("Khó khăn, vướng mắc")


class ReviewKind(models.TextChoices):
    MID_TERM = "mid_term", _("Sơ kết")
    FINAL = "final", _("Tổng kết")
