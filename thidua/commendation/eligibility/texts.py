"""The engine's texts, translated once per language and message.

Evaluating a province writes a few hundred thousand conditions, and Django's `gettext`
costs tens of microseconds a call (it looks the active language up in request-local
storage each time), which made translation most of the engine's time. Catalogues do
not change while a process runs, so a translated text is kept for the process's life,
as Django keeps the catalogues themselves; `one_language()` reads the active language
once for a whole evaluation."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.utils import translation

_translated: dict[tuple[str | None, str], str] = {}
_language: ContextVar[str | None] = ContextVar("eligibility_language", default=None)


def gettext(message: str) -> str:
    key = (_language.get() or translation.get_language(), message)
    found = _translated.get(key)
    if found is None:
        found = _translated[key] = translation.gettext(message)
    return found


def label(choices, code: str) -> str:
    """The translated label of a code of `choices` (a TextChoices), kept like the texts."""
    key = (_language.get() or translation.get_language(), f"{choices.__name__}:{code}")
    found = _translated.get(key)
    if found is None:
        found = _translated[key] = str(choices(code).label)
    return found


@contextmanager
def one_language():
    """Within the block, the language active on entry is used without asking again."""
    token = _language.set(translation.get_language())
    try:
        yield
    finally:
        _language.reset(token)
