"""Writing the activity log. Every change to domain data goes through `record` (directly
or through `save_with_history`, or `update_once` for a change made once only), so "who
changed this, when, from what to what" is one query on ActivityLog."""

import datetime
import decimal

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from thidua.core.middleware import current_request_id
from thidua.core.models import ActivityLog


def _plain(value):
    if isinstance(value, datetime.date | datetime.datetime | datetime.time | decimal.Decimal):
        return str(value)
    return value


def snapshot(obj: models.Model) -> dict:
    """The stored values of an object's own columns, JSON-ready."""
    return {f.attname: _plain(getattr(obj, f.attname)) for f in obj._meta.concrete_fields}


def diff(before: dict, after: dict) -> dict:
    return {key: [before.get(key), value] for key, value in after.items() if before.get(key) != value}


def record(*, actor, obj: models.Model, action: str, changes: dict | None = None, note: str = "") -> ActivityLog:
    return ActivityLog.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        changes=changes or {},
        note=note,
        request_id=current_request_id(),
    )


def stored_snapshot(obj: models.Model) -> dict:
    """What the database holds now for `obj` (empty for a new object)."""
    if obj.pk is None:
        return {}
    stored = type(obj)._default_manager.filter(pk=obj.pk).first()
    return snapshot(stored) if stored else {}


@transaction.atomic
def save_with_history(obj: models.Model, *, actor, note: str = "") -> models.Model:
    """Save `obj` and log the difference from what was stored. Nothing is logged when
    nothing changed."""
    before = stored_snapshot(obj)
    created = not before
    obj.save()
    changes = diff(before, snapshot(obj))
    if created or changes:
        record(
            actor=actor,
            obj=obj,
            action=ActivityLog.Action.CREATED if created else ActivityLog.Action.CHANGED,
            changes=changes,
            note=note,
        )
    return obj


@transaction.atomic
def update_once(
    obj: models.Model, *, actor, values: dict, where: dict | None = None, note: str = "", also: dict | None = None
) -> bool:
    """Set `values` on the object's row by one UPDATE that applies only while the row
    still holds `where` (… WHERE pk = obj.pk AND where): of two simultaneous attempts
    exactly one applies it, on SQLite and PostgreSQL alike. When it applied, log
    `{field: [from, to]}`, the *from* values as the object held them and the *to* values
    as stored, plus `also` (figures that are no column), and return True. The object is
    read again either way, so it shows what the winner stored."""
    fields = {name: obj._meta.get_field(name).attname for name in values}
    before = {attname: _plain(getattr(obj, attname)) for attname in fields.values()}
    updated = type(obj)._default_manager.filter(pk=obj.pk, **(where or {})).update(**values)
    obj.refresh_from_db()
    if updated:
        changes = {attname: [before[attname], _plain(getattr(obj, attname))] for attname in fields.values()}
        record(actor=actor, obj=obj, action=ActivityLog.Action.CHANGED, changes=changes | (also or {}), note=note)
    return bool(updated)


@transaction.atomic
def delete_with_history(obj: models.Model, *, actor, note: str = "") -> None:
    record(actor=actor, obj=obj, action=ActivityLog.Action.DELETED, changes=diff(snapshot(obj), {}), note=note)
    obj.delete()
