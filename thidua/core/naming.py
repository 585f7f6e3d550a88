"""A model's name, declared once.

Vietnamese nouns have no plural form, so a model's plural name is its singular name. The
English plural is made from the singular's translation, by the rule below and the
exceptions it cannot make. Each model's `Meta` inherits both names from `named(...)`, so
the name is written once and the catalogue holds it once."""

from django.utils import translation
from django.utils.functional import lazy

# English singulars whose plural the rule does not make (irregular nouns, and names
# whose noun is not the last word).
ENGLISH_PLURALS = {
    "staff member": "staff",
    "title / form of commendation": "titles / forms of commendation",
    "commendation received": "commendations received",
    "discipline": "disciplinary measures",
    "under review": "under review",
    "change history entry": "change history",
    "proposal put to the Council": "proposals put to the Council",
    "publication on the honours page": "publications on the honours page",
    "unit applying the initiative": "units applying the initiative",
    "Certificate of Commendation template": "Certificate of Commendation templates",
    "evidence": "evidence",
    "mid-term or final review": "mid-term and final reviews",
    "document number given": "document numbers given",
    "document wording": "document wording",
}
ENDINGS = (("criterion", "criteria"), ("basis", "bases"))


def english_plural(singular: str) -> str:
    if singular in ENGLISH_PLURALS:
        return ENGLISH_PLURALS[singular]
    for ending, plural in ENDINGS:
        if singular.endswith(ending):
            return singular[: -len(ending)] + plural
    if singular.endswith("y") and singular[-2:-1] not in ("a", "e", "i", "o", "u"):
        return singular[:-1] + "ies"
    if singular.endswith(("s", "x", "ch", "sh")):
        return singular + "es"
    return singular + "s"


def _plural(singular) -> str:
    text = str(singular)
    if (translation.get_language() or "").startswith("en"):
        return english_plural(text)
    return text


plural = lazy(_plural, str)


def named(singular):
    """The names a model's `Meta` inherits: `class Meta(named(_("đơn vị"))):`."""
    return type("Names", (), {"verbose_name": singular, "verbose_name_plural": plural(singular)})
