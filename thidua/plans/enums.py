from django.db import models


class SubjectKind(models.TextChoices):
    COLLECTIVE = "collective", "Tập thể"
    INDIVIDUAL = "individual", "Cá nhân"


class ItemKind(models.TextChoices):
    """Text parts of a plan that carry no further structure of their own."""

    PURPOSE = "purpose", "Mục đích"
    REQUIREMENT = "requirement", "Yêu cầu"
    REWARD_FORM = "reward_form", "Hình thức khen thưởng"
    SOLUTION = "solution", "Giải pháp thực hiện"
    DUTY = "duty", "Tổ chức thực hiện"
    DIFFICULTY = "difficulty", "Khó khăn, vướng mắc"


class ReviewKind(models.TextChoices):
    MID_TERM = "mid_term", "Sơ kết"
    FINAL = "final", "Tổng kết"
