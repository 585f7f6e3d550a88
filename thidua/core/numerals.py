"""Numbers as an official document writes them, whatever the interface language: a dot
between thousands and a decimal comma ("15.000", "96,5", "1.234,25"). Every document
(Word and the text of Excel captions) prints numbers through `vn_number`, so a figure
reads the same in the report, the review, the achievement report and the decision."""

from decimal import ROUND_HALF_UP, Decimal


def vn_number(value, places: int = 2) -> str:
    """`value` (int, Decimal, float or None) rounded half up to at most `places` decimals,
    without trailing zeros: 15000 → "15.000", Decimal("96.50") → "96,5", None → ""."""
    if value is None or isinstance(value, bool):
        return ""
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{abs(number):f}".partition(".")
    fraction = fraction.rstrip("0")
    grouped = f"{int(whole):,}".replace(",", ".")
    sign = "-" if number < 0 and (int(whole) or fraction) else ""
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


def vn_percent(value, places: int = 1) -> str:
    """A share already in percent, with its sign: 96.5 → "96,5%"; None → ""."""
    text = vn_number(value, places)
    return f"{text}%" if text else ""
