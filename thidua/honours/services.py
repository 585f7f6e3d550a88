"""Every change to what the public honours page shows goes through these functions; the
office's pages and the demo data call the same ones. Each checks the office's right
(PermissionDenied), what may be published (ValidationError, Vietnamese), and saves
through the activity log, so "who published or unpublished this, when" is one query."""

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from thidua.commendation.models import AwardRecord
from thidua.core.codes import State
from thidua.core.history import save_with_history
from thidua.core.permissions import require
from thidua.core.uploads import validate_evidence
from thidua.honours import rules
from thidua.honours.models import OutstandingExample, Publication, new_photo_path
from thidua.initiatives.models import Initiative
from thidua.organization.models import User

PHOTO_EXTENSIONS = ("jpg", "jpeg", "png")
PUBLISHED_NOTE = "Công bố trên trang tôn vinh"
UNPUBLISHED_NOTE = "Gỡ khỏi trang tôn vinh"


def _office_only() -> str:
    return gettext("Chỉ Văn phòng Sở chọn nội dung công bố trên trang tôn vinh.")


def validate_photo(upload) -> None:
    """A photo is a real .jpg or .png: the extension, then the content (a renamed file
    is refused by `validate_evidence`)."""
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in PHOTO_EXTENSIONS:
        raise ValidationError(
            gettext("Tệp «%(name)s» không phải là ảnh. Hãy chọn ảnh .jpg hoặc .png.") % {"name": upload.name}
        )
    validate_evidence(upload)


def _check_example(example: OutstandingExample) -> None:
    errors = {}
    if (example.person_id is None) == (example.unit_id is None):
        errors["subject"] = gettext("Hãy chọn đúng một cá nhân hoặc một tập thể.")
    if not example.title.strip():
        errors["title"] = gettext("Hãy nhập tiêu đề điển hình.")
    if not example.text.strip():
        errors["text"] = gettext("Hãy viết bài giới thiệu điển hình.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_example(*, actor: User, example: OutstandingExample, photo=None) -> OutstandingExample:
    """Create or change an outstanding example, with an optional photo. Saving never
    publishes it. Side effects: the example saved and logged; the photo stored under a
    random name. Raises ValidationError for a missing subject, title or text, or a
    photo that is not an image."""
    require(rules.can_write_example(actor, example), _office_only())
    _check_example(example)
    if photo is not None:
        try:
            validate_photo(photo)
        except ValidationError as exc:
            raise ValidationError({"photo": exc.messages}) from exc
        example.photo = default_storage.save(new_photo_path(), photo)
        example.photo_name = photo.name[:255]
    if example.pk is None and getattr(actor, "is_authenticated", False):
        example.created_by = actor
    return save_with_history(example, actor=actor)


def publish_example(*, actor: User, example: OutstandingExample) -> OutstandingExample:
    """Put an example on the public page. Side effects: is_published and the time,
    logged. Publishing what is already public changes nothing."""
    require(rules.can_publish(actor, example), _office_only())
    if example.is_published:
        return example
    example.is_published, example.published_at = True, timezone.now()
    return save_with_history(example, actor=actor, note=PUBLISHED_NOTE)


def unpublish_example(*, actor: User, example: OutstandingExample) -> OutstandingExample:
    require(rules.can_publish(actor, example), _office_only())
    if not example.is_published:
        return example
    example.is_published = False
    return save_with_history(example, actor=actor, note=UNPUBLISHED_NOTE)


def _set_publication(actor: User, published: bool, **item) -> Publication:
    row = Publication.objects.filter(**item).first() or Publication(is_published=not published, **item)
    if row.pk is not None and row.is_published == published:
        return row
    row.is_published, row.changed_by, row.changed_at = published, _account(actor), timezone.now()
    try:
        with transaction.atomic():
            return save_with_history(row, actor=actor, note=PUBLISHED_NOTE if published else UNPUBLISHED_NOTE)
    except IntegrityError:  # the same item published at the same moment from another window
        return Publication.objects.get(**item)


def _account(actor: User | None):
    return actor if getattr(actor, "is_authenticated", False) else None


def check_award(award: AwardRecord) -> None:
    if not (award.decision_number and award.decision_date):
        raise ValidationError(
            gettext(
                "Chỉ công bố khen thưởng đã có quyết định (số và ngày quyết định). «%(award)s» chưa ghi quyết định."
            )
            % {"award": award}
        )
    if award.is_revoked:
        raise ValidationError(
            gettext("«%(award)s» đã bị hủy bỏ theo Quyết định số %(number)s: không công bố khen thưởng đã hủy bỏ.")
            % {"award": award, "number": award.revoked_number}
        )


@transaction.atomic
def publish_award(*, actor: User, award: AwardRecord) -> Publication:
    """Show a decided award on the public page. Side effects: its Publication row
    created or switched on, logged. Raises ValidationError for an award without a
    decision number and date."""
    require(rules.can_publish(actor, award), _office_only())
    check_award(award)
    return _set_publication(actor, True, award=award)


@transaction.atomic
def unpublish_award(*, actor: User, award: AwardRecord) -> Publication:
    require(rules.can_publish(actor, award), _office_only())
    return _set_publication(actor, False, award=award)


@transaction.atomic
def publish_awards_of_year(*, actor: User, year: int, awards) -> int:
    """Publish every decided award of `year` among `awards` not public yet; those
    without a decision are left out, and each award is asked `can_publish` like one
    published alone. Returns how many were published."""
    require(rules.can_manage(actor), _office_only())
    chosen = list(
        awards.in_force()
        .filter(year=year)
        .exclude(decision_number="")
        .exclude(decision_date__isnull=True)
        .exclude(publication__is_published=True)
        .select_related("person")
    )
    for award in chosen:
        require(rules.can_publish(actor, award), _office_only())
    return len([_set_publication(actor, True, award=award) for award in chosen])


@transaction.atomic
def publish_initiative(*, actor: User, initiative: Initiative) -> Publication:
    """Show a recognised initiative on the public page, to be replicated. Side effects:
    its Publication row created or switched on, logged. Raises ValidationError for an
    initiative that is not recognised (a draft, one under review, one refused)."""
    require(rules.can_publish(actor, initiative), _office_only())
    if initiative.state != State.RECOGNISED:
        raise ValidationError(
            gettext("Chỉ công bố sáng kiến đã được công nhận; sáng kiến «%(title)s» đang ở trạng thái «%(state)s».")
            % {"title": initiative.title, "state": initiative.get_state_display()}
        )
    return _set_publication(actor, True, initiative=initiative)


@transaction.atomic
def unpublish_initiative(*, actor: User, initiative: Initiative) -> Publication:
    require(rules.can_publish(actor, initiative), _office_only())
    return _set_publication(actor, False, initiative=initiative)
