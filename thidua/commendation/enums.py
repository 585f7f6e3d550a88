"""Choices of the commendation app. Titles and forms themselves are the glossary codes
in `thidua.core.codes`; here are the words that describe them and the records."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AwardCategory(models.TextChoices):
    """Whether a catalogue row is an emulation title or a form of commendation: the two
    are never mixed."""

    TITLE = "title", _("Danh hiệu thi đua")
    FORM = "form", _("Hình thức khen thưởng")


class AwardSubject(models.TextChoices):
    """Who an award is for."""

    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")
    BOTH = "both", _("Cá nhân và tập thể")


class Route(models.TextChoices):
    """Who decides (Law Art. 80 cl. 1) or to whom the department proposes (R19)."""

    DIRECTOR = "director", _("Giám đốc Sở quyết định")
    PROVINCE = "province_chairman", _("Trình Chủ tịch UBND tỉnh")
    MINISTER = "minister", _("Trình Bộ trưởng Bộ Tư pháp")


class Confidence(models.TextChoices):
    """Confidence labels of the law reference."""

    VERBATIM = "V", _("[V] đã đọc nguyên văn")
    SECONDARY = "S", _("[S] theo nguồn thứ cấp")
    UNVERIFIED = "U", _("[U] chưa kiểm chứng")
    HISTORICAL = "historical", _("Quy định cũ (lịch sử), chưa đối chiếu văn bản hiện hành")
    NOT_FOUND = "not_found", _("Chưa tìm thấy văn bản")


# Labels whose rules cannot by themselves make a subject eligible until the office
# has checked the official text (`docs/law.md`, section 2).
UNSETTLED = {Confidence.UNVERIFIED, Confidence.HISTORICAL, Confidence.NOT_FOUND}


class Verdict(models.TextChoices):
    ELIGIBLE = "eligible", _("Đủ điều kiện")
    NOT_ELIGIBLE = "not_eligible", _("Không đủ điều kiện")
    NEEDS_REVIEW = "needs_review", _("Cần xem xét")


class DisciplineForm(models.TextChoices):
    """Hình thức kỷ luật, from the lightest to the heaviest."""

    KHIEN_TRACH = "khien_trach", _("Khiển trách")
    CANH_CAO = "canh_cao", _("Cảnh cáo")
    HA_BAC_LUONG = "ha_bac_luong", _("Hạ bậc lương")
    GIANG_CHUC = "giang_chuc", _("Giáng chức")
    CACH_CHUC = "cach_chuc", _("Cách chức")
    BUOC_THOI_VIEC = "buoc_thoi_viec", _("Buộc thôi việc")


DISCIPLINE_ORDER = list(DisciplineForm.values)


class PendingKind(models.TextChoices):
    """What holds a commendation back while it lasts (NĐ 98/2023 Art. 4, principle 4)."""

    DISCIPLINE = "discipline", _("Đang xem xét kỷ luật")
    INVESTIGATION = "investigation", _("Đang thanh tra, kiểm tra, điều tra")
    COMPLAINT = "complaint", _("Khiếu nại, tố cáo hoặc vụ việc báo chí nêu chưa giải quyết xong")
