"""Initiatives (sáng kiến): authors and their shares, attachments, the council's scores
and declared conflicts of interest, the office's rule for recognising on the council's
scores, the province's or ministry's decisions recognising a wider scope, and the units
that replicated a recognised initiative."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.core.codes import Scope, State
from thidua.core.db_functions import Fold
from thidua.core.fields import acted, acting_user
from thidua.core.naming import named
from thidua.core.text import fold
from thidua.core.workflow import WorkflowModel
from thidua.initiatives.enums import SCORE_MAX, SCORE_MIN, Tag
from thidua.organization.models import Person, Unit
from thidua.plans.models import ContentArea

TAG_SEPARATOR = ","


class InitiativeQuerySet(models.QuerySet):
    def visible_to(self, user) -> "InitiativeQuerySet":
        """A unit's own people see its initiatives at every stage; the office, council
        and director see another unit's initiative once it has been submitted."""
        from thidua.initiatives import rules

        if rules.sees_everything(user):
            return self
        authored = Authorship.objects.filter(person__user=user).values("initiative_id")
        mine = Q(unit_id__in=rules.own_unit_ids(user)) | Q(created_by=user) | Q(pk__in=authored)
        wide = rules.agency_unit_ids(user)
        return self.filter(mine | (Q(unit_id__in=wide) & ~Q(state=State.DRAFT)))

    def recognised(self) -> "InitiativeQuerySet":
        return self.filter(state=State.RECOGNISED)

    def for_lists(self) -> "InitiativeQuerySet":
        """With what a list row shows (unit, content area, authors), in a fixed number
        of queries whatever the number of rows."""
        authors = models.Prefetch("authors", queryset=Authorship.objects.select_related("person__unit"))
        return self.select_related("unit", "content_area").prefetch_related(authors, "higher_recognitions")

    def library(self) -> "InitiativeQuerySet":
        """Recognised initiatives only, whoever asks: drafts and refused ones never appear."""
        return self.recognised().for_lists().order_by("-decision_date", "-id")

    def to_score_by(self, user) -> "InitiativeQuerySet":
        """Under review, visible to this council member, not scored by them yet and not
        in conflict: the member's "chưa chấm" list (its count fits a home page)."""
        from thidua.initiatives import rules

        under_review = self.visible_to(user).filter(state=State.UNDER_REVIEW)
        conflicted = Initiative.objects.filter(rules.conflict_q(user)).values("pk")
        return under_review.exclude(pk__in=conflicted).exclude(scores__member=user)

    def with_tag(self, tag: str) -> "InitiativeQuerySet":
        sep = TAG_SEPARATOR
        return self.filter(
            Q(tags=tag)
            | Q(tags__startswith=tag + sep)
            | Q(tags__endswith=sep + tag)
            | Q(tags__contains=sep + tag + sep)
        )

    def search(self, text: str) -> "InitiativeQuerySet":
        """Diacritic-insensitive over the title, the problem and the solution."""
        words = fold(text).split()
        if not words:
            return self
        qs = self.annotate(_title=Fold("title"), _problem=Fold("problem"), _solution=Fold("solution"))
        for word in words:
            qs = qs.filter(Q(_title__contains=word) | Q(_problem__contains=word) | Q(_solution__contains=word))
        return qs


