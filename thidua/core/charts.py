"""Horizontal bar charts drawn as SVG on the server: no script, nothing the Content
Security Policy has to allow, readable by a screen reader, and testable from the HTML."""

from dataclasses import dataclass

WIDTH = 600  # SVG user units; the chart scales to its container
BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 230


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    y: int
    width: float  # in SVG units, proportional to value


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: list[Bar]
    height: int
    label_width: int = LABEL_WIDTH
    plot_width: int = WIDTH - LABEL_WIDTH - 60


def bar_chart(title: str, items: list[tuple[str, float]]) -> BarChart:
    """`items` as (label, value); widths are relative to the largest value."""
    largest = max((value for _, value in items), default=0) or 1
    plot = WIDTH - LABEL_WIDTH - 60
    bars = [
        Bar(label=label, value=value, y=index * (BAR_HEIGHT + GAP), width=round(plot * value / largest, 1))
        for index, (label, value) in enumerate(items)
    ]
    return BarChart(title=title, bars=bars, height=max(len(bars) * (BAR_HEIGHT + GAP), BAR_HEIGHT))
