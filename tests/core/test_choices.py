"""Choice labels from the per-field, per-language dictionary are those Django gives."""

import pytest
from django.db.models.base import Model
from django.utils import translation

from thidua.commendation.models import AwardRecord
from thidua.core.choices import label_of
from thidua.organization.models import Person
from thidua.proposals.models import Proposal

FIELDS = [(Proposal, "state"), (Proposal, "kind"), (Person, "category"), (AwardRecord, "kind")]


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(("model", "name"), FIELDS)
def test_every_label_is_the_one_django_gives(model, name, language):
    field = model._meta.get_field(name)
    with translation.override(language):
        for code, _label in field.flatchoices:
            instance = model(**{field.attname: code})
            assert instance._get_FIELD_display(field) == Model._get_FIELD_display(instance, field)
            assert getattr(instance, f"get_{name}_display")() == Model._get_FIELD_display(instance, field)


def test_labels_follow_the_active_language():
    field = Proposal._meta.get_field("state")
    with translation.override("vi"):
        vietnamese = label_of(field, "submitted")
    with translation.override("en"):
        english = label_of(field, "submitted")
    assert vietnamese != english
    assert vietnamese == "Đã gửi"


def test_a_value_outside_the_choices_is_shown_as_it_is():
    assert label_of(Proposal._meta.get_field("state"), "no-such-state") == "no-such-state"
