"""What the public honours page (trang tôn vinh) shows: outstanding examples (điển hình
tiên tiến) the office writes up, and the awards and recognised initiatives it chooses to
publish. Nothing is public until the office publishes it; each publish and unpublish is
a logged change of `is_published`."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.commendation.models import AwardRecord
from thidua.core.codes import State
from thidua.core.fields import acted, one_subject, optional_link
from thidua.core.naming import named
from thidua.initiatives.models import Initiative
from thidua.organization.models import PersonOrUnit, Unit


def new_photo_path() -> str:
    # A random name: what users call their files never reaches the file system. The
    # photo is served only through the honours view, which checks it is published.
    return f"ton-vinh/{uuid.uuid4().hex}"


class OutstandingExampleQuerySet(models.QuerySet):
    def published(self) -> "OutstandingExampleQuerySet":
        return self.filter(is_published=True)

    def for_lists(self) -> "OutstandingExampleQuerySet":
        return self.select_related("person__unit", "unit")


class OutstandingExample(PersonOrUnit):
    """A person or a unit the office holds up as an example, with its write-up."""

    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tiêu đề"), max_length=255)
    text = models.TextField(_("bài viết"))
    # The stored file's name in the default storage. A plain text column rather than a
    # FileField, so the activity log records it like any other value.
    photo = models.CharField(_("ảnh"), max_length=255, blank=True, editable=False)
    photo_name = models.CharField(_("tên tệp ảnh"), max_length=255, blank=True)
    is_published = models.BooleanField(_("đã công bố"), default=False)
    published_at = models.DateTimeField(_("thời điểm công bố"), null=True, blank=True)
    created_by, created_at = acted(_("người viết"), _("ngày tạo"))

    objects = OutstandingExampleQuerySet.as_manager()

    class Meta(named(_("điển hình tiên tiến"))):
        ordering = ["-year", "-published_at", "-id"]
        constraints = [
            one_subject("example", violation_error_message=_("Hãy chọn đúng một cá nhân hoặc một tập thể.")),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def subject_unit(self) -> Unit:
        return self.person.unit if self.person_id else self.unit


class PublicationQuerySet(models.QuerySet):
    def published(self) -> "PublicationQuerySet":
        return self.filter(is_published=True)


class Publication(models.Model):
    """The office's choice to show one award or one recognised initiative publicly.
    Unpublishing keeps the row (is_published False), so its history stays with it."""

    award = optional_link(
        AwardRecord, _("khen thưởng"), on_delete=models.CASCADE, field=models.OneToOneField, related_name="publication"
    )
    initiative = optional_link(
        Initiative, _("sáng kiến"), on_delete=models.CASCADE, field=models.OneToOneField, related_name="publication"
    )
    is_published = models.BooleanField(_("đang công bố"), default=True)
    changed_by, changed_at = acted(_("người thực hiện"), _("thời điểm"))

    objects = PublicationQuerySet.as_manager()

    class Meta(named(_("công bố trên trang tôn vinh"))):
        constraints = [
            models.CheckConstraint(
                condition=Q(award__isnull=False, initiative__isnull=True)
                | Q(award__isnull=True, initiative__isnull=False),
                name="publication_one_item",
            ),
        ]

    def __str__(self) -> str:
        return str(self.award or self.initiative)


def public_awards():
    """Awards the office has published, with what a public row shows."""
    return (
        AwardRecord.objects.in_force()
        .filter(publication__is_published=True)
        .select_related("award_type", "person__unit", "unit")
    )


def public_initiatives():
    """Recognised initiatives the office has published."""
    return Initiative.objects.library().filter(publication__is_published=True, state=State.RECOGNISED)
