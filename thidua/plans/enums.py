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


class DueWording(models.TextChoices):
    """How the plan words a deadline, and so which day is the last one on time: "trước
    ngày 15/12" is due by 14/12; "chậm nhất ngày 15/12" (or "trong ngày") by 15/12."""

    BEFORE = "before", _("«trước ngày …»: hạn cuối là ngày liền trước")
    BY = "by", _("«chậm nhất ngày …»: hạn cuối là chính ngày đó")


class SendChannel(models.TextChoices):
    """How the plan reached a recipient of its Nơi nhận, or the department's website."""

    EDOC = "edoc", _("Văn bản điện tử (eDoc)")
    EMAIL = "email", _("Thư điện tử")
    POST = "post", _("Bưu điện")
    HAND = "hand", _("Giao trực tiếp")
    WEB = "web", _("Đăng trên Trang Thông tin điện tử")
