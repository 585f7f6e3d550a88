"""The plan as data: the movements it implements, its bases, purposes, content areas,
criteria, forms of reward, solutions, phases, duties, the yearly report duty and the
recipients. Loaded from `data/plans/*.yaml`; the office edits it with history."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from thidua.core import params
from thidua.core.fields import acting_user
from thidua.core.naming import named
from thidua.organization.enums import PersonKind
from thidua.organization.models import Unit
from thidua.plans import citation
from thidua.plans.enums import DueWording, ItemKind, ReviewKind, SendChannel, SubjectKind


class Movement(models.Model):
    """A provincial emulation movement, launched by a decision."""

    code = models.SlugField(_("mã"), max_length=64, unique=True)
    name = models.TextField(_("tên phong trào"))
    decision_number = models.CharField(_("số quyết định"), max_length=64)
    decision_date = models.DateField(_("ngày quyết định"))
    decision_issuer = models.CharField(_("cơ quan, người ban hành"), max_length=255)
    decision_text = models.TextField(_("trích dẫn quyết định"))
    start_year = models.PositiveSmallIntegerField(_("từ năm"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("đến năm"), null=True, blank=True)

    class Meta(named(_("phong trào thi đua"))):
        ordering = ["decision_date"]

    def __str__(self) -> str:
        return self.name


class PlanQuerySet(models.QuerySet):
    def current(self):
        year = timezone.localdate().year
        return (
            self.filter(start_year__lte=year, end_year__gte=year).order_by("-start_year", "id").first()
            or self.order_by("-start_year", "id").first()
        )

    def current_or_404(self):
        """The current plan, for a page or an API call that cannot do without one: 404
        while no plan is loaded."""
        plan = self.current()
        if plan is None:
            raise Http404(gettext("Chưa có kế hoạch nào."))
        return plan


class Plan(models.Model):
    code = models.SlugField(_("mã"), max_length=64, unique=True)
    document_type = models.CharField(_("tên loại văn bản"), max_length=64, default="Kế hoạch")
    title = models.TextField(_("trích yếu"))
    issuer = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="plans", verbose_name=_("cơ quan ban hành"))
    issuer_parent_name = models.CharField(_("cơ quan chủ quản"), max_length=255, blank=True)
    issuer_name = models.CharField(_("tên cơ quan ban hành"), max_length=255)
    number = models.CharField(_("số"), max_length=16, blank=True)
    symbol = models.CharField(_("ký hiệu"), max_length=32)
    place = models.CharField(_("địa danh"), max_length=64)
    issued_day = models.PositiveSmallIntegerField(_("ngày"), null=True, blank=True)
    issued_month = models.PositiveSmallIntegerField(_("tháng"), null=True, blank=True)
    issued_year = models.PositiveSmallIntegerField(_("năm"))
    preamble = models.TextField(_("căn cứ ban hành"))
    signer_authority = models.CharField(_("quyền hạn ký"), max_length=16, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=128)
    signer_name = models.CharField(_("họ tên người ký"), max_length=128)
    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"))
    movements = models.ManyToManyField(Movement, related_name="plans", blank=True, verbose_name=_("phong trào"))
    # The texts are stored without formatting; the words the signed text sets in italic
    # or bold are listed here, as written there (see `plans/emphasis.py`).
    emphasis = models.TextField(
        _("chữ in nghiêng, in đậm của văn bản đã ký"),
        blank=True,
        help_text=_(
            "Mỗi dòng một đoạn chép từ văn bản đã ký, phần in nghiêng đặt giữa hai dấu *, phần in đậm giữa "
            "hai cặp **, ví dụ: “*xanh-số*” hoặc **trước ngày 15/12**."
        ),
    )

    objects = PlanQuerySet.as_manager()

    class Meta(named(_("kế hoạch"))):
        ordering = ["-start_year", "code"]

    def __str__(self) -> str:
        return f"{self.document_type} {self.title[:120]}"

    @property
    def issued_on(self) -> datetime.date | None:
        """The plan's date when the office entered it whole (day, month and year)."""
        try:
            return datetime.date(self.issued_year, self.issued_month, self.issued_day)
        except (TypeError, ValueError):
            return None

    @property
    def is_numbered(self) -> bool:
        """Whether the plan's number and date are known, as every citation needs them."""
        return params.to_int(self.number) is not None and self.issued_on is not None

    @property
    def citation(self) -> str:
        """How another document names the plan: "Kế hoạch số 05/KH-STP ngày 10/01/2026";
        while its number or date is unknown, "Kế hoạch" alone, never a blank number."""
        if not self.is_numbered:
            return self.document_type
        return f"{self.document_type} số {self.number_and_symbol} ngày {citation.plan_date(self)}"

    @property
    def number_and_symbol(self) -> str:
        """Box 3 of the layout: "Số: 05/KH-STP", or "Số:   /KH-STP" before numbering."""
        number = self.number if params.to_int(self.number) is None else f"{int(self.number):02d}"
        return f"{number or '   '}/{self.symbol}"