class Initiative(WorkflowModel):
    title = models.CharField(_("tên sáng kiến"), max_length=300)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="initiatives", verbose_name=_("đơn vị"))
    content_area = models.ForeignKey(
        ContentArea, on_delete=models.PROTECT, related_name="initiatives", verbose_name=_("nội dung thi đua")
    )
    tags = models.CharField(_("lĩnh vực"), max_length=120, blank=True)
    problem = models.TextField(_("vấn đề cần giải quyết"))
    solution = models.TextField(_("giải pháp"))
    novelty = models.TextField(_("điểm mới"))
    applied_where = models.CharField(_("nơi áp dụng"), max_length=300, blank=True)
    applied_since = models.DateField(_("áp dụng từ ngày"), null=True, blank=True)
    hours_saved = models.PositiveIntegerField(_("số giờ làm việc tiết kiệm mỗi năm"), null=True, blank=True)
    cost_saved = models.PositiveBigIntegerField(_("chi phí tiết kiệm (đồng)"), null=True, blank=True)
    paper_saved = models.PositiveIntegerField(_("số trang giấy tiết kiệm"), null=True, blank=True)
    people_served = models.PositiveIntegerField(_("số người được phục vụ"), null=True, blank=True)
    state = models.CharField(_("trạng thái"), max_length=20, choices=State.choices, default=State.DRAFT)
    submitted_at = models.DateTimeField(_("ngày gửi"), null=True, blank=True)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    rejection_reason = models.TextField(_("lý do không công nhận"), blank=True)
    scope = models.CharField(_("phạm vi ảnh hưởng"), max_length=16, choices=Scope.choices, blank=True)
    decision_number = models.CharField(_("số quyết định công nhận"), max_length=64, blank=True)
    decision_date = models.DateField(_("ngày quyết định công nhận"), null=True, blank=True)
    put_forward = models.BooleanField(_("đã đề nghị công nhận cấp tỉnh"), default=False)
    put_forward_on = models.DateField(_("ngày đề nghị cấp tỉnh"), null=True, blank=True)
    created_by = acting_user(_("người tạo"))
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    objects = InitiativeQuerySet.as_manager()

    class Meta(named(_("sáng kiến"))):
        ordering = ["-created_at", "-id"]
        # The library's order (latest decision first), so its first page is read from
        # the index and not sorted.
        indexes = [models.Index(fields=["-decision_date", "-id"], name="initiative_library_order")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state=State.RECOGNISED)
                | (~Q(scope="") & ~Q(decision_number="") & Q(decision_date__isnull=False)),
                name="initiative_recognised_has_decision",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def tag_list(self) -> list[str]:
        return [t for t in self.tags.split(TAG_SEPARATOR) if t]

    def get_tags_display(self) -> list[str]:
        labels = dict(Tag.choices)
        return [str(labels.get(t, t)) for t in self.tag_list]

    def scope_decision(self):
        """(number, date) of the decision that gave the initiative its current scope:
        the province's or ministry's for a wider scope, else the department's own."""
        wider = [d for d in self.higher_recognitions.all() if d.scope == self.scope]
        return (wider[-1].number, wider[-1].date) if wider else (self.decision_number, self.decision_date)


class Authorship(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="authorships", verbose_name=_("tác giả"))
    share = models.PositiveSmallIntegerField(_("tỷ lệ đóng góp (%)"))
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta(named(_("tác giả sáng kiến"))):
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "person"], name="authorship_once_per_person"),
            models.CheckConstraint(condition=Q(share__gte=1, share__lte=100), name="authorship_share_1_100"),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.share}%)"


def _attachment_path(instance: "Attachment", filename: str) -> str:
    return f"sang-kien/{instance.initiative_id}/{filename}"


class Attachment(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("tệp"), upload_to=_attachment_path, max_length=300)
    name = models.CharField(_("tên tệp"), max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)

    class Meta(named(_("tệp đính kèm sáng kiến"))):
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name


class Score(models.Model):
    """One council member's score of one initiative; a change updates the row and the
    activity log keeps the earlier values."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="scores")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="initiative_scores",
        verbose_name=_("thành viên hội đồng"),
    )
    novelty = models.PositiveSmallIntegerField(_("tính mới"))
    effectiveness = models.PositiveSmallIntegerField(_("hiệu quả"))
    applicability = models.PositiveSmallIntegerField(_("phạm vi áp dụng"))
    comment = models.TextField(_("nhận xét"), blank=True)
    scored_at = models.DateTimeField(_("thời điểm chấm"), auto_now=True)

    class Meta(named(_("điểm chấm sáng kiến"))):
        ordering = ["initiative", "member__username"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "member"], name="score_once_per_member"),
        ] + [
            models.CheckConstraint(
                condition=Q(**{f"{name}__gte": SCORE_MIN, f"{name}__lte": SCORE_MAX}), name=f"score_{name}_range"
            )
            for name in ("novelty", "effectiveness", "applicability")
        ]

    def __str__(self) -> str:
        return f"{self.member} — {self.initiative}: {self.total}"

    @property
    def total(self) -> int:
        return self.novelty + self.effectiveness + self.applicability


class ConflictDeclaration(models.Model):
    """A council member's own statement that they should not score an initiative."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="conflicts")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="initiative_conflicts",
        verbose_name=_("thành viên hội đồng"),
    )
    reason = models.CharField(_("lý do"), max_length=500)
    declared_at = models.DateTimeField(_("thời điểm khai báo"), auto_now_add=True)

    class Meta(named(_("khai báo xung đột lợi ích"))):
        ordering = ["declared_at", "id"]
        constraints = [models.UniqueConstraint(fields=["initiative", "member"], name="conflict_once_per_member")]

    def __str__(self) -> str:
        return f"{self.member} — {self.initiative}"


class AdoptionQuerySet(models.QuerySet):
    def visible_to(self, user) -> "AdoptionQuerySet":
        """What a unit reports of its replication (its result, its evidence) is for the
        adopting unit and for those who see the initiative itself."""
        from thidua.initiatives import rules

        if rules.sees_everything(user):
            return self
        seen = Initiative.objects.visible_to(user).values("pk")
        return self.filter(Q(initiative_id__in=seen) | Q(unit_id__in=rules.own_unit_ids(user)))


def _adoption_path(instance: "Adoption", filename: str) -> str:
    return f"sang-kien/{instance.initiative_id}/nhan-rong/{filename}"


