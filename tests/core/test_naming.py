"""A model's name is declared once; Vietnamese keeps it for the plural, English makes
the plural from the singular's translation."""

import pytest
from django.apps import apps
from django.utils import translation

from thidua.core.naming import english_plural

OURS = [m for m in apps.get_models() if m.__module__.startswith("thidua.") and m._meta.verbose_name_plural]


@pytest.mark.parametrize("model", OURS, ids=lambda m: m.__name__)
def test_vietnamese_plural_is_the_singular(model):
    with translation.override("vi"):
        assert str(model._meta.verbose_name_plural) == str(model._meta.verbose_name)


def test_english_plurals_read_as_english():
    from thidua.organization.models import Person, Unit
    from thidua.plans.models import Criterion

    with translation.override("en"):
        assert str(Unit._meta.verbose_name_plural) == "units"
        assert str(Person._meta.verbose_name_plural) == "staff"
        assert str(Criterion._meta.verbose_name_plural) == "emulation criteria"


@pytest.mark.parametrize(
    ("singular", "plural"),
    [
        ("unit report", "unit reports"),
        ("base salary", "base salaries"),
        ("legal basis", "legal bases"),
        ("scoring criterion", "scoring criteria"),
        ("conflict of interest declaration", "conflict of interest declarations"),
        ("evidence", "evidence"),
        ("box", "boxes"),
        ("day", "days"),
    ],
)
def test_english_plural_rule(singular, plural):
    assert english_plural(singular) == plural
