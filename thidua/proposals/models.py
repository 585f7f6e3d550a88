"""Reward proposals (đề nghị khen thưởng) with their dossier files, the decisions that
settle them, and the two settings of the office that the decisions use: the base salary
(mức lương cơ sở) by effective date and the Giấy khen certificate template.

Awards themselves are recorded in `thidua.commendation.models.AwardRecord`, the
register: deciding a proposal creates its AwardRecord row."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.commendation.enums import AwardCategory, Verdict
from thidua.commendation.models import AWARD_CODES, AwardRecord
from thidua.core.codes import CommendationKind, State
from thidua.core.db_functions import Fold
from thidua.core.fields import acting_user, one_subject, optional_link
from thidua.core.naming import named
from thidua.core.text import fold
from thidua.core.workflow import WorkflowModel
from thidua.organization.models import Person, Unit
from thidua.proposals.enums import CLOSED, COUNCIL_STATES


class ProposalQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ProposalQuerySet":
        """A unit head: every proposal about the units they head; the office and the
        director: their agency's once sent (and the office's own drafts); council
        members: those before the council and after; a member seated at a meeting:
        that meeting's agenda; everyone: what they created."""
        from thidua.organization.rules import in_scope
        from thidua.proposals import rules

        if rules.sees_everything(user):
            return self
        visible = Q(created_by_id=user.pk) | Q(subject_unit_id__in=rules.headed_units(user))
        agency = rules.agency_units(user)
        in_agency = in_scope(agency, "subject_unit_id")
        if rules.is_office(user):
            visible |= in_agency & (~Q(state=State.DRAFT) | Q(by_office=True))
        elif rules.is_director(user):
            visible |= in_agency & ~Q(state=State.DRAFT)
        if rules.is_council(user):
            visible |= in_agency & Q(state__in=COUNCIL_STATES)
        # Through the council's relation to proposals: the council depends on proposals,
        # never the reverse.
        seated = self.model.objects.filter(council_items__meeting__members__user_id=user.pk).values("pk")
        return self.filter(visible | Q(pk__in=seated))

    def for_lists(self) -> "ProposalQuerySet":
        """Newest first, in the order of the index `proposal_newest`: a page of a
        province's two hundred thousand proposals is read from the index, not sorted."""
        return self.select_related(
            "person__unit", "unit", "subject_unit", "decision__salary", "decision__payment_rule"
        ).order_by("-year", "-id")

    def to_pick(self, user, state: str) -> "ProposalQuerySet":
        """The proposals a form offers to tick (onto a meeting, into a decision): those
        the user sees in `state`, grouped by year, category and award."""
        return self.visible_to(user).filter(state=state).for_lists().order_by("year", "category", "award_code", "id")

    def open(self) -> "ProposalQuerySet":
        return self.exclude(state__in=CLOSED)

    def search(self, text: str) -> "ProposalQuerySet":
        """Diacritic-insensitive over the person's or the unit's name."""
        words = fold(text).split()
        if not words:
            return self
        qs = self.annotate(_person=Fold("person__full_name"), _unit=Fold("unit__name"))
        for word in words:
            qs = qs.filter(Q(_person__contains=word) | Q(_unit__contains=word))
        return qs


class ProposalRoundQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ProposalRoundQuerySet":
        """Rounds of the units the account may see (another unit's: as if absent)."""
        from thidua.organization import rules

        return self.filter(rules.in_scope(rules.unit_scope(user), "unit_id"))


