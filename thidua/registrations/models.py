"""Yearly registration of emulation goals (đăng ký thi đua): the window the office
opens for a year of the plan, each unit's registration with its commitments under the
plan's content areas, and each person's registration inside their unit's."""

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.core.choices import ChoiceLabels
from thidua.core.codes import COLLECTIVE_TITLES, INDIVIDUAL_TITLES, State, title_choices
from thidua.core.fields import acting_user
from thidua.core.naming import named
from thidua.core.workflow import WorkflowModel
from thidua.organization.models import Person, Unit
from thidua.plans.models import ContentArea, Plan
from thidua.registrations.enums import EDITABLE


def dmy(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


class RegistrationWindow(models.Model):
    """When units may submit their registration for one year of a plan."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="registration_windows", verbose_name=_("kế hoạch")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    opens_on = models.DateField(_("ngày bắt đầu nhận đăng ký"))
    closes_on = models.DateField(_("ngày kết thúc nhận đăng ký"))

    class Meta(named(_("đợt đăng ký thi đua"))):
        ordering = ["plan", "year"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "year"], name="registration_window_one_per_year"),
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")), name="registration_window_ordered"
            ),
        ]

    def __str__(self) -> str:
        return gettext("Đợt đăng ký năm %(year)s: từ %(start)s đến %(end)s") % {
            "year": self.year,
            "start": dmy(self.opens_on),
            "end": dmy(self.closes_on),
        }

    def is_open(self, on: datetime.date) -> bool:
        return self.opens_on <= on <= self.closes_on

    def clean(self):
        errors = {}
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            errors["closes_on"] = gettext(
                "Ngày kết thúc (%(end)s) đứng trước ngày bắt đầu (%(start)s). Hãy chọn ngày kết thúc "
                "từ %(start)s trở đi."
            ) % {"end": dmy(self.closes_on), "start": dmy(self.opens_on)}
        if self.plan_id:
            errors |= self._outside_plan()
        if errors:
            raise ValidationError(errors)

    def _outside_plan(self) -> dict:
        first, last = self.plan.start_year, self.plan.end_year
        message = gettext("Đợt đăng ký phải nằm trong thời gian của kế hoạch (%(first)s–%(last)s).") % {
            "first": first,
            "last": last,
        }
        fields = {"opens_on": self.opens_on, "closes_on": self.closes_on}
        errors = {name: message for name, day in fields.items() if day and not first <= day.year <= last}
        if self.year and not first <= self.year <= last:
            errors[NON_FIELD_ERRORS] = message
        return errors


class UnitRegistrationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "UnitRegistrationQuerySet":
        """Registrations of the units the account may see (another unit's: as if absent)."""
        from thidua.organization import rules

        return self.filter(rules.in_scope(rules.unit_scope(user), "unit_id"))

    def for_year(self, plan: Plan, year: int) -> "UnitRegistrationQuerySet":
        return self.filter(plan=plan, year=year)


class UnitRegistration(WorkflowModel):
    """A unit's registration for one year: the collective title it aims for and one
    commitment per content area; its people's registrations travel with it."""

    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="unit_registrations", verbose_name=_("kế hoạch")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("đơn vị"))
    title = models.CharField(
        _("danh hiệu đăng ký"), max_length=16, blank=True, choices=title_choices(COLLECTIVE_TITLES)
    )
    state = models.CharField(_("trạng thái"), max_length=20, choices=State.choices, default=State.DRAFT)
    submitted_at = models.DateTimeField(_("ngày gửi"), null=True, blank=True)
    submitted_by = acting_user(_("người gửi"))
    is_late = models.BooleanField(_("nộp muộn"), default=False)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    reviewed_at = models.DateTimeField(_("ngày xử lý"), null=True, blank=True)
    reviewed_by = acting_user(_("người xử lý"))

    objects = UnitRegistrationQuerySet.as_manager()

    class Meta(named(_("đăng ký thi đua của đơn vị"))):
        ordering = ["year", "unit__order", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["plan", "year", "unit"], name="unit_registration_one_per_year")]

    def __str__(self) -> str:
        return gettext("Đăng ký thi đua năm %(year)s — %(unit)s") % {"year": self.year, "unit": self.unit}

    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE


class UnitCommitment(models.Model):
    """What the unit commits to under one content area of the plan."""

    registration = models.ForeignKey(UnitRegistration, on_delete=models.CASCADE, related_name="commitments")
    content_area = models.ForeignKey(
        ContentArea, on_delete=models.PROTECT, related_name="+", verbose_name=_("nội dung thi đua")
    )
    text = models.TextField(_("cam kết"), blank=True)

    class Meta(named(_("cam kết của đơn vị"))):
        ordering = ["content_area__order", "content_area_id"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "content_area"], name="unit_commitment_one_per_area")
        ]

    def __str__(self) -> str:
        return gettext("Cam kết nội dung %(number)s — %(unit)s") % {
            "number": self.content_area.number,
            "unit": self.registration.unit,
        }


class PersonRegistrationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "PersonRegistrationQuerySet":
        """A person's own row, and the rows of units whose people the account manages or
        oversees; staff do not read their colleagues' rows."""
        from thidua.organization import rules as org_rules
        from thidua.registrations import rules

        scope = rules.people_scope(user)
        if scope is org_rules.EVERYTHING:
            return self
        own = org_rules.person_of(user)
        return self.filter(models.Q(registration__unit_id__in=scope) | models.Q(person_id=own.pk if own else None))


class PersonRegistration(ChoiceLabels):
    """A person's individual title aimed for and personal commitments. It has no state
    of its own: it is editable while the unit's registration is, and is submitted with it."""

    registration = models.ForeignKey(
        UnitRegistration, on_delete=models.CASCADE, related_name="people", verbose_name=_("đăng ký của đơn vị")
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("cán bộ"))
    title = models.CharField(_("danh hiệu đăng ký"), max_length=16, choices=title_choices(INDIVIDUAL_TITLES))
    commitments = models.TextField(_("cam kết cá nhân"))

    objects = PersonRegistrationQuerySet.as_manager()

    class Meta(named(_("đăng ký thi đua của cá nhân"))):
        ordering = ["person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "person"], name="person_registration_one_per_unit_year")
        ]

    def __str__(self) -> str:
        return gettext("Đăng ký thi đua năm %(year)s — %(person)s") % {
            "year": self.registration.year,
            "person": self.person,
        }
