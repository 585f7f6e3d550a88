"""Values read from what a client typed — a query string (?year=2026, ?unit=12), a form
field, an Excel cell — checked in one place for the API and the pages alike: numbers in
their range, codes among their choices, text without NUL.

`str.isdigit()` is no check for a number: it is true for "²" (which `int()` refuses) and
for a 30-digit number that no database column holds. Here a number is ASCII digits
only, and each kind has its range: an id fits a 64-bit column, a year is one the
movement can be about, a quarter is 1 to 4.

The API answers an `InvalidParameter` with 400 (`thidua/api/errors.py`); a page ignores
the invalid filter and says so (`for_page`)."""

import datetime
import re
from collections.abc import Callable, Mapping

from django.contrib import messages
from django.utils.translation import gettext

from thidua.core.unicode_text import nfc

MAX_ID = 2**63 - 1  # the largest value of a 64-bit integer column (PostgreSQL bigint, SQLite)
# The largest value each kind of integer column holds on every database the app runs on:
# PostgreSQL's are the narrowest (SQLite holds 64 bits in all of them).
COLUMN_MAX = {
    "SmallIntegerField": 2**15 - 1,
    "PositiveSmallIntegerField": 2**15 - 1,
    "IntegerField": 2**31 - 1,
    "PositiveIntegerField": 2**31 - 1,
    "BigIntegerField": MAX_ID,
    "PositiveBigIntegerField": MAX_ID,
}
YEARS = (2000, 2100)  # the years a plan, a rating or an award may be about (the forms' range too)
QUARTERS = (1, 4)

_DIGITS = re.compile(r"[0-9]{1,19}")  # 19 digits hold any 64-bit value; longer is out of range anyway
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # fromisoformat alone also takes 20261231 and week dates


def to_int(text) -> int | None:
    """`text` (surrounding spaces aside) as a whole number of ASCII digits, else None.
    Longer than 19 digits is None too: no range of this module reaches that far."""
    text = str(text).strip()
    return int(text) if _DIGITS.fullmatch(text) else None


def column_max(model, field_name: str) -> int:
    """The largest value the integer column `model.field_name` holds on any of our databases."""
    return COLUMN_MAX[model._meta.get_field(field_name).get_internal_type()]


def is_year(value: int | None) -> bool:
    return value is not None and YEARS[0] <= value <= YEARS[1]


class InvalidParameter(Exception):
    """A query parameter that is not what it must be; `message` names it and says what to send."""

    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name, self.message = name, message


def integer(params: Mapping, name: str, low: int, high: int, message: str | None = None) -> int | None:
    """The parameter as a whole number from `low` to `high`; None when absent or empty."""
    text = params.get(name, "")
    if text is None or str(text).strip() == "":
        return None
    value = to_int(text)
    if value is None or not low <= value <= high:
        raise InvalidParameter(
            name,
            message
            or gettext("Tham số %(name)s phải là một số nguyên từ %(low)s đến %(high)s.")
            % {"name": name, "low": low, "high": high},
        )
    return value


def identifier(params: Mapping, name: str) -> int | None:
    """The id of an object (a unit, a person, a reporting period…): 1 to 2^63-1."""
    return integer(
        params,
        name,
        1,
        MAX_ID,
        gettext("Tham số %(name)s phải là mã số (id) của một đối tượng: số nguyên dương, tối đa 19 chữ số.")
        % {"name": name},
    )


def year(params: Mapping, name: str = "year") -> int | None:
    low, high = YEARS
    return integer(
        params,
        name,
        low,
        high,
        gettext("Tham số %(name)s phải là một năm từ %(low)s đến %(high)s.") % {"name": name, "low": low, "high": high},
    )


def quarter(params: Mapping, name: str = "quarter") -> int | None:
    low, high = QUARTERS
    return integer(
        params,
        name,
        low,
        high,
        gettext("Tham số %(name)s phải là một quý, từ %(low)s đến %(high)s.")
        % {"name": name, "low": low, "high": high},
    )


def day(params: Mapping, name: str) -> datetime.date | None:
    """The parameter as a date written YYYY-MM-DD; None when absent or empty."""
    text = params.get(name, "")
    if not text:
        return None
    if _DAY.fullmatch(text):
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:  # a day or month out of range, such as 2026-02-30
            pass
    raise InvalidParameter(
        name, gettext("Tham số %(name)s phải là một ngày có thật, dạng YYYY-MM-DD.") % {"name": name}
    )


def choice(params: Mapping, name: str, choices) -> str | None:
    """The parameter as one of `choices` (codes); None when absent or empty."""
    value = params.get(name, "")
    if not value:
        return None
    allowed = [str(code) for code in choices]
    if value not in allowed:
        raise InvalidParameter(
            name,
            gettext("Tham số %(name)s phải là một trong: %(allowed)s.") % {"name": name, "allowed": ", ".join(allowed)},
        )
    return value


def text(params: Mapping, name: str, max_length: int = 200) -> str:
    """The parameter as text to search or match by ("" when absent). PostgreSQL refuses a
    NUL character in any string, so it is refused here, with the length."""
    value = params.get(name, "")
    if "\x00" in value or len(value) > max_length:
        raise InvalidParameter(
            name,
            gettext("Tham số %(name)s phải là văn bản tối đa %(max)s ký tự, không chứa ký tự NUL.")
            % {"name": name, "max": max_length},
        )
    return nfc(value)


def for_page(request, read: Callable[..., int | str | None], name: str, default=None, source: Mapping | None = None):
    """`read(request.GET, name)` (or `source`) for a page's filter: an invalid value is
    ignored with a warning that names it, so the page still shows, with `default`, rather
    than an error page."""
    try:
        value = read(request.GET if source is None else source, name)
    except InvalidParameter as error:
        messages.warning(request, error.message)
        return default
    return default if value is None else value
