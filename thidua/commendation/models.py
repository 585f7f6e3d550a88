"""The catalogue of titles and forms, the eligibility rules as data, and each person's and
unit's record: yearly quality ratings, awards received, discipline and pending holds.

Catalogue rows and rules are versioned by effective date: a change adds a row with a new
`effective_from`; older rows keep their dates, and the row in force on a day is the one
with the latest `effective_from` not after that day (and not ended before it)."""

import datetime
from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.commendation.enums import (
    AwardCategory,
    AwardSubject,
    Confidence,
    DisciplineForm,
    PendingKind,
    Route,
)
from thidua.core.choices import ChoiceLabels
from thidua.core.codes import CommendationForm, CommendationKind, EmulationTitle, QualityRating
from thidua.core.fields import one_subject
from thidua.core.naming import named
from thidua.organization.models import Person, PersonOrUnit

AWARD_CODES = [*EmulationTitle.choices, *CommendationForm.choices]


class VersionedQuerySet(models.QuerySet):
    def in_force(self, on: datetime.date) -> list:
        """The one row per code in force on `on` (one query; the tables are small)."""
        rows = self.filter(effective_from__lte=on).filter(Q(effective_to__isnull=True) | Q(effective_to__gte=on))
        chosen: dict[str, models.Model] = {}
        for row in rows.order_by("code", "effective_from"):
            chosen[row.code] = row  # a later effective_from replaces an earlier one
        return sorted(chosen.values(), key=lambda r: (r.order, r.code))


