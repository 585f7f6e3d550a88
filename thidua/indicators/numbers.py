"""Numbers as people in Vietnam type them: "12,5" is twelve and a half, "1.234,5" has a
dot between thousands. Used by the value forms, the Excel import, the API and the
quantity of a result, so each accepts the same writing and refuses it in the same words."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext

DECIMAL_PLACES = 2
MAX_WHOLE_DIGITS = 14  # what a DecimalField(max_digits=16, decimal_places=2) holds
QUANTUM = Decimal(1).scaleb(-DECIMAL_PLACES)
_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_GAPS = re.compile(r"[\s\u00a0\u202f']")
_GROUPED = re.compile(r"^[+-]?[1-9]\d{0,2}(\.\d{3})+$")


def _normalise(text: str) -> str:
    """One dot as the decimal point and no thousands marks. With both marks the last
    one is the decimal point; a lone comma is always a decimal comma. Dots that split
    the digits in groups of three ("9.800", "1.250.000") separate thousands, as in
    Vietnamese writing: read as decimals they would have too many places anyway. Any
    other lone dot is a decimal point ("12.5", as programs send it)."""
    text = _GAPS.sub("", text).replace("\u2212", "-").removesuffix("%")
    if "," in text and "." in text:
        thousands = "." if text.rfind(",") > text.rfind(".") else ","
        text = text.replace(thousands, "")
    elif _GROUPED.match(text):
        text = text.replace(".", "")
    return text.replace(",", ".")


def parse_decimal(raw) -> Decimal:
    """The number in `raw` (text, int, float or Decimal). Raises ValidationError with a
    message that quotes what was typed and shows how to write it."""
    if isinstance(raw, bool):
        raise _not_a_number(raw)
    if isinstance(raw, int | Decimal):
        return _checked(Decimal(raw), raw)
    if isinstance(raw, float):
        return _checked(Decimal(repr(raw)), raw)
    text = _normalise(str(raw).strip())
    if not _PLAIN.match(text):
        raise _not_a_number(raw)
    try:
        return _checked(Decimal(text), raw)
    except InvalidOperation as exc:
        raise _not_a_number(raw) from exc


def _not_a_number(raw) -> ValidationError:
    return ValidationError(
        gettext("«%(value)s» không phải là một số. Hãy nhập chữ số, dùng dấu phẩy cho phần thập phân, ví dụ 12,5.")
        % {"value": raw},
        code="not_a_number",
    )


def _checked(value: Decimal, raw) -> Decimal:
    if not value.is_finite():
        raise _not_a_number(raw)
    if abs(value) >= Decimal(10) ** MAX_WHOLE_DIGITS:
        raise ValidationError(gettext("«%(value)s» quá lớn.") % {"value": raw}, code="too_large")
    if value != value.quantize(QUANTUM):
        raise ValidationError(
            gettext("«%(value)s» có quá %(places)s chữ số sau dấu phẩy. Hãy làm tròn, ví dụ 12,35.")
            % {"value": raw, "places": DECIMAL_PLACES},
            code="too_precise",
        )
    return value.quantize(QUANTUM)


def format_number(value: Decimal | None) -> str:
    """A stored number written back the way the interface language writes it, without
    trailing zeros: Decimal("12.50") → "12,5" in Vietnamese."""
    if value is None:
        return ""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", formats.get_format("DECIMAL_SEPARATOR"))


class DecimalTextField(forms.CharField):
    """A text box for a number that accepts a decimal comma, so "12,5" is not refused
    as it would be by a browser's number input."""

    def __init__(self, *, min_value: Decimal | None = None, **kwargs):
        self.min_value = min_value
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return format_number(value) if isinstance(value, Decimal) else value

    def to_python(self, value) -> Decimal | None:
        text = super().to_python(value)
        return parse_decimal(text) if text else None

    def validate(self, value) -> None:
        super().validate("" if value is None else str(value))
        if value is not None and self.min_value is not None and value < self.min_value:
            raise ValidationError(
                gettext("Giá trị không được nhỏ hơn %(min)s (đã nhập %(value)s).")
                % {"min": format_number(self.min_value), "value": format_number(value)},
                code="min_value",
            )