class ProposalRound(models.Model):
    """One round of proposals of a unit (đợt đề nghị): many people and collectives, each
    with its own proposal, sharing one Tờ trình and one Biên bản bình xét attached once
    (`RoundFile`); the office and the council still decide each proposal on its own."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="proposal_rounds", verbose_name=_("đơn vị"))
    year = models.PositiveSmallIntegerField(_("năm thành tích"))
    title = models.CharField(_("tên đợt đề nghị"), max_length=200)
    created_by = acting_user(_("người lập"))
    created_at = models.DateTimeField(_("thời điểm lập"), auto_now_add=True)

    objects = ProposalRoundQuerySet.as_manager()

    class Meta(named(_("đợt đề nghị khen thưởng"))):
        ordering = ["-year", "-id"]

    def __str__(self) -> str:
        return self.title


class Proposal(WorkflowModel):
    """A proposal to give one title or form of commendation to one person or unit for
    one year's achievement (or a sudden one)."""

    person = optional_link(Person, _("cá nhân"), on_delete=models.PROTECT, related_name="proposals")
    unit = optional_link(Unit, _("tập thể"), on_delete=models.PROTECT, related_name="proposals")
    # The unit the subject belongs to (the person's unit, or the unit itself): access
    # and conflicts of interest are decided on it.
    subject_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị"))
    award_code = models.CharField(_("danh hiệu / hình thức"), max_length=20, choices=AWARD_CODES)
    category = models.CharField(_("loại"), max_length=10, choices=AwardCategory.choices)
    year = models.PositiveSmallIntegerField(_("năm thành tích"))
    # All kinds of the glossary as choices (one shared code list in the API); the
    # services accept only the kinds a proposal here may be of (enums.PROPOSAL_KINDS).
    kind = models.CharField(
        _("loại hình khen thưởng"), max_length=12, choices=CommendationKind.choices, default=CommendationKind.CONG_TRANG
    )
    achievement_key = models.CharField(_("mã thành tích"), max_length=100)
    simplified_case = models.CharField(_("thủ tục đơn giản (Điều 85)"), max_length=40, blank=True)
    report_text = models.TextField(_("báo cáo thành tích"), blank=True)
    round = optional_link(ProposalRound, _("đợt đề nghị"), on_delete=models.PROTECT, related_name="proposals")
    verdict = models.CharField(_("kết quả xét điều kiện"), max_length=16, choices=Verdict.choices, blank=True)
    verdict_reasons = models.JSONField(_("các điều kiện"), default=list, blank=True)
    verdict_at = models.DateTimeField(_("thời điểm xét"), null=True, blank=True)
    override_reason = models.TextField(_("lý do đề nghị dù không đủ điều kiện"), blank=True)
    override_by = acting_user(_("người ghi lý do"))
    state = models.CharField(_("trạng thái"), max_length=20, choices=State.choices, default=State.DRAFT)
    by_office = models.BooleanField(_("do Văn phòng Sở lập"), default=False)
    submitted_at = models.DateTimeField(_("ngày gửi"), null=True, blank=True)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    rejection_reason = models.TextField(_("lý do không phê duyệt"), blank=True)
    forwarded_to = models.CharField(_("trình tới"), max_length=200, blank=True)
    forwarded_on = models.DateField(_("ngày trình"), null=True, blank=True)
    forward_note = models.CharField(_("tờ trình"), max_length=300, blank=True)
    decision = optional_link("Decision", _("quyết định"), on_delete=models.PROTECT, related_name="proposals")
    # The decision that revoked this award (Law Art. 93); `decision` stays the one that gave it.
    revoked_by = optional_link(
        "Decision", _("quyết định hủy bỏ"), on_delete=models.PROTECT, related_name="revoked_proposals"
    )
    award_record = optional_link(
        AwardRecord,
        _("khen thưởng đã ghi sổ"),
        on_delete=models.PROTECT,
        field=models.OneToOneField,
        related_name="proposal",
    )
    # The money of a decided proposal, fixed when the decision was issued (R16,
    # `money.py`): the multiple and its basis (or, with no multiple, why none goes with
    # it), the award's own amount and what is paid (less when one achievement received
    # a higher amount in the same decision).
    cash_multiple = models.DecimalField(_("hệ số tiền thưởng"), max_digits=5, decimal_places=2, null=True, blank=True)
    cash_basis = models.CharField(_("căn cứ tiền thưởng"), max_length=300, blank=True)
    cash_amount = models.DecimalField(_("tiền thưởng (đồng)"), max_digits=14, decimal_places=0, null=True, blank=True)
    cash_paid = models.DecimalField(
        _("tiền thưởng được chi (đồng)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    # What the decision printed, kept so the file is the same whenever it is downloaded.
    decided_name = models.CharField(_("họ tên / tên tập thể"), max_length=255, blank=True)
    decided_position = models.CharField(_("chức vụ"), max_length=200, blank=True)
    decided_unit = models.CharField(_("đơn vị"), max_length=255, blank=True)
    created_by = acting_user(_("người lập"))
    created_at = models.DateTimeField(_("ngày lập"), auto_now_add=True)

    objects = ProposalQuerySet.as_manager()

    class Meta(named(_("đề nghị khen thưởng"))):
        ordering = ["-year", "subject_unit__order", "-id"]
        indexes = [models.Index(fields=["-year", "-id"], name="proposal_newest")]
        constraints = [
            one_subject("proposal"),
            # One achievement is proposed once at a time (R10); a refused proposal frees it.
            models.UniqueConstraint(
                fields=["person", "achievement_key"],
                condition=Q(person__isnull=False) & ~Q(state=State.REJECTED),
                name="proposal_person_achievement_open",
            ),
            models.UniqueConstraint(
                fields=["unit", "achievement_key"],
                condition=Q(unit__isnull=False) & ~Q(state=State.REJECTED),
                name="proposal_unit_achievement_open",
            ),
            models.CheckConstraint(
                condition=~Q(state=State.DECIDED) | Q(decision__isnull=False), name="proposal_decided_has_decision"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} — {self.award_code} {self.year}"

    @property
    def subject(self) -> Person | Unit:
        return self.person or self.unit

    @property
    def is_title(self) -> bool:
        return self.category == AwardCategory.TITLE

    @property
    def subject_name(self) -> str:
        return self.decided_name or str(self.subject)


def _dossier_path(instance: "DossierFile", filename: str) -> str:
    # A random name: what users call their files never reaches the file system.
    return f"de-nghi/{instance.proposal_id}/{uuid.uuid4().hex}"


class Upload(models.Model):
    """A file the office or a unit uploaded, known by the name it had on their computer."""

    original_name = models.CharField(_("tên tệp"), max_length=255)
    uploaded_by = acting_user()
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.original_name


class DossierFile(Upload):
    """One document of a proposal's dossier (Law Art. 84), uploaded."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="files")
    document = models.CharField(_("thành phần hồ sơ"), max_length=40)
    file = models.FileField(_("tệp"), upload_to=_dossier_path, max_length=300)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))

    class Meta(named(_("tệp hồ sơ đề nghị"))):
        ordering = ["uploaded_at", "id"]


def _round_path(instance: "RoundFile", filename: str) -> str:
    return f"dot-de-nghi/{instance.round_id}/{uuid.uuid4().hex}"


class RoundFile(Upload):
    """A document shared by every proposal of a round (the Tờ trình, the Biên bản bình
    xét), attached once; each proposal's dossier counts it (`dossier.checklist`)."""

    round = models.ForeignKey(ProposalRound, on_delete=models.CASCADE, related_name="files")
    document = models.CharField(_("thành phần hồ sơ"), max_length=40)
    file = models.FileField(_("tệp"), upload_to=_round_path, max_length=300)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))

    class Meta(named(_("tệp chung của đợt đề nghị"))):
        ordering = ["uploaded_at", "id"]


class DecisionQuerySet(models.QuerySet):
    def visible_to(self, user) -> "DecisionQuerySet":
        """Decisions are read by the office and the director; a unit head sees those
        that reward someone of the units they head."""
        from thidua.proposals import rules

        if rules.sees_everything(user) or rules.is_office(user) or rules.is_director(user):
            return self
        units = rules.headed_units(user)
        return self.filter(
            Q(proposals__subject_unit_id__in=units) | Q(revoked_proposals__subject_unit_id__in=units)
        ).distinct()


class Decision(models.Model):
    """Quyết định khen thưởng: issued here by the director (numbered from the register
    of outgoing documents, generated as Word), or recorded as received from the
    province or the ministry for a forwarded proposal."""

    number_symbol = models.CharField(_("số, ký hiệu"), max_length=64)
    date = models.DateField(_("ngày quyết định"))
    year = models.PositiveSmallIntegerField(_("năm thành tích"))
    issued_here = models.BooleanField(_("do Giám đốc Sở ban hành"), default=True)
    issuer = models.CharField(_("cấp quyết định"), max_length=200)
    summary = models.CharField(_("trích yếu"), max_length=300, blank=True)
    signer_authority = models.CharField(_("quyền hạn ký"), max_length=32, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=128, blank=True)
    signer_name = models.CharField(_("họ tên người ký"), max_length=128, blank=True)
    base_salary = models.DecimalField(
        _("mức lương cơ sở áp dụng (đồng)"), max_digits=12, decimal_places=0, null=True, blank=True
    )
    # The confirmed settings the amounts were computed with; confirmed rows are never
    # changed, so the decision reads the same whenever it is opened.
    salary = models.ForeignKey(
        "BaseSalary",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
        verbose_name=_("mức lương cơ sở"),
    )
    payment_rule = models.ForeignKey(
        "PaymentRule",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
        verbose_name=_("quy tắc chi tiền thưởng"),
    )
    # The council meetings behind the decision, "; "-joined: a year-end round may hold several.
    minutes = models.TextField(_("biên bản họp Hội đồng"), blank=True)
    # A decision that revokes (hủy bỏ) awards of an earlier one: the earlier decision is
    # never changed; the revoked proposals name this one (`Proposal.revoked_by`).
    revokes = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="revocations",
        verbose_name=_("quyết định bị hủy bỏ"),
    )
    reason = models.TextField(_("lý do hủy bỏ"), blank=True)
    created_by = acting_user(_("người ghi"))
    created_at = models.DateTimeField(_("thời điểm ghi"), auto_now_add=True)

    objects = DecisionQuerySet.as_manager()

    class Meta(named(_("quyết định khen thưởng"))):
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "number_symbol", "date"], name="decision_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number_symbol} ({self.date:%d/%m/%Y})"


