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
    # Someone outside the staff list who contributes to the movement (the plan's
    # "Đối tượng khác", III.1.2), registered under the unit that proposes them.
    KHAC = "khac", _("Đối tượng khác")


CIVIL_SERVANTS = (Category.CAN_BO, Category.CONG_CHUC, Category.VIEN_CHUC)


class PersonKind(models.TextChoices):
    """The two kinds of person the plan's individual criteria address (III.1.2): cán bộ,
    công chức, viên chức; and everyone else ("Đối tượng khác", người lao động included)."""

    CB_CC_VC = "can_bo_cong_chuc_vien_chuc", _("Cán bộ, công chức, viên chức")
    OTHER = "doi_tuong_khac", _("Đối tượng khác")

    @classmethod
    def of(cls, category: str) -> "PersonKind":
        """The kind of a person of `category`."""
        return cls.CB_CC_VC if category in CIVIL_SERVANTS else cls.OTHER


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
