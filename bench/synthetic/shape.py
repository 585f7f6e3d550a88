"""The two sizes of generated data and the world the parts of the generator share: the
plan, the generated units, people and accounts, and one random source per part.

Each part draws from its own `random.Random` seeded with the seed and the part's
name, so a part's output depends only on the seed and on the parts before it, never
on database ids or on the order the database returns rows."""

import random
from dataclasses import dataclass, field

YEARS = (2026, 2027, 2028, 2029, 2030)
# The last generated year is the one still in progress: its registrations, reports
# and proposals are spread over every state; earlier years are mostly closed.
OPEN_YEAR = YEARS[-1]


@dataclass(frozen=True)
class Scale:
    name: str
    prefix: str  # codes of generated units and people start with it: GEN-D-…, GEN-P-…
    agencies: int
    units: int  # units under the agencies (divisions, public-service units, their wards)
    people: int
    results_per_person_year: float
    results_per_unit_year: float
    initiatives: int
    provincial_office: bool  # an office directly under the province, seeing all of it


SCALES = {
    "department": Scale(
        "department",
        "GEN-D",
        agencies=1,
        units=8,
        people=100,
        results_per_person_year=3.8,
        results_per_unit_year=8,
        initiatives=40,
        provincial_office=False,
    ),
    "province": Scale(
        "province",
        "GEN-P",
        agencies=40,
        units=1300,
        people=50_000,
        results_per_person_year=3.8,
        results_per_unit_year=8,
        initiatives=20_000,
        provincial_office=True,
    ),
}


@dataclass
class Agency:
    unit_id: int
    name: str
    short: str
    leadership_id: int = 0
    office_id: int = 0
    office_user_id: int | None = None
    director_user_id: int | None = None
    council_user_ids: list[int] = field(default_factory=list)
    unit_ids: list[int] = field(default_factory=list)  # units that register and report


@dataclass
class GenUnit:
    id: int
    agency: int  # index into World.agencies
    kind: str
    name: str
    code: str = ""
    people: list[int] = field(default_factory=list)  # person ids, head first
    head_user_id: int | None = None


@dataclass
class World:
    scale: Scale
    seed: int
    plan: object
    areas: list = field(default_factory=list)
    criteria: dict = field(default_factory=dict)
    province_id: int | None = None
    agencies: list[Agency] = field(default_factory=list)
    units: dict[int, GenUnit] = field(default_factory=dict)  # every generated unit but the agencies
    person_names: dict[int, str] = field(default_factory=dict)
    office_user_id: int | None = None  # the account the benchmark signs in with
    # With the proposals app: the open year's awards, still to be proposed and decided.
    with_proposals: bool = False
    pending_awards: list = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def rng(self, part: str) -> random.Random:
        return random.Random(f"{self.seed}:{self.scale.name}:{part}")

    def reporting_units(self) -> list[GenUnit]:
        """Units that register, record results and report (not the leadership, the
        office, or a hospital's wards)."""
        return [u for u in self.units.values() if u.kind in ("division", "public_service")]

    def add(self, label: str, n: int) -> None:
        self.counts[label] = self.counts.get(label, 0) + n
