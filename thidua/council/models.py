"""The Emulation and Commendation Council (Hội đồng Thi đua – Khen thưởng): its
meetings, who sits at each, the proposals before it, and the votes.

A vote is kept in two parts. `Ballot` says that a member has voted on an item (one per
member and item: a second vote is refused); `Vote` holds the choice. For an open vote
the choice names the member; for a secret ballot it does not, it has a random id and
no time, so nothing stored links a member to a choice."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.core.fields import acting_user, optional_link
from thidua.core.naming import named
from thidua.council.enums import DEFAULT_PASS, DEFAULT_QUORUM, Choice, CouncilRole
from thidua.proposals.models import Proposal


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user) -> "MeetingQuerySet":
        """The office, the director and every council member see the meetings; a
        member seated at a meeting sees that meeting."""
        from thidua.council import rules

        if rules.sees_meetings(user):
            return self
        return self.filter(members__user=user).distinct()


class Meeting(models.Model):
    title = models.CharField(_("tên phiên họp"), max_length=300)
    date = models.DateField(_("ngày họp"))
    place = models.CharField(_("địa điểm"), max_length=200, blank=True)
    starts_at = models.TimeField(_("giờ bắt đầu"), null=True, blank=True)
    ends_at = models.TimeField(_("giờ kết thúc"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("năm xét khen thưởng"))
    quorum_share = models.CharField(
        _("tỷ lệ có mặt tối thiểu"),
        max_length=16,
        default=DEFAULT_QUORUM,
        help_text=_(
            "Phần của tổng số thành viên phải có mặt, ví dụ 2/3. Là một thiết lập: quy định của cấp Sở "
            "chưa tìm thấy (R17)."
        ),
    )
    pass_share = models.CharField(
        _("tỷ lệ thông qua"),
        max_length=16,
        default=DEFAULT_PASS,
        help_text=_(
            "Số phiếu đồng ý phải vượt tỷ lệ này của TỔNG SỐ thành viên (không chỉ người có mặt), "
            "ví dụ 1/2 là quá nửa. Là một thiết lập (R17)."
        ),
    )
    pass_share_by_award = models.JSONField(
        _("tỷ lệ riêng theo danh hiệu"),
        default=dict,
        blank=True,
        help_text=_('Ví dụ {"CSTD_TINH": "9/10"}: cần ít nhất tỷ lệ này của tổng số thành viên.'),
    )
    secret_ballot_awards = models.JSONField(_("bỏ phiếu kín với"), default=list, blank=True)
    secret_ballot = models.BooleanField(_("bỏ phiếu kín với mọi đề nghị"), default=False)
    chair = acting_user(_("chủ tọa"))
    secretary = acting_user(_("thư ký"))
    minutes_number = models.CharField(_("số biên bản"), max_length=64, blank=True)
    minutes_date = models.DateField(_("ngày biên bản"), null=True, blank=True)
    conclusion = models.TextField(_("kết luận"), blank=True)
    created_by = acting_user()
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)

    objects = MeetingQuerySet.as_manager()

    class Meta(named(_("phiên họp Hội đồng"))):
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d/%m/%Y})"

    @property
    def is_closed(self) -> bool:
        """Closed once its minutes are issued: the votes are then final."""
        return bool(self.minutes_number)


class MeetingMember(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="council_seats", verbose_name=_("thành viên")
    )
    present = models.BooleanField(_("có mặt"), default=True)
    role = models.CharField(
        _("chức danh trong Hội đồng"), max_length=16, choices=CouncilRole.choices, default=CouncilRole.MEMBER
    )

    class Meta(named(_("thành viên dự họp"))):
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["meeting", "user"], name="meeting_member_once")]

    def __str__(self) -> str:
        return str(self.user)


class MeetingItem(models.Model):
    """A proposal before a meeting. Its result is written when the minutes are issued."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="council_items")
    secret = models.BooleanField(_("bỏ phiếu kín"), default=False)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    agree = models.PositiveSmallIntegerField(null=True, blank=True)
    disagree = models.PositiveSmallIntegerField(null=True, blank=True)
    abstain = models.PositiveSmallIntegerField(null=True, blank=True)
    passed = models.BooleanField(_("được thông qua"), null=True, blank=True)

    class Meta(named(_("đề nghị trình Hội đồng"))):
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["meeting", "proposal"], name="meeting_item_once")]

    def __str__(self) -> str:
        return f"{self.meeting} — {self.proposal}"


class Ballot(models.Model):
    """That a member has voted on an item — never how."""

    item = models.ForeignKey(MeetingItem, on_delete=models.CASCADE, related_name="ballots")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("thành viên")
    )
    cast_at = models.DateTimeField(_("thời điểm biểu quyết"), auto_now_add=True)

    class Meta(named(_("lượt biểu quyết"))):
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["item", "member"], name="ballot_once_per_member")]

    def __str__(self) -> str:
        return f"{self.member} — {self.item}"


class Vote(models.Model):
    """A choice. `member` is set for an open vote and empty for a secret one."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    item = models.ForeignKey(MeetingItem, on_delete=models.CASCADE, related_name="votes")
    choice = models.CharField(_("ý kiến"), max_length=10, choices=Choice.choices)
    member = optional_link(
        settings.AUTH_USER_MODEL, _("thành viên (biểu quyết công khai)"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta(named(_("phiếu biểu quyết"))):
        constraints = [
            models.UniqueConstraint(
                fields=["item", "member"], condition=Q(member__isnull=False), name="vote_once_per_member"
            ),
            models.CheckConstraint(condition=Q(choice__in=Choice.values), name="vote_choice_known"),
        ]

    def __str__(self) -> str:
        return self.get_choice_display()
