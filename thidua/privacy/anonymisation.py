"""Anonymising a person who has left (Nghị định 13/2023/NĐ-CP: personal data is not kept
longer than its purpose needs). Done once, by the office, and cannot be undone.

What goes: the name (replaced by `label(person)`), the staff code, birth date, ethnicity,
e-mail and position; the account's sign-in name, e-mail and names, its password, its
roles and its in-app notices; the sign-in history; the photo and the public showing of
outstanding examples about the person and of their awards; personal values in the
activity log's rows about the person and the account.

What stays: gender, category and unit (last years' figures by unit, category and gender
stay right); the person's results, registrations, initiatives, ratings, proposals and
scores, shown under the neutral label; and the register of awards with the name as
awarded (`AwardRecord.recipient_name`, and a decided proposal's `decided_name`): a
register of awards has legal retention value."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models import Value
from django.db.models.functions import Replace
from django.utils import timezone
from django.utils.translation import gettext

from thidua.commendation.models import AwardRecord
from thidua.core.history import record
from thidua.core.models import ActivityLog
from thidua.core.permissions import require
from thidua.honours.models import OutstandingExample, Publication
from thidua.notifications.models import Notice
from thidua.organization import rules
from thidua.organization.models import Membership, Person, User

REMOVED = "(đã xóa)"
# Columns of a person and of an account whose values are cleared, here and in the log.
PERSON_FIELDS = ("full_name", "code", "birth_date", "ethnicity", "email", "position")
ACCOUNT_FIELDS = ("username", "email", "first_name", "last_name", "password")


def label(person: Person) -> str:
    """The neutral name an anonymised person is shown under: stored data, like names."""
    return f"Người đã nghỉ việc #{person.pk}"


def check(actor, person: Person) -> None:
    """Raises PermissionDenied or ValidationError, with the reason, when `actor` may not
    anonymise `person` now."""
    require(
        rules.can_manage_personal_data(actor) and rules.can_see_person(actor, person),
        gettext("Chỉ Văn phòng Sở được ẩn danh hóa cán bộ đã nghỉ việc."),
    )
    if person.is_anonymised:
        raise ValidationError(
            gettext("Cán bộ này đã được ẩn danh hóa ngày %(date)s.")
            % {"date": timezone.localtime(person.anonymised_at).strftime("%d/%m/%Y")}
        )
    if rules.is_self(actor, person):
        raise ValidationError(gettext("Không thể tự ẩn danh hóa chính mình: hãy nhờ một cán bộ khác của Văn phòng."))


@transaction.atomic
def anonymise(*, actor: User, person: Person) -> Person:
    """Anonymise `person` (see the module's text). Side effects: the rows above changed
    or removed, one activity-log row "anonymised" naming what was cleared (never the
    values). Raises as `check` does; of two simultaneous requests one wins, the other
    is told it is already done."""
    person = Person.objects.select_for_update(of=("self",)).select_related("user").get(pk=person.pk)
    check(actor, person)
    old_name = person.full_name
    _keep_register_names(person)
    _withdraw_from_public_page(actor, person)
    _scrub_person(person)
    if person.user is not None:
        _scrub_account(person.user, person)
    _scrub_log(person, old_name)
    record(
        actor=actor,
        obj=person,
        action=ActivityLog.Action.ANONYMISED,
        changes={name: [REMOVED, _shown(getattr(person, name))] for name in PERSON_FIELDS},
        note=gettext("Ẩn danh hóa cán bộ đã nghỉ việc; sổ khen thưởng giữ họ tên như khi được khen thưởng."),
    )
    return person


def _shown(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def _keep_register_names(person: Person) -> None:
    """Awards stored before names were kept on them take the name now, before it goes."""
    AwardRecord.objects.filter(person=person, recipient_name="").update(recipient_name=person.full_name)


def _withdraw_from_public_page(actor, person: Person) -> None:
    """Someone who left is no longer shown publicly: their examples and their awards are
    unpublished (logged as the office's unpublishing is), an example's photo deleted."""
    from thidua.honours import services as honours

    for example in OutstandingExample.objects.filter(person=person):
        honours.unpublish_example(actor=actor, example=example)
        if example.photo:
            default_storage.delete(example.photo)
            OutstandingExample.objects.filter(pk=example.pk).update(photo="", photo_name="")
    for publication in Publication.objects.filter(award__person=person, is_published=True).select_related("award"):
        honours.unpublish_award(actor=actor, award=publication.award)


def _scrub_person(person: Person) -> None:
    person.full_name = label(person)
    person.code = f"AN-{person.pk}"
    person.birth_date = None
    person.ethnicity = ""
    person.email = ""
    person.position = ""
    person.anonymised_at = timezone.now()
    person.save()


def _scrub_account(user: User, person: Person) -> None:
    """No sign-in, no roles, nothing left to read: the account stays only so the log's
    "who did it" still points somewhere."""
    old_username = user.username
    user.username = f"an-danh-{user.pk}"
    user.email = user.first_name = user.last_name = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()  # also ends every open session of the account
    user.save()
    Membership.objects.filter(user=user).delete()
    Notice.objects.filter(user=user).delete()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=old_username).delete()


def _scrub_log(person: Person, old_name: str) -> None:
    """Personal values in the log's rows about the person and the account become
    REMOVED; the descriptions of rows about the person's records name the label."""
    _clear_values(person, PERSON_FIELDS, label(person))
    if person.user is not None:
        _clear_values(person.user, ACCOUNT_FIELDS, person.user.username)
    for model, field in _records_of_person():
        ids = [str(pk) for pk in model.objects.filter(**{field: person}).values_list("pk", flat=True)]
        if ids:
            ActivityLog.objects.filter(
                content_type=ContentType.objects.get_for_model(model), object_id__in=ids, object_repr__contains=old_name
            ).update(object_repr=Replace("object_repr", Value(old_name), Value(label(person))))


def _clear_values(obj: models.Model, fields: tuple[str, ...], shown_as: str) -> None:
    rows = list(ActivityLog.objects.for_object(obj))
    for row in rows:
        row.object_repr = shown_as
        row.changes = {key: _removed(pair) if key in fields else pair for key, pair in row.changes.items()}
    ActivityLog.objects.bulk_update(rows, ["object_repr", "changes"], batch_size=500)


def _removed(pair):
    """[from, to] with each value that was set replaced by REMOVED."""
    if isinstance(pair, list):
        return [None if value in (None, "") else REMOVED for value in pair]
    return REMOVED


def _records_of_person() -> list[tuple[type[models.Model], str]]:
    """(model, field) of every model with a foreign key to Person, but the register of
    awards (which keeps the name as awarded)."""
    from django.apps import apps

    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is Person and model is not AwardRecord:
                found.append((model, field.name))
    return found
