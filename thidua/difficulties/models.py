"""Difficulties (khó khăn, vướng mắc) a unit raises for the director to decide through
the department office, as the plan asks ("các phòng, đơn vị tổng hợp, báo cáo Giám đốc
Sở xem xét, quyết định (qua Văn phòng Sở tổng hợp)")."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.codes import State
from thidua.core.fields import acted, acting_user, optional_link
from thidua.core.naming import named
from thidua.core.workflow import WorkflowModel
from thidua.difficulties.enums import OFFICE_TURN
from thidua.organization.models import Unit
from thidua.plans.models import ContentArea, Plan


class DifficultyQuerySet(models.QuerySet):
    def visible_to(self, user) -> "DifficultyQuerySet":
        """The units in the account's scope; a draft stays with its own unit until sent."""
        from thidua.difficulties.rules import raising_unit_ids
        from thidua.organization import rules

        scope = rules.unit_scope(user)
        if scope is rules.EVERYTHING:
            return self
        in_scope = self.filter(rules.in_scope(scope, "unit_id"))
        return in_scope.filter(~Q(state=State.DRAFT) | Q(unit_id__in=raising_unit_ids(user)))

    def open(self) -> "DifficultyQuerySet":
        return self.exclude(state=State.DRAFT).filter(closed_on__isnull=True)

    def closed(self) -> "DifficultyQuerySet":
        return self.filter(closed_on__isnull=False)

    def awaiting_office(self) -> "DifficultyQuerySet":
        """The office's turn: to take in, to recommend, or to close a carried-out decision."""
        return self.filter(Q(state__in=OFFICE_TURN) | Q(state=State.DECIDED, closed_on__isnull=True))

    def awaiting_decision(self) -> "DifficultyQuerySet":
        return self.filter(state=State.UNDER_REVIEW)


class Difficulty(WorkflowModel):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="difficulties", verbose_name=_("kế hoạch"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="difficulties", verbose_name=_("đơn vị"))
    content_area = optional_link(
        ContentArea, _("nội dung thi đua liên quan"), on_delete=models.SET_NULL, related_name="difficulties"
    )
    title = models.CharField(_("tiêu đề"), max_length=255)
    description = models.TextField(_("mô tả khó khăn, vướng mắc"))
    proposal = models.TextField(_("đề xuất, kiến nghị của đơn vị"))
    # Where the unit raised it. `unit_report_id` is the id of a unit report of
    # `thidua.reports` when raised inside one: a plain integer, not a foreign key, so this
    # app does not depend on the reports app; the label says it in words for the pages.
    source_label = models.CharField(
        _("nêu trong"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Báo cáo 6 tháng đầu năm 2026. Để trống nếu nêu riêng."),
    )
    unit_report_id = models.PositiveIntegerField(_("mã báo cáo của đơn vị"), null=True, blank=True)
    state = models.CharField(_("trạng thái"), max_length=20, choices=State.choices, default=State.DRAFT)
    raised_by, created_at = acted(_("người nêu"), _("ngày tạo"))
    submitted_at = models.DateTimeField(_("ngày gửi Văn phòng"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("ngày Văn phòng tiếp nhận"), null=True, blank=True)
    office_summary = models.TextField(_("tổng hợp của Văn phòng"), blank=True)
    office_recommendation = models.TextField(_("đề xuất của Văn phòng"), blank=True)
    reviewed_by = acting_user(_("người tổng hợp"))
    reviewed_at = models.DateTimeField(_("ngày trình Giám đốc"), null=True, blank=True)
    decision = models.TextField(_("ý kiến quyết định của Giám đốc"), blank=True)
    decided_by = acting_user(_("người quyết định"))
    # The name as it stood on the day of the decision, for the record.
    decided_by_name = models.CharField(_("họ tên người quyết định"), max_length=200, blank=True)
    decided_on = models.DateField(_("ngày quyết định"), null=True, blank=True)
    closed_on = models.DateField(_("ngày đóng"), null=True, blank=True)
    closed_by = acting_user(_("người đóng"))
    closing_note = models.TextField(_("kết quả thực hiện quyết định"), blank=True)

    objects = DifficultyQuerySet.as_manager()

    class Meta(named(_("khó khăn, vướng mắc"))):
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(state=State.DECIDED), name="difficulty_closed_only_when_decided"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit.short_name or self.unit.name}: {self.title}"

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None

    def days_open(self, today: datetime.date | None = None) -> int | None:
        """Days since it reached the office, up to its closing day or `today`."""
        if self.submitted_at is None:
            return None
        end = self.closed_on or today or timezone.localdate()
        return (end - timezone.localdate(self.submitted_at)).days

    @property
    def next_step(self) -> str:
        """Whose turn it is, in words, so an item never looks finished before it is."""
        steps = {
            State.DRAFT: _("Đơn vị gửi Văn phòng Sở"),
            State.SUBMITTED: _("Văn phòng Sở tiếp nhận"),
            State.ACCEPTED: _("Văn phòng Sở tổng hợp, trình Giám đốc"),
            State.UNDER_REVIEW: _("Giám đốc Sở quyết định"),
            State.DECIDED: _("Văn phòng Sở theo dõi thực hiện, đóng"),
        }
        return _("Đã đóng") if self.is_closed else steps.get(self.state, "")