class Adoption(models.Model):
    """A unit that replicated a recognised initiative ("áp dụng tại đơn vị chúng tôi"):
    since when, with what result, and the evidence of it."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="adoptions")
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="adopted_initiatives", verbose_name=_("đơn vị áp dụng")
    )
    applied_on = models.DateField(_("ngày áp dụng"))
    result = models.TextField(_("kết quả áp dụng"))
    evidence = models.FileField(_("minh chứng"), upload_to=_adoption_path, max_length=300, blank=True)
    evidence_name = models.CharField(_("tên tệp minh chứng"), max_length=255, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("ngày đánh dấu"), auto_now_add=True)

    objects = AdoptionQuerySet.as_manager()

    class Meta(named(_("đơn vị áp dụng sáng kiến"))):
        ordering = ["applied_on", "id"]
        constraints = [models.UniqueConstraint(fields=["initiative", "unit"], name="adoption_once_per_unit")]

    def __str__(self) -> str:
        return f"{self.unit} — {self.initiative}"


def _decision_path(instance: "HigherRecognition", filename: str) -> str:
    return f"sang-kien/{instance.initiative_id}/quyet-dinh-cap-tren/{filename}"


# The scopes only the province or the ministry recognises (Luật Thi đua, khen thưởng
# 2022, Điều 21–22): the department recognises at cơ sở only.
WIDER_SCOPES = (Scope.TINH, Scope.TOAN_QUOC)


class HigherRecognition(models.Model):
    """The province's or ministry's decision recognising a department's initiative at
    scope tỉnh or toàn quốc, as the office copies it from the decision it received."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="higher_recognitions")
    scope = models.CharField(_("phạm vi được công nhận"), max_length=16, choices=Scope.choices)
    issuer = models.CharField(_("cơ quan, người ký quyết định"), max_length=200)
    number = models.CharField(_("số quyết định"), max_length=64)
    date = models.DateField(_("ngày quyết định"))
    file = models.FileField(_("tệp quyết định"), upload_to=_decision_path, max_length=300, blank=True)
    file_name = models.CharField(_("tên tệp"), max_length=255, blank=True)
    recorded_by, recorded_at = acted(_("người ghi"), _("thời điểm ghi"))

    class Meta(named(_("quyết định công nhận sáng kiến của cấp trên"))):
        ordering = ["date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "scope"], name="higher_recognition_once_per_scope"),
            models.CheckConstraint(condition=Q(scope__in=WIDER_SCOPES), name="higher_recognition_wider_scope"),
        ]

    def __str__(self) -> str:
        return f"{self.number} — {self.initiative}"


class RecognitionRule(models.Model):
    """The office's rule for recognising an initiative on the council's scores: how many
    of the council members who may score it must have scored (a share, at least one),
    and the lowest average total that recognises. Rows are only added; the latest is in
    force. The Điều lệ Sáng kiến's council rules were not found (law-reference §4), so
    the default stays unconfirmed until the office names the text it follows."""

    quorum_numerator = models.PositiveSmallIntegerField(_("tỷ lệ thành viên phải chấm (tử số)"), default=1)
    quorum_denominator = models.PositiveSmallIntegerField(_("tỷ lệ thành viên phải chấm (mẫu số)"), default=2)
    min_average = models.DecimalField(
        _("điểm trung bình tối thiểu để công nhận"), max_digits=4, decimal_places=1, default=Decimal("15.0")
    )
    basis = models.CharField(_("căn cứ"), max_length=300, blank=True)
    confirmed = models.BooleanField(_("Văn phòng đã đối chiếu văn bản"), default=False)
    set_by, set_at = acted(_("người lập"), _("thời điểm lập"))

    class Meta(named(_("quy tắc công nhận sáng kiến"))):
        ordering = ["-set_at", "-id"]
        get_latest_by = ["set_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quorum_numerator__gte=1, quorum_denominator__gte=models.F("quorum_numerator")),
                name="recognition_rule_quorum_share",
            ),
            models.CheckConstraint(condition=~Q(confirmed=True, basis=""), name="recognition_rule_confirmed_basis"),
        ]

    def __str__(self) -> str:
        return f"{self.quorum_numerator}/{self.quorum_denominator}, {self.min_average}"

    @classmethod
    def in_force(cls) -> "RecognitionRule":
        """The latest rule the office saved, or the default (not saved, not confirmed)."""
        return cls.objects.order_by("-set_at", "-id").first() or cls(set_at=None)

    @property
    def share(self) -> str:
        return f"{self.quorum_numerator}/{self.quorum_denominator}"

    def required(self, members: int) -> int:
        """Scores needed from `members` council members who may score: the share,
        rounded up, and never fewer than one."""
        return max(1, -(-members * self.quorum_numerator // self.quorum_denominator))
