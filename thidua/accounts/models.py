"""Sign-in lockouts: one row each time an (account name, address) pair is locked after
too many failed sign-ins, kept after it ends so that a repeated lockout lasts longer and
the office can see what happened."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.fields import acting_user, optional_link
from thidua.core.naming import named


class LockoutQuerySet(models.QuerySet):
    def active(self, now=None) -> "LockoutQuerySet":
        return self.filter(lifted_at__isnull=True, until__gt=now or timezone.now())

    def of_pair(self, username: str, ip_address: str | None) -> "LockoutQuerySet":
        return self.filter(username=username, ip_address=ip_address)


class Lockout(models.Model):
    username = models.CharField(_("tên đăng nhập"), max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ"), null=True, blank=True)
    user = optional_link(settings.AUTH_USER_MODEL, _("tài khoản"), on_delete=models.CASCADE, related_name="lockouts")
    level = models.PositiveSmallIntegerField(_("lần khóa thứ"), default=1)
    started_at = models.DateTimeField(_("khóa từ"), default=timezone.now)
    until = models.DateTimeField(_("khóa đến"))
    lifted_at = models.DateTimeField(_("mở khóa lúc"), null=True, blank=True)
    lifted_by = acting_user(_("người mở khóa"))

    objects = LockoutQuerySet.as_manager()

    class Meta(named(_("lần khóa đăng nhập"))):
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["username", "ip_address", "started_at"])]

    def __str__(self) -> str:
        return f"{self.username} @ {self.ip_address or '—'}"

    def is_active(self, now=None) -> bool:
        return self.lifted_at is None and self.until > (now or timezone.now())
