from django.db import models


class UnitKind(models.TextChoices):
    PROVINCE = "province", "Tỉnh"
    AGENCY = "agency", "Cơ quan (Sở, ngành)"
    LEADERSHIP = "leadership", "Ban Giám đốc"
    OFFICE = "office", "Văn phòng"
    DIVISION = "division", "Phòng chuyên môn"
    PUBLIC_SERVICE = "public_service", "Đơn vị sự nghiệp"
    OTHER = "other", "Khác"


class Category(models.TextChoices):
    CAN_BO = "can_bo", "Cán bộ"
    CONG_CHUC = "cong_chuc", "Công chức"
    VIEN_CHUC = "vien_chuc", "Viên chức"
    NGUOI_LAO_DONG = "nguoi_lao_dong", "Người lao động"


class Gender(models.TextChoices):
    MALE = "male", "Nam"
    FEMALE = "female", "Nữ"


class Role(models.TextChoices):
    OFFICE = "office", "Văn phòng Sở (cán bộ phụ trách TĐKT)"
    UNIT_HEAD = "unit_head", "Thủ trưởng đơn vị"
    STAFF = "staff", "Cán bộ, công chức, viên chức"
    COUNCIL = "council", "Thành viên Hội đồng TĐKT"
    DIRECTOR = "director", "Giám đốc, Phó Giám đốc"
    ADMIN = "admin", "Quản trị hệ thống"