class PlanPart(models.Model):
    """Common shape of the ordered parts of a plan; each part adds its `plan` link."""

    number = models.CharField(_("số thứ tự"), max_length=16, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "id"]


class LegalBasis(PlanPart):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="legal_bases")
    text = models.TextField(_("văn bản"))

    class Meta(PlanPart.Meta, named(_("căn cứ"))):
        pass

    def __str__(self) -> str:
        return self.text[:120]


class PlanItem(PlanPart):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("loại"), max_length=20, choices=ItemKind.choices)
    heading = models.CharField(_("tiêu đề"), max_length=255, blank=True)
    text = models.TextField(_("nội dung"))

    class Meta(PlanPart.Meta, named(_("mục của kế hoạch"))):
        pass

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"


class ContentArea(PlanPart):
    """One of the plan's content areas (nội dung thi đua); results and indicators hang
    off these."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="content_areas")
    short_title = models.CharField(_("tên ngắn"), max_length=160)
    text = models.TextField(_("nội dung"))

    class Meta(PlanPart.Meta, named(_("nội dung thi đua"))):
        pass

    def __str__(self) -> str:
        return f"{self.number}. {self.short_title}"


class Criterion(PlanPart):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="criteria")
    subject_kind = models.CharField(
        pgettext_lazy("criterion applies to", "đối tượng"), max_length=16, choices=SubjectKind.choices
    )
    short_title = models.CharField(_("tên ngắn"), max_length=160)
    text = models.TextField(_("nội dung"))
    # III.1.2 gives one criterion to each kind of person: a person is scored on the
    # criterion of their kind only, never on both.
    person_kind = models.CharField(
        _("loại cá nhân"),
        max_length=32,
        choices=PersonKind.choices,
        blank=True,
        help_text=_("Chỉ với tiêu chí cá nhân: tiêu chí này dùng để chấm loại cá nhân nào."),
    )
    # Criteria 2, 3 and 5 of III.1.1 are tasks "theo phân công": a unit never assigned
    # the task has the criterion marked "không áp dụng" instead of scoring 0.
    when_assigned = models.BooleanField(
        _("chỉ áp dụng khi được giao"),
        default=False,
        help_text=_("Chỉ với tiêu chí tập thể: đơn vị không được giao nhiệm vụ này thì ghi «không áp dụng»."),
    )

    class Meta(PlanPart.Meta, named(_("tiêu chí thi đua"))):
        pass

    def __str__(self) -> str:
        return f"{self.get_subject_kind_display()} {self.number}: {self.short_title}"

    def clean(self) -> None:
        individual = self.subject_kind == SubjectKind.INDIVIDUAL
        if individual and not self.person_kind:
            raise ValidationError(
                {"person_kind": gettext("Hãy chọn loại cá nhân mà tiêu chí cá nhân này dùng để chấm.")}
            )
        if not individual and self.person_kind:
            raise ValidationError({"person_kind": gettext("Tiêu chí tập thể không có loại cá nhân; hãy để trống.")})
        if individual and self.when_assigned:
            raise ValidationError(
                {"when_assigned": gettext("«Chỉ áp dụng khi được giao» chỉ dùng cho tiêu chí tập thể; hãy bỏ chọn.")}
            )


class Phase(PlanPart):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="phases")
    name = models.CharField(_("tên giai đoạn"), max_length=64)
    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"))
    review_kind = models.CharField(_("hình thức đánh giá"), max_length=16, choices=ReviewKind.choices)
    review_year = models.PositiveSmallIntegerField(_("năm sơ kết/tổng kết"))
    text = models.TextField(_("nội dung"))

    class Meta(PlanPart.Meta, named(_("giai đoạn"))):
        ordering = ["start_year", "order"]

    def __str__(self) -> str:
        return f"{self.name} ({self.start_year}–{self.end_year})"


class ReportDuty(PlanPart):
    """A recurring report the plan requires, e.g. the yearly report before 15/12."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="report_duties")
    text = models.TextField(_("nội dung"))
    recipients = models.TextField(_("gửi đến (mỗi dòng một nơi)"))
    due_day = models.PositiveSmallIntegerField(_("hạn (ngày)"))
    due_month = models.PositiveSmallIntegerField(_("hạn (tháng)"))
    # The plan's own words for the deadline, which say whether the day written is still
    # on time; the last day on time is computed by `reports.deadlines.duty_due_date`.
    due_wording = models.CharField(
        _("cách Kế hoạch ghi hạn"), max_length=8, choices=DueWording.choices, default=DueWording.BEFORE
    )

    class Meta(PlanPart.Meta, named(_("nghĩa vụ báo cáo"))):
        pass

    def __str__(self) -> str:
        return gettext("Báo cáo %(deadline)s") % {"deadline": self.deadline_words}

    @property
    def deadline_words(self) -> str:
        """The deadline as the plan writes it: "trước ngày 15/12", "chậm nhất ngày 15/12"."""
        day = f"{self.due_day}/{self.due_month}"
        return f"trước ngày {day}" if self.due_wording == DueWording.BEFORE else f"chậm nhất ngày {day}"

    @property
    def recipient_list(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]


