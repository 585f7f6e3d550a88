"""Indicators (chỉ tiêu) the office defines per content area, their target for each
year of the plan, and the values units record per quarter."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.core.fields import acted
from thidua.core.naming import named
from thidua.indicators.enums import Direction, Rollup, TargetSource
from thidua.organization.models import Unit
from thidua.plans.models import ContentArea, Plan


def _number(label) -> models.DecimalField:
    return models.DecimalField(label, max_digits=16, decimal_places=2)


class Indicator(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="indicators", verbose_name=_("kế hoạch"))
    content_area = models.ForeignKey(
        ContentArea, on_delete=models.PROTECT, related_name="indicators", verbose_name=_("nội dung thi đua")
    )
    code = models.CharField(_("mã chỉ tiêu"), max_length=32)
    name = models.CharField(_("tên chỉ tiêu"), max_length=255)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=64)
    is_percentage = models.BooleanField(_("tính theo phần trăm (0–100)"), default=False)
    baseline_value = models.DecimalField(_("giá trị gốc"), max_digits=16, decimal_places=2, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("năm gốc"), null=True, blank=True)
    direction = models.CharField(_("chiều tốt hơn"), max_length=10, choices=Direction.choices, default=Direction.HIGHER)
    allows_negative = models.BooleanField(_("cho phép giá trị âm"), default=False)
    rollup = models.CharField(_("cách tổng hợp lên cấp Sở"), max_length=10, choices=Rollup.choices, default=Rollup.SUM)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    # Where the yearly targets come from, printed beside them (`sources.py`).
    target_source = models.CharField(
        _("nguồn của mục tiêu"), max_length=10, choices=TargetSource.choices, default=TargetSource.OFFICE
    )
    target_reference = models.CharField(
        _("văn bản đặt mục tiêu"),
        max_length=255,
        blank=True,
        help_text=_("Số, ngày và tên văn bản, ví dụ: Kế hoạch số 45/KH-UBND ngày 01/3/2026 của UBND tỉnh."),
    )
    is_illustrative = models.BooleanField(
        _("mục tiêu minh họa"),
        default=False,
        help_text=_("Mục tiêu đặt để minh họa, chưa phải mục tiêu chính thức: màn hình ghi «minh họa» bên cạnh."),
    )

    class Meta(named(_("chỉ tiêu"))):
        ordering = ["content_area__order", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="indicator_code_unique_in_plan")]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    def clean(self):
        super().clean()
        if self.target_source == TargetSource.PROVINCE and not self.target_reference.strip():
            raise ValidationError(
                {
                    "target_reference": gettext(
                        "Hãy ghi số, ngày và tên văn bản của tỉnh mà mục tiêu theo, "
                        "ví dụ: Kế hoạch số 45/KH-UBND ngày 01/3/2026 của UBND tỉnh."
                    )
                }
            )


class IndicatorTarget(models.Model):
    """The department's target for one year of the plan."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="targets", verbose_name=_("chỉ tiêu")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    value = _number(_("mục tiêu"))

    class Meta(named(_("mục tiêu năm"))):
        ordering = ["year"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="indicator_target_once_a_year")]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}: {self.value}"


class IndicatorValueQuerySet(models.QuerySet):
    def visible_to(self, user) -> "IndicatorValueQuerySet":
        from thidua.organization import rules

        return self.filter(rules.in_scope(rules.unit_scope(user), "unit_id"))


class IndicatorValue(models.Model):
    """A unit's figure for a quarter: the state at the end of the quarter (a share, a
    count so far, a monthly average), not an increment. Entered again, it is updated,
    and the activity log keeps the earlier figure."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="values", verbose_name=_("chỉ tiêu")
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="indicator_values", verbose_name=_("đơn vị"))
    year = models.PositiveSmallIntegerField(_("năm"))
    quarter = models.PositiveSmallIntegerField(_("quý"))
    value = _number(_("giá trị"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    recorded_by, recorded_at = acted(_("người nhập"), _("thời điểm nhập"))

    objects = IndicatorValueQuerySet.as_manager()

    class Meta(named(_("số liệu chỉ tiêu"))):
        ordering = ["indicator", "unit", "year", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "unit", "year", "quarter"], name="indicator_value_once"),
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="indicator_value_quarter"),
        ]
        indexes = [models.Index(fields=["year", "quarter", "unit"])]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.unit.code} Q{self.quarter}/{self.year}: {self.value}"
