"""The widths of a data table's columns, chosen from what the table holds.

Equal columns made "STT" as wide as a person's name, so names and units wrapped over
four or five lines. Here each column gets what its content needs, as a clerk would set
it by hand in Word:

- the running number ("STT") is 1 cm;
- a column of numbers is as wide as its longest number (or a word of its heading) and
  aligned right;
- text columns get at least their longest word, so no word is broken, and share the
  rest of the width by how much text they hold.

Widths are estimated from Times New Roman's character widths at the table's size; the
estimate errs on the wide side, so a word that fits here fits on paper.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from docx.shared import Cm, Length

INDEX_WIDTH = Cm(1)
# Word's default side margins of a cell (0,19 cm each side); the STT column uses less.
CELL_PADDING = Cm(0.38)
INDEX_PADDING = Cm(0.1)
MIN_NUMBER_WIDTH = Cm(1.3)
# A text column asks for its longest cell on one line, up to this width.
MAX_NATURAL_WIDTH = Cm(8)

INDEX_HEADINGS = {"stt", "tt", "số tt"}
NUMBER = re.compile(r"^[\d.,%+\-–\s/]+$")

# Times New Roman advance widths, in ems, rounded up; accents do not widen a letter.
_WIDE = set("MWmwĐ")
_UPPER_EM, _DIGIT_EM, _LOWER_EM, _WIDE_EM, _NARROW_EM, _SPACE_EM = 0.72, 0.5, 0.47, 0.94, 0.28, 0.25
_NARROW = set("iljtfrI.,;:'!()[]|-")


@dataclass(frozen=True)
class Column:
    width: Length
    kind: str  # "index", "number" or "text"


def text_width(text: str, size: Length) -> Length:
    """The printed width of `text` on one line at `size`."""
    ems = 0.0
    for char in text:
        if char.isspace():
            ems += _SPACE_EM
        elif char in _WIDE:
            ems += _WIDE_EM
        elif char in _NARROW:
            ems += _NARROW_EM
        elif char.isdigit():
            ems += _DIGIT_EM
        elif char.isupper():
            ems += _UPPER_EM
        else:
            ems += _LOWER_EM
    return Length(int(ems * size))


def longest_word(texts: Sequence[str], size: Length) -> Length:
    return max((text_width(word, size) for text in texts for word in text.split()), default=Length(0))


def kind_of(position: int, heading: str, values: Sequence[str]) -> str:
    filled = [v for v in values if v.strip()]
    if position == 0 and (heading.strip().lower() in INDEX_HEADINGS or (filled and all(v.isdigit() for v in filled))):
        return "index"
    if filled and all(NUMBER.match(v) for v in filled):
        return "number"
    return "text"


def choose(rows: Sequence[Sequence[str]], header: Sequence[str] | None, total: Length, size: Length):
    """One `Column` per column of `rows`, together exactly `total` wide."""
    count = len(header) if header else len(rows[0])
    headings = list(header) if header else [""] * count
    columns = [[str(row[i]) for row in rows] for i in range(count)]
    kinds = [kind_of(i, headings[i], columns[i]) for i in range(count)]
    lows, wants = [], []
    for kind, heading, values in zip(kinds, headings, columns, strict=True):
        low, want = _needs(kind, heading, values, size)
        lows.append(low)
        wants.append(want)
    widths = _share(kinds, lows, wants, total)
    return [Column(Length(w), k) for w, k in zip(widths, kinds, strict=True)]


def _needs(kind: str, heading: str, values: list[str], size: Length) -> tuple[int, int]:
    """The least width that breaks no word, and the width the column would like."""
    if kind == "index":
        return INDEX_WIDTH, INDEX_WIDTH
    # The heading is bold, about a twelfth wider.
    word = max(longest_word([heading], size) * 13 // 12, longest_word(values, size)) + CELL_PADDING
    if kind == "number":
        longest = max((text_width(v, size) for v in values), default=0) + CELL_PADDING
        width = max(word, longest, MIN_NUMBER_WIDTH)
        return width, width
    natural = max((text_width(v, size) for v in values), default=0) + CELL_PADDING
    return word, max(word, min(natural, MAX_NATURAL_WIDTH))


def _share(kinds: list[str], lows: list[int], wants: list[int], total: int) -> list[int]:
    fixed = sum(w for w, k in zip(wants, kinds, strict=True) if k != "text")
    texts = [i for i, k in enumerate(kinds) if k == "text"]
    if not texts:
        return _scaled(wants, total)
    room = total - fixed
    low = sum(lows[i] for i in texts)
    want = sum(wants[i] for i in texts)
    if room < low:
        # Too many columns for the page: every column gives up width in proportion.
        return _scaled([lows[i] if i in texts else wants[i] for i in range(len(kinds))], total)
    widths = list(wants)
    if want <= room:
        for i in texts:
            widths[i] = wants[i] + (room - want) * wants[i] // want
    else:
        extra = want - low
        for i in texts:
            widths[i] = lows[i] + (room - low) * (wants[i] - lows[i]) // extra if extra else lows[i]
    widths[texts[-1]] += total - sum(widths)  # the rounding's remainder
    return widths


def _scaled(widths: list[int], total: int) -> list[int]:
    scaled = [w * total // sum(widths) for w in widths]
    scaled[-1] += total - sum(scaled)
    return scaled
