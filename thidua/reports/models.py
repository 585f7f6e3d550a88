"""Reporting periods, the unit reports they call for (with a snapshot of each
submission), reminders sent about them, and the department's consolidated report with
the record of where it was sent."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.codes import State
from thidua.core.fields import acting_user, optional_link
from thidua.core.naming import named
from thidua.core.workflow import WorkflowModel
from thidua.organization.models import Person, Unit
from thidua.plans.models import Plan
from thidua.reports.deadlines import deadline_of, local_today
from thidua.reports.enums import (
    AWAITING,
    Channel,
    Delivery,
    PeriodKind,
    ReminderKind,
)

User = settings.AUTH_USER_MODEL


class PeriodQuerySet(models.QuerySet):
    def visible_to(self, user) -> "PeriodQuerySet":
        """Periods are the office's schedule and are read by everyone signed in; what a
        unit wrote is filtered on the unit reports."""
        return self


class ReportingPeriod(models.Model):
    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="reporting_periods", verbose_name=_("kế hoạch")
    )
    kind = models.CharField(_("loại kỳ báo cáo"), max_length=16, choices=PeriodKind.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên kỳ báo cáo"), max_length=255)
    due_date = models.DateField(_("hạn nộp của các đơn vị"))
    office_due_date = models.DateField(_("hạn Văn phòng Sở gửi báo cáo tổng hợp"), null=True, blank=True)
    required_sections = models.JSONField(_("phần bắt buộc"), default=list, blank=True)
    created_by = acting_user()
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now)

    objects = PeriodQuerySet.as_manager()

    class Meta(named(_("kỳ báo cáo"))):
        ordering = ["-due_date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "kind", "year"],
                condition=~models.Q(kind=PeriodKind.AD_HOC),
                name="reporting_period_one_per_kind_and_year",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def deadline(self) -> datetime.datetime:
        return deadline_of(self.due_date)


class UnitReportQuerySet(models.QuerySet):
    def visible_to(self, user) -> "UnitReportQuerySet":
        from thidua.organization import rules

        return self.filter(rules.in_scope(rules.unit_scope(user), "unit_id"))

    def awaiting(self) -> "UnitReportQuerySet":
        return self.filter(state__in=AWAITING)

    def overdue(self, on: datetime.date | None = None) -> "UnitReportQuerySet":
        """Not in the office's hands although the due date has passed."""
        return self.awaiting().filter(period__due_date__lt=on or local_today())

    def for_board(self) -> "UnitReportQuerySet":
        return self.select_related("period", "unit", "owner").order_by("period__due_date", "unit__order", "unit__name")


class UnitReport(WorkflowModel):
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.CASCADE, related_name="unit_reports", verbose_name=_("kỳ báo cáo")
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="unit_reports", verbose_name=_("đơn vị"))
    owner = optional_link(Person, _("người phụ trách"), on_delete=models.SET_NULL, related_name="owned_reports")
    # The glossary's full list, as every workflow model declares it (one state enum in
    # the API schema); TRANSITIONS keeps a unit report within REPORT_STATES.
    state = models.CharField(_("trạng thái"), max_length=20, choices=State.choices, default=State.DRAFT)
    content = models.JSONField(_("nội dung"), default=dict, blank=True)
    submitted_at = models.DateTimeField(_("gửi lần đầu lúc"), null=True, blank=True)
    last_submitted_at = models.DateTimeField(_("gửi gần nhất lúc"), null=True, blank=True)
    is_late = models.BooleanField(_("nộp muộn"), default=False)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    accepted_at = models.DateTimeField(_("tiếp nhận lúc"), null=True, blank=True)
    accepted_by = acting_user(_("người tiếp nhận"))
    updated_at = models.DateTimeField(_("sửa lần cuối"), default=timezone.now)

    objects = UnitReportQuerySet.as_manager()

    class Meta(named(_("báo cáo của đơn vị"))):
        ordering = ["period", "unit__order", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["period", "unit"], name="unit_report_one_per_unit")]

    def __str__(self) -> str:
        return f"{self.period.title} — {self.unit.name}"

    def is_overdue(self, on: datetime.date | None = None) -> bool:
        return self.state in AWAITING and (on or local_today()) > self.period.due_date

    def days_left(self, on: datetime.date | None = None) -> int:
        return (self.period.due_date - (on or local_today())).days


