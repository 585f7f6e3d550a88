"""The activity log: who changed what, when, from what to what. Rows are only added."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class ActivityLogQuerySet(models.QuerySet):
    def for_object(self, obj: models.Model) -> "ActivityLogQuerySet":
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
        )


class ActivityLog(models.Model):
    class Action(models.TextChoices):
        CREATED = "created", "Tạo mới"
        CHANGED = "changed", "Sửa đổi"
        DELETED = "deleted", "Xóa"
        TRANSITION = "transition", "Chuyển trạng thái"
        IMPORTED = "imported", "Nhập từ tệp"

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name="người thực hiện",
    )
    at = models.DateTimeField("thời điểm", default=timezone.now, db_index=True)
    action = models.CharField("hành động", max_length=16, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField("đối tượng", max_length=300)
    changes = models.JSONField("thay đổi", default=dict, blank=True)
    note = models.TextField("ghi chú", blank=True)
    request_id = models.CharField(max_length=32, blank=True)

    objects = ActivityLogQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = "nhật ký thay đổi"
        verbose_name_plural = "nhật ký thay đổi"

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.get_action_display()} {self.object_repr}"
