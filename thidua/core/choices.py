"""Choice labels looked up in a dictionary made once per field and language.

Django's `get_FOO_display` builds a dictionary of the field's choices on every call,
hashing each lazily translated label, which translates it: about 45 µs a call, and a
list page makes about a hundred. The labels of a field do not change while a process
runs, so the dictionary is kept per field and language."""

from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language

_labels: dict[tuple[int, str | None], dict] = {}


def label_of(field, value):
    """The label of `value` among `field`'s choices in the active language, or the
    value itself when it is not one of them (as `get_FOO_display` does)."""
    key = (id(field), get_language())
    labels = _labels.get(key)
    if labels is None:
        labels = _labels[key] = {make_hashable(code): str(label) for code, label in field.flatchoices}
    return force_str(labels.get(make_hashable(value), value), strings_only=True)


class ChoiceLabels(models.Model):
    """Base for models shown in lists: every `get_FOO_display` uses `label_of`."""

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field):  # the method Django's get_FOO_display calls
        return label_of(field, getattr(self, field.attname))