class Submission(models.Model):
    """What the unit sent, frozen at the moment it pressed "Gửi báo cáo". The accepted
    content is the last submission."""

    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="submissions")
    number = models.PositiveSmallIntegerField(_("lần gửi"))
    submitted_at = models.DateTimeField(_("gửi lúc"))
    submitted_by = acting_user(_("người gửi"))
    is_late = models.BooleanField(_("nộp muộn"), default=False)
    content = models.JSONField(_("nội dung đã gửi"), default=dict)

    class Meta(named(_("lần gửi báo cáo"))):
        ordering = ["report", "number"]
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="submission_number_unique")]

    def __str__(self) -> str:
        return f"{self.report} #{self.number}"


class Reminder(models.Model):
    """One reminder to one account about one report. The row is written before the
    e-mail goes out and is unique per (report, kind, recipient, date): a second sweep, or
    a sweep restarted midway, finds it and sends nothing again."""

    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("loại nhắc"), max_length=16, choices=ReminderKind.choices)
    # The due date reminded of; for a manual reminder, the day it was sent (one a day).
    for_date = models.DateField(_("ngày"))
    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+", verbose_name=_("người nhận"))
    delivery = models.CharField(_("thư điện tử"), max_length=16, choices=Delivery.choices, default=Delivery.SENDING)
    error = models.TextField(_("lỗi gửi thư"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("số lần gửi thư"), default=0)
    sent_by = acting_user(_("người nhắc"))
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now)
    sent_at = models.DateTimeField(_("gửi thư lúc"), null=True, blank=True)

    class Meta(named(_("lời nhắc"))):
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "kind", "recipient", "for_date"], name="reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.report_id} — {self.recipient_id}"


class ConsolidatedReport(models.Model):
    """The department's report for a period, built from the accepted unit reports and
    the recorded data (`figures`), with narrative parts the office edits."""

    period = models.OneToOneField(ReportingPeriod, on_delete=models.CASCADE, related_name="consolidated")
    summary = models.CharField(_("trích yếu"), max_length=500)
    addressees = models.TextField(_("kính gửi (mỗi dòng một nơi)"))
    recipients = models.TextField(_("nơi nhận khác (mỗi dòng một nơi, sau «Như trên»)"))
    overview = models.TextField(_("I. Tình hình triển khai"), blank=True)
    results_text = models.TextField(_("II. Kết quả đạt được"), blank=True)
    limitations = models.TextField(_("III. Tồn tại, hạn chế và nguyên nhân"), blank=True)
    tasks_ahead = models.TextField(_("IV. Phương hướng, nhiệm vụ thời gian tới"), blank=True)
    proposals = models.TextField(_("V. Đề xuất, kiến nghị"), blank=True)
    figures = models.JSONField(_("số liệu tổng hợp"), default=dict, blank=True)
    generated_at = models.DateTimeField(_("tổng hợp lúc"), null=True, blank=True)
    number_symbol = models.CharField(_("số, ký hiệu"), max_length=64, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issued_by = acting_user(_("người cấp số"))

    class Meta(named(_("báo cáo tổng hợp"))):
        pass

    def __str__(self) -> str:
        return f"{self.period.title} — {self.number_symbol or _('chưa cấp số')}"

    @property
    def is_issued(self) -> bool:
        return bool(self.number_symbol)


class Dispatch(models.Model):
    """The issued report reached one recipient, on a day, by a channel, under its number."""

    report = models.ForeignKey(ConsolidatedReport, on_delete=models.CASCADE, related_name="dispatches")
    recipient = models.CharField(_("nơi nhận"), max_length=255)
    channel = models.CharField(_("hình thức gửi"), max_length=16, choices=Channel.choices)
    sent_on = models.DateField(_("ngày gửi"))
    number_symbol = models.CharField(_("số, ký hiệu"), max_length=64)
    reference = models.CharField(_("số hiệu gửi (nếu có)"), max_length=128, blank=True)
    recorded_by = acting_user()
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta(named(_("lần gửi văn bản"))):
        ordering = ["sent_on", "id"]

    def __str__(self) -> str:
        return f"{self.number_symbol} → {self.recipient}"

    def days_late(self) -> int:
        """Days after the office's deadline (0 when sent on time or no deadline)."""
        due = self.report.period.office_due_date
        return max(0, (self.sent_on - due).days) if due else 0
