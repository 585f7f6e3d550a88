"""The stable codes of the glossary, used in data, exports and the API. Emulation
titles and forms of commendation are kept apart here, by type and by name."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _


class EmulationTitle(models.TextChoices):
    """Danh hiệu thi đua."""

    LDTT = "LDTT", _("Lao động tiên tiến")
    CSTDCS = "CSTDCS", _("Chiến sĩ thi đua cơ sở")
    CSTD_TINH = "CSTD_TINH", _("Chiến sĩ thi đua cấp Bộ, ban, ngành, tỉnh")
    CSTD_TQ = "CSTD_TQ", _("Chiến sĩ thi đua toàn quốc")
    TTLDTT = "TTLDTT", _("Tập thể lao động tiên tiến")
    TTLDXS = "TTLDXS", _("Tập thể lao động xuất sắc")
    CO_TINH = "CO_TINH", _("Cờ thi đua của Bộ, ban, ngành, tỉnh")
    CO_CP = "CO_CP", _("Cờ thi đua của Chính phủ")


INDIVIDUAL_TITLES = [EmulationTitle.LDTT, EmulationTitle.CSTDCS, EmulationTitle.CSTD_TINH, EmulationTitle.CSTD_TQ]
COLLECTIVE_TITLES = [EmulationTitle.TTLDTT, EmulationTitle.TTLDXS, EmulationTitle.CO_TINH, EmulationTitle.CO_CP]


def title_choices(titles) -> list[tuple[str, str]]:
    return [(t.value, t.label) for t in titles]


class CommendationForm(models.TextChoices):
    """Hình thức khen thưởng — never mixed with the titles above."""

    GK = "GK", _("Giấy khen của Giám đốc Sở")
    BK_TINH = "BK_TINH", _("Bằng khen của Chủ tịch UBND tỉnh")
    BK_BO = "BK_BO", _("Bằng khen của Bộ trưởng Bộ Tư pháp")
    BK_TTG = "BK_TTG", _("Bằng khen của Thủ tướng Chính phủ")


class CommendationKind(models.TextChoices):
    """Loại hình khen thưởng."""

    CONG_TRANG = "cong_trang", _("Theo công trạng và thành tích đạt được")
    CHUYEN_DE = "chuyen_de", _("Theo đợt, chuyên đề")
    DOT_XUAT = "dot_xuat", _("Đột xuất")
    CONG_HIEN = "cong_hien", _("Cống hiến")
    NIEN_HAN = "nien_han", _("Niên hạn")
    DOI_NGOAI = "doi_ngoai", _("Đối ngoại")


class QualityRating(models.TextChoices):
    """Xếp loại chất lượng hằng năm."""

    HTXSNV = "HTXSNV", _("Hoàn thành xuất sắc nhiệm vụ")
    HTTNV = "HTTNV", _("Hoàn thành tốt nhiệm vụ")
    HTNV = "HTNV", _("Hoàn thành nhiệm vụ")
    KHTNV = "KHTNV", _("Không hoàn thành nhiệm vụ")


class Scope(models.TextChoices):
    """Phạm vi ảnh hưởng of an initiative or a research project."""

    CO_SO = "co_so", _("Cơ sở")
    TINH = "tinh", _("Tỉnh")
    TOAN_QUOC = "toan_quoc", _("Toàn quốc")


class State(models.TextChoices):
    """One wording per workflow state, everywhere (glossary). Each workflow uses the
    subset it needs, with its own table of allowed moves."""

    DRAFT = "draft", _("Nháp (chưa gửi)")
    SUBMITTED = "submitted", _("Đã gửi")
    RETURNED = "returned", _("Bị trả lại (kèm lý do)")
    ACCEPTED = "accepted", _("Đã tiếp nhận")
    UNDER_REVIEW = "under_review", _("Đang xem xét")
    RECOGNISED = "recognised", _("Được công nhận")
    NOT_RECOGNISED = "not_recognised", _("Không công nhận")
    APPROVED = "approved", _("Đã phê duyệt")
    REJECTED = "rejected", _("Không phê duyệt")
    FORWARDED = "forwarded", _("Đã trình cấp trên")
    DECIDED = "decided", _("Đã có quyết định")
    REVOKED = "revoked", _("Đã hủy bỏ khen thưởng")
    CONFIRMED = "confirmed", _("Đã xác nhận")


# The codes of titles, forms and ratings, by name: the office's screens and documents
# say the name ("Lao động tiên tiến"), never the code ("LDTT").
_NAMES = {c.value: c.label for c in (*EmulationTitle, *CommendationForm, *QualityRating)}
_CODE_WORD = re.compile(r"(?<![\w/-])(" + "|".join(sorted(_NAMES, key=len, reverse=True)) + r")(?![\w/-])")


def title_name(code: str) -> str:
    """The name of a title, form or rating by its code; any other text unchanged."""
    return str(_NAMES.get(code, code))


def named_titles(text: str) -> str:
    """`text` with every code of a title, form or rating replaced by its name: for the
    texts written before they were said in words (a stored verdict's reasons)."""
    return _CODE_WORD.sub(lambda m: title_name(m.group(1)), text) if text else text
