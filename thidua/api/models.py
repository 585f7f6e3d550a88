"""The answers already given to API writes, by the client's Idempotency-Key, so that a
retried request is answered again instead of being run again (`idempotency.py`)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.naming import named


class IdempotencyKey(models.Model):
    # A technical record of the request, not domain data: it is not written to the
    # activity log (the write it protects is).
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=2000)
    body_hash = models.CharField(max_length=64)  # SHA-256 of the request body, hex
    # Set when the request started; moved forward when a stale attempt is taken over.
    started_at = models.DateTimeField(default=timezone.now)
    # Empty while the first request runs; its answer once it has one worth replaying.
    status = models.PositiveSmallIntegerField(null=True, blank=True)
    content_type = models.CharField(max_length=255, blank=True)
    location = models.CharField(max_length=2000, blank=True)
    body = models.BinaryField(blank=True, default=b"")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta(named(_("khóa chống ghi lặp của API"))):
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_per_user")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.method} {self.path} [{self.key}]"

    @property
    def in_progress(self) -> bool:
        return self.status is None
