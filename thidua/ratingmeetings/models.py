"""Each unit's meeting that rates its staff at the end of the year (họp bình xét thi
đua): when and where it sat, who chaired and took the minutes, how many of the unit
attended, and the votes each person received for each title or form the meeting
proposed. Its minutes (`minutes_docx.py`) go into the dossier of every proposal of
the unit for that year (Law Art. 84: biên bản bình xét)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.commendation.models import AWARD_CODES
from thidua.core.naming import named
from thidua.organization.models import Person, Unit


class RatingMeetingQuerySet(models.QuerySet):
    def visible_to(self, user) -> "RatingMeetingQuerySet":
        """The units the account sees (the office and the director their agency, a
        unit head the units headed, staff their own unit)."""
        from thidua.organization.rules import in_scope, unit_scope

        return self.filter(in_scope(unit_scope(user), "unit_id"))


class RatingMeeting(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="rating_meetings", verbose_name=_("đơn vị"))
    year = models.PositiveSmallIntegerField(_("năm bình xét"))
    date = models.DateField(_("ngày họp"))
    start_time = models.TimeField(_("giờ bắt đầu"))
    end_time = models.TimeField(_("giờ kết thúc"))
    place = models.CharField(_("địa điểm"), max_length=200)
    chair = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("chủ trì"))
    secretary = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("thư ký"))
    members_total = models.PositiveSmallIntegerField(_("tổng số cán bộ của đơn vị"))
    present = models.PositiveSmallIntegerField(_("số người dự họp"))
    conclusion = models.TextField(_("ý kiến, kết luận khác"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("thời điểm ghi"), auto_now_add=True)

    objects = RatingMeetingQuerySet.as_manager()

    class Meta(named(_("cuộc họp bình xét"))):
        ordering = ["-year", "unit__order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="rating_meeting_unit_year"),
            models.CheckConstraint(condition=Q(present__lte=models.F("members_total")), name="rating_meeting_present"),
            models.CheckConstraint(condition=Q(end_time__gt=models.F("start_time")), name="rating_meeting_times"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.year}"


class RatingVote(models.Model):
    """The votes one person received for one title or form at the meeting."""

    meeting = models.ForeignKey(RatingMeeting, on_delete=models.CASCADE, related_name="votes")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("cá nhân"))
    award_code = models.CharField(_("danh hiệu / hình thức"), max_length=20, choices=AWARD_CODES)
    votes_for = models.PositiveSmallIntegerField(_("số phiếu đồng ý"))
    votes_against = models.PositiveSmallIntegerField(_("số phiếu không đồng ý"), default=0)

    class Meta(named(_("kết quả bình xét"))):
        ordering = ["award_code", "person__full_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person", "award_code"], name="rating_vote_once"),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.award_code}: {self.votes_for}"
