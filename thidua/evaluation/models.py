"""The scoring sheet (bảng chấm điểm) of a plan for one year: the points of each of the
plan's criteria, the thresholds of classification, and the scores — a unit's or a
person's own (tự chấm, with links to their recorded results) and each council member's."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.fields import acted, one_subject
from thidua.core.naming import named
from thidua.evaluation.enums import DEFAULT_QUORUM, DEFAULT_THRESHOLDS
from thidua.organization.models import Person, PersonOrUnit, Unit
from thidua.plans.models import Criterion, Plan
from thidua.results.models import ResultEntry


def _points(label, **kwargs) -> models.DecimalField:
    return models.DecimalField(label, max_digits=6, decimal_places=2, **kwargs)


class ScoringSheet(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="scoring_sheets", verbose_name=_("kế hoạch"))
    year = models.PositiveSmallIntegerField(_("năm"))
    excellent_from = _points(_("«Xuất sắc» từ (% tổng điểm)"), default=DEFAULT_THRESHOLDS["excellent_from"])
    good_from = _points(_("«Tốt» từ (% tổng điểm)"), default=DEFAULT_THRESHOLDS["good_from"])
    pass_from = _points(_("«Đạt» từ (% tổng điểm)"), default=DEFAULT_THRESHOLDS["pass_from"])
    quorum = models.PositiveSmallIntegerField(
        _("số thành viên Hội đồng chấm tối thiểu để xếp hạng"), default=DEFAULT_QUORUM
    )
    created_by, created_at = acted(_("người lập"), _("ngày lập"))

    class Meta(named(_("bảng chấm điểm thi đua"))):
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "year"], name="scoring_sheet_once_a_year"),
            models.CheckConstraint(
                condition=Q(
                    excellent_from__lte=100,
                    excellent_from__gt=models.F("good_from"),
                    good_from__gt=models.F("pass_from"),
                    pass_from__gte=0,
                ),
                name="scoring_sheet_thresholds_in_order",
            ),
            models.CheckConstraint(condition=Q(quorum__gte=1), name="scoring_sheet_quorum_at_least_one"),
        ]

    def __str__(self) -> str:
        return f"Bảng chấm điểm thi đua năm {self.year}"


class SheetItem(models.Model):
    """One criterion of the plan on the sheet, with the most points it can earn."""

    sheet = models.ForeignKey(
        ScoringSheet, on_delete=models.CASCADE, related_name="items", verbose_name=_("bảng chấm điểm")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="sheet_items", verbose_name=_("tiêu chí thi đua")
    )
    max_points = _points(_("điểm tối đa"))

    class Meta(named(_("tiêu chí chấm điểm"))):
        ordering = ["criterion__subject_kind", "criterion__order", "criterion_id"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "criterion"], name="sheet_item_once_per_criterion"),
            models.CheckConstraint(condition=Q(max_points__gt=0), name="sheet_item_points_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion} — {self.max_points}"


class NotApplicable(models.Model):
    """A collective criterion that does not apply to a unit this year: a task "theo
    phân công" (SheetItem of a criterion `when_assigned`) the unit was not given. The
    criterion leaves the unit's maximum; the reason is shown beside it."""

    item = models.ForeignKey(
        SheetItem, on_delete=models.CASCADE, related_name="not_applicable", verbose_name=_("tiêu chí")
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị"))
    reason = models.TextField(_("lý do không áp dụng"))
    marked_by, marked_at = acted(_("người ghi"), _("thời điểm ghi"))

    class Meta(named(_("tiêu chí không áp dụng"))):
        ordering = ["item__criterion__order", "id"]
        constraints = [models.UniqueConstraint(fields=["item", "unit"], name="not_applicable_once_per_unit")]

    def __str__(self) -> str:
        return f"{self.unit} — {self.item.criterion.short_title}: không áp dụng"


class ScoreQuerySet(models.QuerySet):
    def of_sheet(self, sheet: ScoringSheet) -> "ScoreQuerySet":
        return self.filter(item__sheet=sheet)

    def for_subject(self, subject) -> "ScoreQuerySet":
        return self.filter(person=subject) if isinstance(subject, Person) else self.filter(unit=subject)

    def visible_to(self, user) -> "ScoreQuerySet":
        """Scores of the subjects the account may see (evaluation.rules)."""
        from thidua.evaluation import rules

        units = rules.unit_ids_seen(user)
        if units is rules.EVERYTHING:
            return self
        own = rules.person_of(user)
        return self.filter(Q(unit_id__in=units) | Q(person__unit_id__in=units) | Q(person_id=own.pk if own else None))


class SubjectScore(PersonOrUnit):
    """A score of one criterion for either a unit or a person (exactly one)."""

    item = models.ForeignKey(SheetItem, on_delete=models.CASCADE, related_name="+", verbose_name=_("tiêu chí"))
    score = _points(_("điểm"))

    objects = ScoreQuerySet.as_manager()

    class Meta:
        abstract = True


def _score_constraints(prefix: str, *keys: str) -> list:
    return [
        one_subject(prefix),
        models.CheckConstraint(condition=Q(score__gte=0), name=f"{prefix}_not_negative"),
        models.UniqueConstraint(
            fields=["item", *keys, "unit"], condition=Q(unit__isnull=False), name=f"{prefix}_once_per_unit"
        ),
        models.UniqueConstraint(
            fields=["item", *keys, "person"], condition=Q(person__isnull=False), name=f"{prefix}_once_per_person"
        ),
    ]


class SelfAssessment(SubjectScore):
    """A unit's or a person's own score of a criterion, with the results it rests on."""

    note = models.TextField(_("giải trình"), blank=True)
    results = models.ManyToManyField(
        ResultEntry, blank=True, related_name="self_assessments", verbose_name=_("kết quả làm căn cứ")
    )
    assessed_by, assessed_at = acted(_("người chấm"), _("thời điểm chấm"))

    class Meta(named(_("điểm tự chấm"))):
        ordering = ["item__criterion__order", "id"]
        constraints = _score_constraints("self_assessment")

    def __str__(self) -> str:
        return f"{self.subject} — {self.item.criterion.short_title}: {self.score}"


class CouncilScore(SubjectScore):
    """One council member's score of one criterion for one subject; scoring again
    updates the row and the activity log keeps the earlier score."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="evaluation_scores",
        verbose_name=_("thành viên hội đồng"),
    )
    comment = models.TextField(_("nhận xét"), blank=True)
    scored_at = models.DateTimeField(_("thời điểm chấm"), default=timezone.now)

    class Meta(named(_("điểm của hội đồng"))):
        ordering = ["item__criterion__order", "member__username"]
        constraints = _score_constraints("council_score", "member")

    def __str__(self) -> str:
        return f"{self.member} — {self.subject} — {self.item.criterion.short_title}: {self.score}"
