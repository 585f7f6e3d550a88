"""Where today falls among a plan's phases, for the timeline drawn on the plan page and
the office home page."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from thidua.plans.models import Phase, Plan


@dataclass(frozen=True)
class Segment:
    phase: Phase
    x: float  # position on a 0–1000 scale across the plan's years (the SVG viewBox)
    width: float
    is_current: bool


@dataclass(frozen=True)
class Timeline:
    segments: list[Segment]
    today: datetime.date
    today_x: float | None  # None when today is outside the plan's years
    current_phase: Phase | None


def _fraction(day: datetime.date, start_year: int, end_year: int) -> float:
    start = datetime.date(start_year, 1, 1)
    end = datetime.date(end_year + 1, 1, 1)
    return (day - start).days / (end - start).days * 1000


def build(plan: Plan, phases: list[Phase], today: datetime.date | None = None) -> Timeline:
    today = today or timezone.localdate()
    segments = []
    for phase in phases:
        x = _fraction(datetime.date(phase.start_year, 1, 1), plan.start_year, plan.end_year)
        end = _fraction(datetime.date(phase.end_year + 1, 1, 1), plan.start_year, plan.end_year)
        segments.append(Segment(phase, x, end - x, phase.start_year <= today.year <= phase.end_year))
    inside = plan.start_year <= today.year <= plan.end_year
    current = next((s.phase for s in segments if s.is_current), None)
    return Timeline(segments, today, _fraction(today, plan.start_year, plan.end_year) if inside else None, current)