class BaseSalary(models.Model):
    """Mức lương cơ sở in force from a date, with the Government's text that set it (R16
    multiplies it). The office enters it, then confirms it against the text; only a
    confirmed row is used, and a confirmed row is never changed: a new figure is a new
    row from its own date."""

    amount = models.DecimalField(_("mức lương cơ sở (đồng)"), max_digits=12, decimal_places=0)
    effective_from = models.DateField(_("áp dụng từ ngày"), unique=True)
    basis = models.CharField(_("văn bản quy định"), max_length=300, blank=True)
    basis_date = models.DateField(_("ngày ban hành văn bản"), null=True, blank=True)
    created_by = acting_user()
    created_at = models.DateTimeField(_("thời điểm ghi"), auto_now_add=True)
    confirmed_by = acting_user(_("người xác nhận"))
    confirmed_at = models.DateTimeField(_("thời điểm xác nhận"), null=True, blank=True)

    class Meta(named(_("mức lương cơ sở"))):
        ordering = ["-effective_from"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="base_salary_positive")]

    def __str__(self) -> str:
        return f"{self.amount:,.0f} ({self.effective_from:%d/%m/%Y})".replace(",", ".")

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def citation(self) -> str:
        """'Nghị định số 73/2024/NĐ-CP ngày 30 tháng 6 năm 2024', as a decision cites it
        (Nghị định 30/2020: days below 10 and months 1, 2 with a leading zero)."""
        if self.basis_date is None:
            return self.basis
        day = self.basis_date
        month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
        return f"{self.basis} ngày {day.day:02d} tháng {month} năm {day.year}"


