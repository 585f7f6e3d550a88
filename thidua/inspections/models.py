"""Self-inspection of the movement (the plan's "Thường xuyên tự kiểm tra việc thực hiện
các Phong trào thi đua"): an inspection plan with its checklist, one checklist per
inspected unit with its answers, findings and follow-up actions."""

import datetime

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.codes import State
from thidua.core.fields import acted, acting_user, optional_link
from thidua.core.naming import named
from thidua.core.workflow import WorkflowModel
from thidua.inspections.enums import AnswerResult, Severity
from thidua.organization.models import Person, Unit
from thidua.plans.models import ContentArea, Criterion, Plan


def _scope_filter(qs, user, unit_field: str):
    from thidua.organization import rules

    return qs.filter(rules.in_scope(rules.unit_scope(user), unit_field))


class InspectionPlanQuerySet(models.QuerySet):
    def visible_to(self, user) -> "InspectionPlanQuerySet":
        """Plans that inspect at least one unit in the account's scope."""
        checklists = _scope_filter(UnitChecklist.objects.filter(inspection=OuterRef("pk")), user, "unit_id")
        return self.filter(Exists(checklists))


class InspectionPlan(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="inspections", verbose_name=_("kế hoạch"))
    title = models.CharField(_("tên đợt tự kiểm tra"), max_length=255)
    year = models.PositiveSmallIntegerField(_("năm"))
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    units = models.ManyToManyField(
        Unit, through="UnitChecklist", related_name="inspections", verbose_name=_("đơn vị được kiểm tra")
    )
    created_by, created_at = acted(_("người lập"), _("ngày lập"))

    objects = InspectionPlanQuerySet.as_manager()

    class Meta(named(_("đợt tự kiểm tra"))):
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="inspection_ends_after_start")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("inspection_detail", args=[self.pk])


class ChecklistItem(models.Model):
    """One question of the plan's checklist, asked of every inspected unit."""

    inspection = models.ForeignKey(InspectionPlan, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    text = models.TextField(_("nội dung kiểm tra"))
    content_area = optional_link(ContentArea, _("nội dung thi đua"), on_delete=models.SET_NULL, related_name="+")
    criterion = optional_link(Criterion, _("tiêu chí thi đua"), on_delete=models.SET_NULL, related_name="+")

    class Meta(named(_("nội dung bảng kiểm"))):
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.order}. {self.text[:100]}"


class UnitChecklistQuerySet(models.QuerySet):
    def visible_to(self, user) -> "UnitChecklistQuerySet":
        return _scope_filter(self, user, "unit_id")


class UnitChecklist(WorkflowModel):
    """The checklist one unit fills in for one inspection plan."""

    inspection = models.ForeignKey(
        InspectionPlan, on_delete=models.CASCADE, related_name="checklists", verbose_name=_("đợt tự kiểm tra")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="inspection_checklists", verbose_name=_("đơn vị")
    )
    state = models.CharField(_("trạng thái"), max_length=20, choices=State.choices, default=State.DRAFT)
    submitted_at = models.DateTimeField(_("ngày gửi"), null=True, blank=True)
    returned_reason = models.TextField(_("lý do trả lại"), blank=True)

    objects = UnitChecklistQuerySet.as_manager()

    class Meta(named(_("bảng kiểm của đơn vị"))):
        ordering = ["inspection", "unit__order", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["inspection", "unit"], name="one_checklist_per_unit")]

    def __str__(self) -> str:
        return f"{self.inspection} — {self.unit}"

    def get_absolute_url(self) -> str:
        return reverse("checklist_detail", args=[self.pk])


def evidence_path(answer: "Answer", filename: str) -> str:
    return f"tu-kiem-tra/{answer.checklist.inspection_id}/{answer.checklist.unit_id}/{filename}"


class Answer(models.Model):
    checklist = models.ForeignKey(UnitChecklist, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(ChecklistItem, on_delete=models.CASCADE, related_name="answers")
    # Empty until the unit answers; a checklist is sent only when none is empty.
    result = models.CharField(_("kết quả"), max_length=16, choices=AnswerResult.choices, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    evidence = models.FileField(_("minh chứng"), upload_to=evidence_path, blank=True, max_length=255)
    answered_by = acting_user(_("người trả lời"))
    answered_at = models.DateTimeField(_("thời điểm trả lời"), null=True, blank=True)

    class Meta(named(_("trả lời bảng kiểm"))):
        ordering = ["item__order", "item_id"]
        constraints = [models.UniqueConstraint(fields=["checklist", "item"], name="one_answer_per_item")]

    def __str__(self) -> str:
        return f"{self.item} — {self.get_result_display() or '—'}"

    @property
    def evidence_name(self) -> str:
        return self.evidence.name.rsplit("/", 1)[-1] if self.evidence else ""


class Finding(models.Model):
    checklist = models.ForeignKey(UnitChecklist, on_delete=models.CASCADE, related_name="findings")
    text = models.TextField(_("nội dung phát hiện"))
    severity = models.CharField(_("mức độ"), max_length=16, choices=Severity.choices, default=Severity.MEDIUM)
    created_by, created_at = acted(_("người ghi"), _("ngày ghi"))

    class Meta(named(_("phát hiện qua kiểm tra"))):
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:120]


def local_date(on: datetime.date | datetime.datetime | None) -> datetime.date:
    """A day in Asia/Ho_Chi_Minh: a moment is first turned into that zone's date."""
    if on is None:
        return timezone.localdate()
    if isinstance(on, datetime.datetime):
        return timezone.localtime(on).date() if timezone.is_aware(on) else on.date()
    return on


class FollowUpActionQuerySet(models.QuerySet):
    def visible_to(self, user) -> "FollowUpActionQuerySet":
        return _scope_filter(self, user, "checklist__unit_id")

    def overdue(self, on: datetime.date | datetime.datetime | None = None) -> "FollowUpActionQuerySet":
        """Not done by the end of its due day (23:59 Asia/Ho_Chi_Minh), as seen on `on`
        (today unless given): due before that day and not done on or before it."""
        day = local_date(on)
        return self.filter(due_on__lt=day).filter(Q(done_on__isnull=True) | Q(done_on__gt=day))

    def pending(self) -> "FollowUpActionQuerySet":
        return self.filter(done_on__isnull=True)


class FollowUpAction(models.Model):
    checklist = models.ForeignKey(
        UnitChecklist, on_delete=models.CASCADE, related_name="actions", verbose_name=_("bảng kiểm")
    )
    finding = optional_link(Finding, _("khắc phục phát hiện"), on_delete=models.SET_NULL, related_name="actions")
    text = models.TextField(_("việc cần làm"))
    owner = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="inspection_actions", verbose_name=_("người phụ trách")
    )
    due_on = models.DateField(_("hạn hoàn thành"))
    done_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    done_note = models.TextField(_("kết quả thực hiện"), blank=True)
    done_by = acting_user(_("người xác nhận hoàn thành"))
    created_by, created_at = acted(_("người giao"), _("ngày giao"))

    objects = FollowUpActionQuerySet.as_manager()

    class Meta(named(_("việc khắc phục"))):
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.text[:120]

    @property
    def due_at(self) -> datetime.datetime:
        """The last moment of the due day, in the department's time zone."""
        end = datetime.datetime.combine(self.due_on, datetime.time(23, 59, 59))
        return timezone.make_aware(end, timezone.get_default_timezone())

    def is_overdue(self, on: datetime.date | datetime.datetime | None = None) -> bool:
        day = local_date(on)
        return self.due_on < day and (self.done_on is None or self.done_on > day)
