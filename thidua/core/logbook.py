"""The activity log read as a logbook: "Nguyễn Văn A chuyển trạng thái: Nháp → Đã gửi",
each change under the field's label (its verbose_name), values as the page shows them
(a choice's label, "Có"/"Không", a date as 05/03/2026, a number as 12.000), never the
database's column names or raw values. Rows store `{attname: [from, to]}` (core/history);
this module only reads them, so old rows read the same way."""

import datetime
import decimal
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext, gettext_lazy

from thidua.core.codes import named_titles
from thidua.core.models import ActivityLog
from thidua.core.numerals import vn_number

# Columns that are the database's own bookkeeping, not something the office changed.
_BOOKKEEPING = {"id", "version", "request_id"}

# Keys some services log that are no column of the model (`record(changes=…)`).
_EXTRA_LABELS = {
    "tac_gia": gettext_lazy("Tác giả"),
    "results": gettext_lazy("Kết quả chấm"),
}


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class Entry:
    """One row of the log as a sentence: `summary` says what was done ("chuyển trạng
    thái: Nháp → Đã gửi"), `changes` the other fields that changed."""

    summary: str
    changes: list[Change]


def _field(model, key: str):
    if model is None:
        return None
    for field in model._meta.concrete_fields:
        if key in (field.name, field.attname):
            return field
    try:
        return model._meta.get_field(key)
    except FieldDoesNotExist:
        return None


def _date(text: str) -> str:
    for parse, shape in (
        (datetime.datetime.fromisoformat, "%d/%m/%Y %H:%M"),
        (datetime.date.fromisoformat, "%d/%m/%Y"),
    ):
        try:
            value = parse(text)
        except ValueError:
            continue
        if isinstance(value, datetime.datetime) and not (value.hour or value.minute):
            return value.strftime("%d/%m/%Y")
        return value.strftime(shape)
    return text


def shown(field, value) -> str:
    """A stored value as the page shows it."""
    if value is None or value == "":
        return gettext("(trống)")
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("Có") if value else gettext("Không")
    if isinstance(field, models.DateField | models.DateTimeField) and isinstance(value, str):
        return _date(value)
    if isinstance(field, models.DecimalField | models.FloatField | models.IntegerField) or isinstance(
        value, int | float | decimal.Decimal
    ):
        try:
            return vn_number(decimal.Decimal(str(value)))
        except decimal.InvalidOperation:
            return str(value)
    if isinstance(value, list | dict):
        return gettext("(đã cập nhật)")
    text = str(value)
    return text if len(text) <= 120 else text[:119] + "…"


def _label(field, key: str) -> str | None:
    """The field's label, None for a column not to show."""
    if key in _BOOKKEEPING or (field is not None and field.primary_key):
        return None
    if field is None:
        label = _EXTRA_LABELS.get(key)
        return str(label) if label else key.replace("_", " ")
    return str(field.verbose_name)[:1].upper() + str(field.verbose_name)[1:]


def _change(model, key: str, pair) -> Change | None:
    field = _field(model, key)
    label = _label(field, key)
    if label is None:
        return None
    before, after = (list(pair) + [None, None])[:2] if isinstance(pair, list | tuple) else (None, pair)
    if isinstance(field, models.ForeignKey | models.JSONField) or isinstance(after, list | dict):
        # An id or a structure says nothing to the reader: the change is named, not shown.
        return Change(label, "", gettext("đã thay đổi"))
    return Change(label, shown(field, before), shown(field, after))


def entry(row: ActivityLog) -> Entry:
    """`row` as a logbook line (the model is read from Django's content type cache, so a
    page of rows reads nothing more from the database)."""
    model = ContentType.objects.get_for_id(row.content_type_id).model_class()
    changes = dict(row.changes or {})
    summary = row.get_action_display()
    if row.action == ActivityLog.Action.TRANSITION and "state" in changes:
        before, after = changes.pop("state")
        state = _field(model, "state")
        summary = gettext("chuyển trạng thái: %(before)s → %(after)s") % {
            "before": shown(state, before),
            "after": shown(state, after),
        }
    elif row.action in (ActivityLog.Action.CREATED, ActivityLog.Action.DELETED, ActivityLog.Action.IMPORTED):
        # A new or deleted row lists every column: the object's name says enough.
        summary = f"{summary.lower()} «{named_titles(row.object_repr)}»"
        return Entry(summary, [])
    else:
        summary = summary.lower()
    found = (_change(model, key, pair) for key, pair in changes.items())
    return Entry(summary, [c for c in found if c is not None])
