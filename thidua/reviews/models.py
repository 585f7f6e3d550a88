"""The mid-term (sơ kết, 2027) and final (tổng kết, 2030) reviews of a plan's phases,
and the figures frozen for each at its review date: per unit and indicator the value,
per unit and content area the number of results, per unit the initiatives recognised,
and the department's totals. A snapshot is written once and never changes: it holds
the figures and the names as they stood, not links to figures that may move."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.core.fields import acted, acting_user, optional_link
from thidua.core.naming import named
from thidua.indicators.models import Indicator
from thidua.organization.models import Unit
from thidua.plans.models import ContentArea, Phase, Plan
from thidua.reviews.enums import SnapshotKind


class Review(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("kế hoạch"))
    phase = models.OneToOneField(Phase, on_delete=models.PROTECT, related_name="review", verbose_name=_("giai đoạn"))
    review_date = models.DateField(_("ngày chốt số liệu"))
    frozen_at = models.DateTimeField(_("thời điểm chốt"), null=True, blank=True)
    frozen_by = acting_user(_("người chốt"))
    created_by, created_at = acted(_("người lập"), _("ngày lập"))
    # The office's own words in the report: one paragraph a line. An empty part is left
    # out of the document; Kính gửi and Nơi nhận fall back to `report_texts`.
    addressees = models.TextField(_("kính gửi"), blank=True, help_text=_("Mỗi nơi một dòng."))
    achievements = models.TextField(_("kết quả đạt được"), blank=True)
    strengths = models.TextField(_("ưu điểm"), blank=True)
    shortcomings = models.TextField(_("hạn chế, nguyên nhân"), blank=True)
    lessons = models.TextField(_("bài học kinh nghiệm"), blank=True)
    tasks_ahead = models.TextField(_("phương hướng, nhiệm vụ thời gian tới"), blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True, help_text=_("Mỗi nơi một dòng."))
    # What a review freezes besides the figures (`sections.freeze`): the ranking, the
    # awards by level, the initiatives recognised and replicated, the self-inspection
    # findings and their follow-up, the difficulties raised and decided. A review frozen
    # before these were kept has none of the keys; its pages show them as missing.
    sections = models.JSONField(_("các phần đã chốt"), default=dict, blank=True)

    class Meta(named(_("sơ kết, tổng kết"))):
        ordering = ["review_date"]

    def __str__(self) -> str:
        return f"{self.phase.get_review_kind_display()} {self.phase.review_year}"

    @property
    def kind(self) -> str:
        return self.phase.review_kind

    @property
    def year(self) -> int:
        return self.phase.review_year

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None


class ReviewSnapshotQuerySet(models.QuerySet):
    def department(self) -> "ReviewSnapshotQuerySet":
        return self.filter(unit__isnull=True)

    def visible_to(self, user) -> "ReviewSnapshotQuerySet":
        """The department's totals for everyone signed in; a unit's rows for those who
        may see the unit."""
        from thidua.organization import rules

        scope = rules.unit_scope(user)
        if scope is rules.EVERYTHING:
            return self
        return self.filter(Q(unit__isnull=True) | Q(unit_id__in=scope))


class ReviewSnapshot(models.Model):
    """One frozen figure. `unit` empty: the department's total. The labels and the
    unit's name are copied at the freeze, so renaming later changes nothing here."""

    review = models.ForeignKey(
        Review, on_delete=models.PROTECT, related_name="snapshots", verbose_name=_("sơ kết, tổng kết")
    )
    kind = models.CharField(_("loại số liệu"), max_length=12, choices=SnapshotKind.choices)
    unit = optional_link(Unit, _("đơn vị"), on_delete=models.PROTECT, related_name="+")
    unit_name = models.CharField(_("tên đơn vị"), max_length=255, blank=True)
    indicator = optional_link(Indicator, _("chỉ tiêu"), on_delete=models.PROTECT, related_name="+")
    content_area = optional_link(ContentArea, _("nội dung thi đua"), on_delete=models.PROTECT, related_name="+")
    label = models.CharField(_("nội dung"), max_length=300)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=64, blank=True)
    value = models.DecimalField(_("giá trị"), max_digits=16, decimal_places=2)
    period_year = models.PositiveSmallIntegerField(_("năm của số liệu"), null=True, blank=True)
    period_quarter = models.PositiveSmallIntegerField(_("quý của số liệu"), null=True, blank=True)

    objects = ReviewSnapshotQuerySet.as_manager()

    class Meta(named(_("số liệu đã chốt"))):
        ordering = ["kind", "unit__order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=SnapshotKind.INDICATOR) | Q(indicator__isnull=False),
                name="snapshot_indicator_row_names_indicator",
            ),
            models.CheckConstraint(
                condition=~Q(kind=SnapshotKind.RESULTS) | Q(content_area__isnull=False),
                name="snapshot_results_row_names_area",
            ),
        ]
        indexes = [models.Index(fields=["review", "kind", "unit"])]

    def __str__(self) -> str:
        return f"{self.review} — {self.unit_name or 'Sở'} — {self.label}: {self.value}"