class Rounding(models.TextChoices):
    DONG = "dong", _("Tròn đến đồng")
    UP_TEN_THOUSAND = "up_10000", _("Làm tròn lên hàng chục nghìn đồng")


class PaymentRule(models.Model):
    """How the amounts of a decision are paid, from a date: whether one achievement
    rewarded with several titles or forms in one decision is paid only the highest
    amount, and how each amount is rounded, each with the source the office relies on.
    Neither was found in Nghị định 98/2023 (docs/law.md, section 5), so the office
    records them; a change is a new row from its own date, never an edit."""

    effective_from = models.DateField(_("áp dụng từ ngày"), unique=True)
    highest_only = models.BooleanField(
        _("một thành tích chỉ nhận mức tiền thưởng cao nhất"),
        help_text=_(
            "Khi một cá nhân, tập thể được tặng nhiều danh hiệu, hình thức cho cùng một thành tích "
            "trong một quyết định."
        ),
    )
    highest_only_basis = models.CharField(_("căn cứ của nguyên tắc chi"), max_length=300)
    rounding = models.CharField(_("làm tròn số tiền"), max_length=10, choices=Rounding.choices)
    rounding_basis = models.CharField(_("căn cứ của cách làm tròn"), max_length=300)
    created_by = acting_user(_("người ghi"))
    created_at = models.DateTimeField(_("thời điểm ghi"), auto_now_add=True)

    class Meta(named(_("quy tắc chi tiền thưởng"))):
        ordering = ["-effective_from"]

    def __str__(self) -> str:
        return f"{self.get_rounding_display()} ({self.effective_from:%d/%m/%Y})"


def _template_path(instance: "CertificateTemplate", filename: str) -> str:
    return f"mau-giay-khen/{uuid.uuid4().hex}.docx"


class CertificateTemplate(Upload):
    """A Giấy khen template uploaded by the office; the latest one is used."""

    file = models.FileField(_("tệp mẫu"), upload_to=_template_path, max_length=300)

    class Meta(named(_("mẫu Giấy khen"))):
        ordering = ["-uploaded_at", "-id"]


class BlankLayout(models.Model):
    """Where each text of a Giấy khen goes on the pre-printed blanks the office buys,
    in mm from the blank's top-left corner, and the printer's shift. The latest row is
    used; a change is a new row (`certificate_blank.py`)."""

    width_mm = models.DecimalField(_("chiều rộng phôi (mm)"), max_digits=4, decimal_places=1)
    height_mm = models.DecimalField(_("chiều cao phôi (mm)"), max_digits=4, decimal_places=1)
    offset_x_mm = models.DecimalField(_("máy in lệch sang phải (mm)"), max_digits=3, decimal_places=1, default=0)
    offset_y_mm = models.DecimalField(_("máy in lệch xuống dưới (mm)"), max_digits=3, decimal_places=1, default=0)
    spots = models.JSONField(_("vị trí các dòng"))
    created_by = acting_user(_("người ghi"))
    created_at = models.DateTimeField(_("thời điểm ghi"), auto_now_add=True)

    class Meta(named(_("cách in lên phôi Giấy khen"))):
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.width_mm}×{self.height_mm} mm ({self.created_at:%d/%m/%Y})"
