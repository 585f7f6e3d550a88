"""In-app notices: a line of text and a link for one account, read or not yet read."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.naming import named


class NoticeQuerySet(models.QuerySet):
    def for_user(self, user) -> "NoticeQuerySet":
        return self.filter(user=user)

    def unread(self) -> "NoticeQuerySet":
        return self.filter(is_read=False)


class Notice(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices", verbose_name=_("người nhận")
    )
    text = models.CharField(_("nội dung"), max_length=500)
    link = models.CharField(_("đường dẫn"), max_length=300, blank=True)
    is_read = models.BooleanField(_("đã đọc"), default=False)
    created_at = models.DateTimeField(_("thời điểm"), default=timezone.now)

    objects = NoticeQuerySet.as_manager()

    class Meta(named(_("thông báo"))):
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "is_read"])]

    def __str__(self) -> str:
        return self.text
