"""Words of the evaluation: the classification of a total, which subjects a sheet scores,
and the URL words for the two kinds of subject."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.organization.enums import UnitKind
from thidua.plans.enums import SubjectKind


class Classification(models.TextChoices):
    """Xếp loại of a council total. The thresholds are settings of each sheet."""

    EXCELLENT = "xuat_sac", _("Xuất sắc")
    GOOD = "tot", _("Tốt")
    PASSED = "dat", _("Đạt")
    NOT_PASSED = "chua_dat", _("Chưa đạt")


# Default thresholds, in percent of the sheet's total for the subject's kind. The office
# changes them per sheet; no legal text fixes them.
DEFAULT_THRESHOLDS = {"excellent_from": Decimal(90), "good_from": Decimal(70), "pass_from": Decimal(50)}

# Council members who must have scored a subject (every criterion that applies to it)
# before it is ranked: one member alone is not the council's view. The office changes it
# per sheet.
DEFAULT_QUORUM = 2

# Units that are scored as collectives: the divisions and units of the department, not
# the leadership or the agency itself.
SCORED_UNIT_KINDS = (UnitKind.OFFICE, UnitKind.DIVISION, UnitKind.PUBLIC_SERVICE)

# The URL word for each kind of subject ("don-vi" for a unit, "ca-nhan" for a person).
KIND_SLUGS = {"don-vi": SubjectKind.COLLECTIVE, "ca-nhan": SubjectKind.INDIVIDUAL}
SLUG_OF_KIND = {kind: slug for slug, kind in KIND_SLUGS.items()}

# Points given to a new sheet: 100 shared equally among the criteria of each kind.
NEW_SHEET_TOTAL = Decimal(100)