class Versioned(models.Model):
    """A catalogue row or a rule in one version: in force from `effective_from` until
    `effective_to` (open when empty), listed by `order` then code, newest first."""

    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    effective_from = models.DateField(_("hiệu lực từ ngày"))
    effective_to = models.DateField(_("hiệu lực đến ngày"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    objects = VersionedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "code", "-effective_from"]


class AwardType(ChoiceLabels, Versioned):
    """One version of a title or a form of commendation."""

    code = models.CharField(_("mã"), max_length=20, choices=AWARD_CODES)
    category = models.CharField(_("loại"), max_length=10, choices=AwardCategory.choices)
    name = models.CharField(_("tên"), max_length=200)
    subject = models.CharField(_("đối tượng"), max_length=12, choices=AwardSubject.choices)
    route = models.CharField(_("thẩm quyền"), max_length=20, choices=Route.choices)
    cash_multiple = models.DecimalField(
        _("hệ số tiền thưởng"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Số lần mức lương cơ sở. Để trống nếu chưa có căn cứ."),
    )
    collective_cash_multiple = models.DecimalField(
        _("hệ số tiền thưởng của tập thể"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Chỉ với hình thức tặng cả cá nhân và tập thể, khi mức của tập thể khác mức của cá nhân."),
    )
    cash_basis = models.CharField(
        _("căn cứ của hệ số tiền thưởng"),
        max_length=300,
        blank=True,
        help_text=_("Điều, khoản và văn bản quy định hệ số, vd: Điều 54 Nghị định số 98/2023/NĐ-CP."),
    )
    no_cash = models.BooleanField(
        _("không kèm tiền thưởng"),
        default=False,
        help_text=_("Đánh dấu khi danh hiệu, hình thức này được tặng không kèm tiền thưởng; ghi rõ lý do."),
    )
    no_cash_reason = models.CharField(_("lý do không kèm tiền thưởng"), max_length=300, blank=True)
    yearly_cap = models.PositiveIntegerField(
        _("giới hạn số lượng mỗi năm"),
        null=True,
        blank=True,
        help_text=_("Chỉ để cảnh báo khi vượt; để trống là không giới hạn."),
    )
    article = models.CharField(_("căn cứ"), max_length=300, blank=True)

    class Meta(Versioned.Meta, named(_("danh hiệu / hình thức khen thưởng"))):
        constraints = [
            models.UniqueConstraint(fields=["code", "effective_from"], name="award_type_version_unique"),
            models.CheckConstraint(
                condition=Q(category=AwardCategory.TITLE, code__in=EmulationTitle.values)
                | Q(category=AwardCategory.FORM, code__in=CommendationForm.values),
                name="award_type_title_or_form",
            ),
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True) | Q(effective_to__gte=models.F("effective_from")),
                name="award_type_dates_in_order",
            ),
            models.CheckConstraint(
                condition=Q(no_cash=False) | Q(cash_multiple__isnull=True, collective_cash_multiple__isnull=True),
                name="award_type_no_cash_has_no_multiple",
            ),
        ]

    def __str__(self) -> str:
        return self.name  # the office's words: the name, never the code

    @property
    def is_title(self) -> bool:
        return self.category == AwardCategory.TITLE

    def multiple_for(self, *, collective: bool) -> Decimal | None:
        """The multiple of the base salary for a person or a unit; None when unknown.
        A form given to both uses the collective multiple for a unit when one is set."""
        if collective and self.subject == AwardSubject.BOTH and self.collective_cash_multiple is not None:
            return self.collective_cash_multiple
        return self.cash_multiple

    @property
    def cash_settled(self) -> bool:
        """The office has said what money goes with it: a multiple with its basis, or
        none with the reason."""
        if self.no_cash:
            return bool(self.no_cash_reason.strip())
        return self.cash_multiple is not None and bool(self.cash_basis.strip())


class EligibilityRule(Versioned):
    """One rule of `docs/law.md` (R1…R19, and R20–R21 for the two flags), with
    its citation, its confidence label and the figures the office may change."""

    code = models.CharField(_("mã quy tắc"), max_length=8)
    name = models.CharField(_("tên"), max_length=200)
    awards = models.JSONField(
        _("áp dụng cho"), default=list, blank=True, help_text=_("Mã các danh hiệu, hình thức mà quy tắc quyết định.")
    )
    article = models.CharField(_("căn cứ"), max_length=300)
    confidence = models.CharField(_("mức tin cậy"), max_length=12, choices=Confidence.choices)
    office_confirmed = models.BooleanField(
        _("Văn phòng đã đối chiếu văn bản"),
        default=False,
        help_text=_(
            "Với quy định chưa tìm thấy, chưa kiểm chứng hoặc quy định cũ: đánh dấu khi đã đối chiếu "
            "văn bản hiện hành, để kết quả có thể là «đủ điều kiện»."
        ),
    )
    parameters = models.JSONField(_("tham số"), default=dict, blank=True)

    class Meta(Versioned.Meta, named(_("quy tắc xét điều kiện"))):
        constraints = [
            models.UniqueConstraint(fields=["code", "effective_from"], name="eligibility_rule_version_unique"),
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True) | Q(effective_to__gte=models.F("effective_from")),
                name="eligibility_rule_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"


# --- Records of people and units --------------------------------------------------------


class SubjectQuerySet(models.QuerySet):
    has_unit = True

    def visible_to(self, user) -> "SubjectQuerySet":
        """Office, director and council: their agency; a unit head: the unit; staff:
        themselves only."""
        from thidua.commendation import rules

        units = rules.record_units(user)
        if units is rules.EVERYTHING:
            return self
        own = rules.person_of(user)
        visible = Q(person__unit_id__in=units) | Q(person_id=own.pk if own else None)
        if self.has_unit:
            visible |= Q(unit_id__in=units)
        return self.filter(visible)

    def for_subject(self, subject) -> "SubjectQuerySet":
        return self.filter(person=subject) if isinstance(subject, Person) else self.filter(unit=subject)


class SubjectRecord(ChoiceLabels, PersonOrUnit):
    """A record about either a person or a unit (exactly one)."""

    objects = SubjectQuerySet.as_manager()

    class Meta:
        abstract = True


class YearlyRating(SubjectRecord):
    """Xếp loại chất lượng of one person or unit for one year."""

    year = models.PositiveSmallIntegerField(_("năm"))
    rating = models.CharField(_("xếp loại"), max_length=8, choices=QualityRating.choices)
    participates_in_movement = models.BooleanField(
        _("tích cực tham gia phong trào thi đua"), null=True, blank=True, help_text=_("Để trống nếu chưa xác nhận.")
    )
    internal_unity = models.BooleanField(
        _("nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách, pháp luật"),
        null=True,
        blank=True,
        help_text=_("Chỉ với tập thể. Để trống nếu chưa xác nhận."),
    )
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta(named(_("xếp loại hằng năm"))):
        ordering = ["-year"]
        constraints = [
            one_subject("rating"),
            models.UniqueConstraint(
                fields=["person", "year"], condition=Q(person__isnull=False), name="rating_person_year_unique"
            ),
            models.UniqueConstraint(
                fields=["unit", "year"], condition=Q(unit__isnull=False), name="rating_unit_year_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} — {self.year}: {self.rating}"


class AwardRecordQuerySet(SubjectQuerySet):
    def in_force(self) -> "AwardRecordQuerySet":
        """The awards not revoked: the only ones that count (eligibility, caps, the public page)."""
        return self.filter(revoked_date__isnull=True)


class AwardRecord(SubjectRecord):
    """A title or form received, including those given before the system existed.
    `year` is the year of the achievement it rewards (the last year of a multi-year
    achievement). `achievement_key` names the achievement: one achievement is rewarded
    once (R10), which the unique constraint enforces."""

    award_type = models.ForeignKey(
        AwardType, on_delete=models.PROTECT, related_name="records", verbose_name=_("danh hiệu / hình thức")
    )
    year = models.PositiveSmallIntegerField(_("năm thành tích"))
    kind = models.CharField(
        _("loại hình khen thưởng"), max_length=12, choices=CommendationKind.choices, default=CommendationKind.CONG_TRANG
    )
    decision_number = models.CharField(_("số quyết định"), max_length=50, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    issuer = models.CharField(_("cấp quyết định"), max_length=200, blank=True)
    before_system = models.BooleanField(_("khen thưởng trước khi có hệ thống"), default=False)
    achievement_key = models.CharField(_("mã thành tích"), max_length=100)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    # The person's name as awarded, kept in the register: a register of awards has legal
    # retention value, so anonymising a person who has left leaves this name in place.
    recipient_name = models.CharField(_("họ và tên người được khen thưởng"), max_length=200, blank=True)
    # A revoked award stays in the register, struck, with the decision that revoked it
    # (Law Art. 93): history is never rewritten, but it counts for nothing any more.
    revoked_number = models.CharField(_("số quyết định hủy bỏ"), max_length=50, blank=True)
    revoked_date = models.DateField(_("ngày quyết định hủy bỏ"), null=True, blank=True)

    objects = AwardRecordQuerySet.as_manager()

    class Meta(named(_("khen thưởng đã nhận"))):
        ordering = ["-year", "award_type__order"]
        indexes = [models.Index(fields=["-year", "-decision_date", "-id"], name="award_register_order")]
        constraints = [
            one_subject("award"),
            models.UniqueConstraint(
                fields=["person", "achievement_key"],
                condition=Q(person__isnull=False),
                name="award_person_achievement_unique",
            ),
            models.UniqueConstraint(
                fields=["unit", "achievement_key"],
                condition=Q(unit__isnull=False),
                name="award_unit_achievement_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient} — {self.award_type.name} {self.year}"

    @property
    def recipient(self) -> str:
        """Who received it as the register names them: the name as awarded, else the
        subject's current name (a unit, or a row stored before names were kept)."""
        return self.recipient_name or str(self.subject)

    @property
    def is_revoked(self) -> bool:
        return self.revoked_date is not None

    def decision_text(self) -> str:
        parts = [self.decision_number or "—"]
        if self.decision_date:
            parts.append(self.decision_date.strftime("%d/%m/%Y"))
        return ", ".join(parts)


class PersonRecordQuerySet(SubjectQuerySet):
    has_unit = False


class DisciplineRecord(models.Model):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("cá nhân"))
    form = models.CharField(_("hình thức kỷ luật"), max_length=16, choices=DisciplineForm.choices)
    date = models.DateField(_("ngày quyết định"))
    text = models.TextField(_("nội dung"))
    decision_number = models.CharField(_("số quyết định"), max_length=50, blank=True)

    objects = PersonRecordQuerySet.as_manager()

    class Meta(named(_("kỷ luật"))):
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_form_display()} {self.date:%d/%m/%Y}"


class PendingFlagQuerySet(SubjectQuerySet):
    def active_on(self, day: datetime.date) -> "PendingFlagQuerySet":
        return self.filter(from_date__lte=day).filter(Q(to_date__isnull=True) | Q(to_date__gte=day))


class PendingFlag(SubjectRecord):
    """A hold on commendation while it lasts (R12)."""

    kind = models.CharField(_("loại"), max_length=16, choices=PendingKind.choices)
    from_date = models.DateField(_("từ ngày"))
    to_date = models.DateField(_("đến ngày"), null=True, blank=True, help_text=_("Để trống nếu chưa kết thúc."))
    note = models.TextField(_("ghi chú"), blank=True)

    objects = PendingFlagQuerySet.as_manager()

    class Meta(named(_("đang bị xem xét"))):
        ordering = ["-from_date"]
        constraints = [
            one_subject("pending"),
            models.CheckConstraint(
                condition=Q(to_date__isnull=True) | Q(to_date__gte=models.F("from_date")), name="pending_dates_in_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} — {self.get_kind_display()}"

    def is_active(self, day: datetime.date) -> bool:
        return self.from_date <= day and (self.to_date is None or self.to_date >= day)
