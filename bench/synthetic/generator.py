"""`generate(scale, seed)`: synthetic data for the whole movement through the project's
own models, in bulk, all or nothing.

Generated units and people are marked `is_demo` and their codes start with `GEN-D-`
(department scale) or `GEN-P-` (province scale); generated accounts are named `gen-d-…`
and `gen-p-…`. One activity-log row records the generation itself; the generated rows
have none of their own (they were not changed by anyone)."""

import importlib.util
import time
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils.translation import gettext

from bench.synthetic import commendation, followup, initiatives, movement, organization, reports
from bench.synthetic.bulk import Progress, n
from bench.synthetic.shape import SCALES, World
from thidua.core.history import record
from thidua.core.models import ActivityLog
from thidua.organization.enums import UnitKind
from thidua.organization.models import Person, Unit
from thidua.plans.loading import load_plan

# The parts in the order they are generated; each is (label, function(world, progress)).
PARTS = [
    ("registrations", movement.build_registrations),
    ("results", movement.build_results),
    ("indicators", movement.build_indicator_values),
    ("initiatives", initiatives.build_initiatives),
    ("commendation", commendation.build_commendation),
    ("reports", reports.build_reports),
    ("difficulties", followup.build_difficulties),
    ("inspections", followup.build_inspections),
]


def _exists(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def parts() -> list:
    """PARTS, then the proposals, decisions and council votes, and the honours page, for
    the apps that exist."""
    chosen = list(PARTS)
    if _exists("thidua.proposals.models") and _exists("thidua.council.models"):
        from bench.synthetic import proposals

        chosen.append(("proposals", proposals.build_proposals))
    if _exists("thidua.honours.models"):
        from bench.synthetic import honours

        chosen.append(("honours", honours.build_honours))
    return chosen


class AlreadyGenerated(Exception):
    """Data of this scale is already in the database."""


@dataclass
class Summary:
    scale: str
    seed: int
    counts: dict[str, int]
    seconds: dict[str, float]
    office_username: str

    def line(self) -> str:
        parts = "; ".join(f"{n(count)} {label}" for label, count in self.counts.items())
        return gettext("Đã sinh dữ liệu quy mô %(scale)s (hạt giống %(seed)s) trong %(t).1f giây: %(parts)s.") % {
            "scale": self.scale,
            "seed": self.seed,
            "t": sum(self.seconds.values()),
            "parts": parts,
        }


def existing(scale_name: str) -> int:
    """How many units of this scale are already stored."""
    return Unit.objects.filter(code__startswith=SCALES[scale_name].prefix + "-").count()


def generate(scale_name: str, seed: int = 2026, stream=None) -> Summary:
    """Side effects: every generated row (see the module docstring), the plan and its
    units when they were not loaded yet, and one activity-log row."""
    scale = SCALES[scale_name]
    found = existing(scale_name)
    if found:
        raise AlreadyGenerated(
            gettext(
                "Đã có dữ liệu sinh quy mô %(scale)s (%(n)s đơn vị mã %(prefix)s-…). Không sinh "
                "thêm: hãy dùng một cơ sở "
                "dữ liệu mới, hoặc xóa cơ sở dữ liệu cũ rồi chạy lại."
            )
            % {"scale": scale_name, "n": found, "prefix": scale.prefix}
        )
    chosen = parts()
    progress = Progress(stream, parts=len(chosen) + 1)
    seconds = {}
    with transaction.atomic():
        plan, _ = load_plan()
        world = World(
            scale=scale,
            seed=seed,
            plan=plan,
            areas=list(plan.content_areas.order_by("order", "id")),
            with_proposals="proposals" in dict(chosen),
        )
        seconds["organization"] = _organization(world, progress)
        for label, build in chosen:
            started = time.monotonic()
            build(world, progress)
            seconds[label] = time.monotonic() - started
        _log(world, seconds)
    _analyze()
    return Summary(
        scale=scale_name,
        seed=seed,
        counts=world.counts,
        seconds=seconds,
        office_username=_username(world.office_user_id),
    )


def _organization(world: World, progress: Progress) -> float:
    started = time.monotonic()
    progress.start("Đơn vị, cán bộ, tài khoản", world.scale.people)
    issuer = world.plan.issuer
    province = issuer.parent if issuer.parent_id else Unit.objects.filter(kind=UnitKind.PROVINCE).first()
    organization.build_units(world, province)
    organization.build_people(world)
    organization.build_accounts(world)
    progress.finish()
    return time.monotonic() - started


def _analyze() -> None:
    """Fresh statistics after a bulk load (PostgreSQL), as after any large import: the
    planner knows no better until autovacuum gets round to it, and an expression index
    such as the folded-name trigram index has no statistics at all before ANALYZE."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _username(user_id: int | None) -> str:
    from thidua.organization.models import User

    return User.objects.filter(pk=user_id).values_list("username", flat=True).first() or ""


def _log(world: World, seconds: dict) -> None:
    root = Unit.objects.get(pk=world.agencies[0].unit_id)
    record(
        actor=None,
        obj=root,
        action=ActivityLog.Action.CREATED,
        changes={"counts": world.counts},
        note=gettext("Sinh dữ liệu quy mô %(scale)s, hạt giống %(seed)s, trong %(t).0f giây.")
        % {"scale": world.scale.name, "seed": world.seed, "t": sum(seconds.values())},
    )


def generated_people(scale_name: str):
    return Person.objects.filter(code__startswith=SCALES[scale_name].prefix + "-")
