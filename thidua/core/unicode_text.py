"""Every text saved is in Unicode NFC. A Vietnamese letter can be typed as one
character ("ễ", NFC) or as a base letter followed by combining marks ("e" + "̂" + "̃",
NFD: some macOS and phone keyboards, text pasted from PDF files). Both look the same on
screen but compare unequal, so a name stored in NFD is not found by a search typed in
NFC, sorts apart and prints with broken marks in some fonts. One `pre_save` receiver
for every model (and the search parameters, `params.text`) turns both into NFC."""

import unicodedata

from django.db import models


def nfc(value):
    """`value` in NFC when it is text; anything else unchanged."""
    if isinstance(value, str) and not unicodedata.is_normalized("NFC", value):
        return unicodedata.normalize("NFC", value)
    return value


def normalise_instance(sender, instance, **kwargs) -> None:
    """The `pre_save` receiver: every CharField and TextField (and their subclasses:
    EmailField, SlugField…) of the instance in NFC."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            normalised = nfc(value)
            if normalised is not value:
                setattr(instance, field.attname, normalised)
