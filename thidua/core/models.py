"""The activity log: who changed what, when, from what to what. Rows are only added."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.core.fields import acting_user
from thidua.core.naming import named


class ActivityLogQuerySet(models.QuerySet):
    def for_object(self, obj: models.Model) -> "ActivityLogQuerySet":
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
        )


class ActivityLog(models.Model):
    class Action(models.TextChoices):
        CREATED = "created", _("Tạo mới")
        CHANGED = "changed", _("Sửa đổi")
        DELETED = "deleted", _("Xóa")
        TRANSITION = "transition", _("Chuyển trạng thái")
        IMPORTED = "imported", _("Nhập từ tệp")
        # Personal data (Nghị định 13/2023): reads of a person's detail by someone else,
        # exports of everything held about a person, anonymisation.
        VIEWED_PERSONAL = "view_personal", _("Xem thông tin cá nhân")
        EXPORTED = "exported", _("Xuất dữ liệu cá nhân")
        ANONYMISED = "anonymised", _("Ẩn danh hóa cán bộ")

    actor = acting_user(_("người thực hiện"))
    at = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)
    action = models.CharField(_("hành động"), max_length=16, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(pgettext_lazy("changed record", "đối tượng"), max_length=300)
    changes = models.JSONField(_("thay đổi"), default=dict, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    request_id = models.CharField(max_length=32, blank=True)

    objects = ActivityLogQuerySet.as_manager()

    class Meta(named(_("nhật ký thay đổi"))):
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.get_action_display()} {self.object_repr}"


class FormToken(models.Model):
    """A page form's one-time token once posted (`core/form_tokens.py`): while its first
    submission runs `location` is empty; once that submission redirected, where to."""

    # A technical record of the submission, not domain data: not in the activity log.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=64)
    location = models.CharField(max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta(named(_("mã dùng một lần của biểu mẫu"))):
        constraints = [models.UniqueConstraint(fields=["user", "token"], name="form_token_per_user")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.token} → {self.location or '…'}"
