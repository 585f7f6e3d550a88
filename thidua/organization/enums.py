from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("Tỉnh")
    AGENCY = "agency", _("Cơ quan (Sở, ngành)")
    LEADERSHIP = "leadership", _("Ban Giám đốc")
    OFFICE = "office", _("Văn phòng")
    DIVISION = "division", _("Phòng chuyên môn")
    PUBLIC_SERVICE = "public_service", _("Đơn vị sự nghiệp")
    OTHER = "other", _("Khác")


class Category(models.TextChoices):
    # "Cán bộ" is also the navigation's word for everyone on the staff list; here it is
    # the category of elected or appointed officials, so it is translated on its own.
    CAN_BO = "can_bo", pgettext_lazy("category of person", "Cán bộ")
    CONG_CHUC = "cong_chuc", _("Công chức")
    VIEN_CHUC = "vien_chuc", _("Viên chức")
    NGUOI_LAO_DONG = "nguoi_lao_dong", _("Người lao động")


class Gender(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")


class Role(models.TextChoices):
    OFFICE = "office", _("Văn phòng Sở (cán bộ phụ trách TĐKT)")
    UNIT_HEAD = "unit_head", _("Thủ trưởng đơn vị")
    STAFF = "staff", _("Cán bộ, công chức, viên chức")
    COUNCIL = "council", _("Thành viên Hội đồng TĐKT")
    DIRECTOR = "director", _("Giám đốc, Phó Giám đốc")
    ADMIN = "admin", _("Quản trị hệ thống")
