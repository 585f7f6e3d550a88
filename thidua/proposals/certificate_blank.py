"""Giấy khen printed onto the office's pre-printed blanks: which texts are printed,
where they go on an A4 landscape blank until the office measures its own, and the
office's recorded layout (`models.BlankLayout`) read as the documents kit's `Blank`."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from thidua.documents.on_blank import Blank, Spot
from thidua.proposals.models import BlankLayout

# The texts in the order they stand on the blank, with the words the settings page uses.
FIELDS = [
    ("nguoi_tang", _("Người tặng (GIÁM ĐỐC SỞ …)")),
    ("ho_ten", _("Họ và tên, tên tập thể")),
    ("chuc_vu", _("Chức vụ")),
    ("don_vi", _("Đơn vị công tác")),
    ("thanh_tich", _("Thành tích")),
    ("so_quyet_dinh", _("Số quyết định")),
    ("ngay", _("Địa danh, ngày tháng năm")),
    ("chuc_vu_ky", _("Chức vụ người ký")),
    ("nguoi_ky", _("Họ tên người ký")),
]
LABELS = dict(FIELDS)

# x, y, width in mm; size in pt; bold. As the designed Giấy khen places them on A4
# landscape, a starting point for the office to measure its own blanks against.
DEFAULT_WIDTH, DEFAULT_HEIGHT = Decimal(297), Decimal(210)
DEFAULT_SPOTS = {
    "nguoi_tang": (48.5, 60, 200, 15, True),
    "ho_ten": (48.5, 92, 200, 20, True),
    "chuc_vu": (48.5, 104, 200, 14, False),
    "don_vi": (48.5, 111, 200, 14, False),
    "thanh_tich": (48.5, 121, 200, 14, False),
    "so_quyet_dinh": (20, 160, 120, 13, False),
    "ngay": (157, 150, 120, 13, False),
    "chuc_vu_ky": (157, 157, 120, 14, True),
    "nguoi_ky": (157, 180, 120, 14, True),
}


def spots_of(stored: dict) -> dict[str, Spot]:
    spots = {}
    for name, _label in FIELDS:
        x, y, width, size, bold = stored.get(name, DEFAULT_SPOTS[name])
        spots[name] = Spot(float(x), float(y), float(width), float(size), bool(bold))
    return spots


def in_force() -> Blank:
    """The office's latest layout, or the starting point while none is recorded."""
    row = BlankLayout.objects.first()
    if row is None:
        return Blank(float(DEFAULT_WIDTH), float(DEFAULT_HEIGHT), 0, 0, spots_of({}))
    return Blank(
        float(row.width_mm), float(row.height_mm), float(row.offset_x_mm), float(row.offset_y_mm), spots_of(row.spots)
    )


def texts(values: dict[str, str]) -> dict[str, str]:
    """One certificate's texts for the blank, from the filled values of the designed
    certificate (`certificate_docx.values`): the decision is named as the designed one
    names it."""
    page = {name: values.get(name, "") for name, _label in FIELDS}
    if page["so_quyet_dinh"]:
        page["so_quyet_dinh"] = f"Quyết định số {page['so_quyet_dinh']}"
    return page
