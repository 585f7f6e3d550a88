"""Results (kết quả, thành tích) recorded by a unit or by a person, and the evidence
files (minh chứng) attached to them."""

import datetime
import mimetypes
import uuid

from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from thidua.core.codes import State
from thidua.core.downloads import previewable
from thidua.core.fields import acted, optional_link
from thidua.core.naming import named
from thidua.core.workflow import WorkflowModel
from thidua.organization.models import Person, Unit
from thidua.plans.models import ContentArea, Criterion, Plan


def quarter_bounds(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    """First and last day of a quarter (1–4) of `year`."""
    first = datetime.date(year, 3 * quarter - 2, 1)
    following = datetime.date(year + 1, 1, 1) if quarter == 4 else datetime.date(year, 3 * quarter + 1, 1)
    return first, following - datetime.timedelta(days=1)


class ResultEntryQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ResultEntryQuerySet":
        """Confirmed entries of the units in the account's scope. An entry sent but not
        yet confirmed (or returned) is personal work in progress: seen by the person, the
        head of the unit and those above, the office and the director
        (`rules.personal_detail_q`), not by colleagues. A draft is seen only by whoever may
        still edit it: the person it belongs to, or the head of the unit for a unit
        entry; nobody else has anything to act on before it is submitted."""
        from thidua.organization import rules
        from thidua.organization.enums import Role

        if not getattr(user, "is_authenticated", False):
            return self.none()
        scope = rules.unit_scope(user)
        if rules.covers_all(scope):
            confirmed = Q(state=State.CONFIRMED)
        else:
            confirmed = Q(unit_id__in=scope, state=State.CONFIRMED)
        headed = rules.units_with_role(user, Role.UNIT_HEAD)
        return self.filter(
            confirmed
            | (rules.personal_detail_q(user) & ~Q(state=State.DRAFT))
            | Q(person__user_id=user.pk)
            | Q(person__isnull=True, unit_id__in=headed)
        )

    def recorded(self) -> "ResultEntryQuerySet":
        """Entries that have left the author's hands (every state but draft)."""
        return self.exclude(state=State.DRAFT)

    def in_year(self, year: int) -> "ResultEntryQuerySet":
        return self.filter(date__year=year)

    def in_quarter(self, year: int, quarter: int) -> "ResultEntryQuerySet":
        return self.filter(date__range=quarter_bounds(year, quarter))

    def count_by_content_area(self, year: int) -> models.QuerySet:
        """Recorded entries of `year` per content area: rows of content_area_id,
        content_area__number, content_area__short_title, total, confirmed."""
        return self._counts(year, "content_area_id", "content_area__number", "content_area__short_title")

    def count_by_unit(self, year: int) -> models.QuerySet:
        """Recorded entries of `year` per unit: rows of unit_id, unit__code, unit__name,
        total, confirmed."""
        return self._counts(year, "unit_id", "unit__code", "unit__name")

    def _counts(self, year: int, *keys: str) -> models.QuerySet:
        return (
            self.recorded()
            .in_year(year)
            .values(*keys)
            .annotate(total=Count("id"), confirmed=Count("id", filter=Q(state=State.CONFIRMED)))
            .order_by(keys[1])
        )


class ResultEntry(WorkflowModel):
    """A result of a unit (person empty) or of one of its people."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="results", verbose_name=_("kế hoạch"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="results", verbose_name=_("đơn vị"))
    person = optional_link(Person, _("cá nhân"), on_delete=models.PROTECT, related_name="results")
    content_area = models.ForeignKey(
        ContentArea, on_delete=models.PROTECT, related_name="results", verbose_name=_("nội dung thi đua")
    )
    criterion = optional_link(Criterion, _("tiêu chí thi đua"), on_delete=models.PROTECT, related_name="results")
    title = models.CharField(_("tên kết quả"), max_length=255)
    description = models.TextField(_("mô tả"))
    date = models.DateField(_("ngày đạt được"))
    quantity = models.DecimalField(_("số lượng"), max_digits=16, decimal_places=2, null=True, blank=True)
    quantity_unit = models.CharField(_("đơn vị tính"), max_length=64, blank=True)
    state = models.CharField(_("trạng thái"), max_length=20, choices=State.choices, default=State.DRAFT)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    created_by, created_at = acted(_("người ghi"), _("thời điểm ghi"))

    objects = ResultEntryQuerySet.as_manager()

    class Meta(named(_("kết quả"))):
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["unit", "date"]), models.Index(fields=["state", "unit"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gte=0) | Q(quantity__isnull=True), name="result_quantity_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_unit_entry(self) -> bool:
        return self.person_id is None


def evidence_path(instance: "Evidence", filename: str) -> str:
    # A random name: what users call their files never reaches the file system, and
    # names cannot be guessed. The original name is kept in `original_name`.
    return f"evidence/{instance.entry.date.year}/{uuid.uuid4().hex}"


class EvidenceQuerySet(models.QuerySet):
    def visible_to(self, user) -> "EvidenceQuerySet":
        return self.filter(entry__in=ResultEntry.objects.visible_to(user))


class Evidence(models.Model):
    """A file proving a result. Served only through the download view, which checks
    that the account may see the entry; never through a public media URL."""

    entry = models.ForeignKey(ResultEntry, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("kết quả"))
    file = models.FileField(_("tệp"), upload_to=evidence_path, max_length=255)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    uploaded_by, uploaded_at = acted(_("người tải lên"), _("thời điểm tải lên"))

    objects = EvidenceQuerySet.as_manager()

    class Meta(named(_("minh chứng"))):
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def content_type(self) -> str:
        return mimetypes.guess_type(self.original_name)[0] or "application/octet-stream"

    @property
    def previewable(self) -> bool:
        """A PDF or a picture, which the browser can show (`?xem=1` on the download)."""
        return previewable(self.content_type)
