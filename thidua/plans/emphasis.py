"""The italics and bold of the signed plan, kept apart from its texts. The texts are
stored as plain words (searchable, shown on the pages, quoted by other documents); the
plan's `emphasis` lists, one a line, each passage the signed text emphasises, written
as there: `“*xanh-số*”` (italic inside the quotes), `(*qua Văn phòng Sở tổng hợp*)`,
`**trước ngày 15/12**`. The marks' surroundings (quotes, brackets) tie a short word to
its place; the Word export sets every occurrence of a passage in the plan's body as
marked."""

import re
from typing import NamedTuple

from thidua.documents.nd30 import Span

_MARK = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")


class Passage(NamedTuple):
    """A passage without its marks, and its parts with their emphasis."""

    text: str
    spans: tuple[Span, ...]


def passage(line: str) -> Passage | None:
    """`“*3 an*”` → Passage("“3 an”", (Span("“"), Span("3 an", italic=True), Span("”")));
    None for a line with no mark."""
    spans, at = [], 0
    for found in _MARK.finditer(line):
        if found.start() > at:
            spans.append(Span(line[at : found.start()]))
        bold, italic = found.group(1), found.group(2)
        spans.append(Span(bold, bold=True) if bold is not None else Span(italic, italic=True))
        at = found.end()
    if not any(span.bold or span.italic for span in spans):
        return None
    if at < len(line):
        spans.append(Span(line[at:]))
    return Passage("".join(span.text for span in spans), tuple(spans))


def passages(emphasis: str) -> list[Passage]:
    """The plan's passages, longest first so that a passage inside another yields."""
    found = [passage(line.strip()) for line in (emphasis or "").splitlines() if line.strip()]
    return sorted((p for p in found if p is not None), key=lambda p: -len(p.text))


def emphasise(spans: list[Span], marked: list[Passage]) -> list[Span]:
    """`spans` with every passage of `marked` found in a plain span set as marked. A
    span that already carries emphasis (set by the layout) is left as it is."""
    for item in marked:
        spans = [part for span in spans for part in _split(span, item)]
    return [span for span in spans if span.text]


def _split(span: Span, item: Passage) -> list[Span]:
    if span.bold or span.italic or item.text not in span.text:
        return [span]
    before, _, after = span.text.partition(item.text)
    return [Span(before), *item.spans, *_split(Span(after), item)]