class Recipient(PlanPart):
    """A line of the "Nơi nhận" block."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="recipients")
    text = models.CharField(_("nơi nhận"), max_length=255)

    class Meta(PlanPart.Meta, named(_("nơi nhận"))):
        pass

    def __str__(self) -> str:
        return self.text


class PlanDispatch(models.Model):
    """The signed plan reached one recipient of its Nơi nhận, or was published on the
    department's website (the plan's "Trang Thông tin điện tử Sở Tư pháp (để đăng tải)"):
    the day, how, the address of the published page, and who recorded it."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="dispatches", verbose_name=_("kế hoạch"))
    recipient = models.CharField(_("nơi nhận"), max_length=255)
    channel = models.CharField(_("hình thức gửi"), max_length=8, choices=SendChannel.choices)
    sent_on = models.DateField(_("ngày gửi, ngày đăng"))
    url = models.URLField(_("địa chỉ trang đã đăng"), max_length=500, blank=True)
    reference = models.CharField(_("số hiệu gửi (nếu có)"), max_length=128, blank=True)
    recorded_by = acting_user(_("người ghi nhận"))
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), default=timezone.now)

    class Meta(named(_("lần gửi, đăng kế hoạch"))):
        ordering = ["sent_on", "id"]

    def __str__(self) -> str:
        return f"{self.plan.number_and_symbol} → {self.recipient}"

    @property
    def is_publication(self) -> bool:
        return self.channel == SendChannel.WEB
