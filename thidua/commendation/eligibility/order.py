"""The order in which a round's awards are decided. A rule that counts a title of the
evaluated year only once a decision has awarded it (`rules.prerequisites`: CSTĐ cấp tỉnh
counts this year's CSTĐCS, the Bằng khen too, Tập thể lao động xuất sắc its members'
LĐTT) makes its award wait for that title's decision: lower titles are decided first,
each step by the authority of its awards (R19)."""

from dataclasses import dataclass

from thidua.commendation.eligibility.rules import prerequisites
from thidua.commendation.eligibility.ruleset import AwardDef, RuleSet
from thidua.commendation.eligibility.texts import gettext, label
from thidua.commendation.enums import Route

ROUTES = [Route.DIRECTOR, Route.PROVINCE, Route.MINISTER]


@dataclass(frozen=True)
class OrderedAward:
    award: AwardDef
    after: tuple[str, ...]  # the titles whose decision it waits for

    @property
    def code(self) -> str:
        return self.award.code


@dataclass(frozen=True)
class Step:
    number: int
    awards: tuple[OrderedAward, ...]

    def by_route(self) -> list[tuple[str, list[OrderedAward]]]:
        """(who decides, awards), the Giám đốc Sở first."""
        routes = sorted({a.award.route for a in self.awards}, key=lambda r: ROUTES.index(r) if r in ROUTES else 9)
        return [(_route(r), [a for a in self.awards if a.award.route == r]) for r in routes]

    @property
    def text(self) -> str:
        """E.g. "Lao động tiên tiến, Chiến sĩ thi đua cơ sở (Giám đốc Sở quyết định)"."""
        return "; ".join(
            f"{', '.join(a.award.name or a.code for a in awards)} ({route})" for route, awards in self.by_route()
        )

    def as_dict(self) -> dict:
        return {
            "step": self.number,
            "text": self.text,
            "awards": [
                {"code": a.code, "name": a.award.name, "route": a.award.route, "after": list(a.after)}
                for a in self.awards
            ],
        }


def _route(code: str) -> str:
    return label(Route, code) if code in Route.values else code


def waits_for(ruleset: RuleSet, code: str) -> frozenset[str]:
    """The titles of the same year whose decision `code` needs, as the rules in force say."""
    found: set[str] = set()
    for rule in ruleset.rules_for(code):
        found |= prerequisites(rule)
    return frozenset(found & set(ruleset.awards) - {code})


def decision_order(ruleset: RuleSet, codes=None) -> list[Step]:
    """The steps of decision for the awards `codes` (None: the whole catalogue): an award
    comes one step after the latest of the titles it waits for. Steps are numbered from
    1 over the awards asked for only; a loop in edited rules puts its awards first."""
    depth: dict[str, int] = {}

    def level(code: str, seen: frozenset) -> int:
        if code not in depth:
            before = [level(p, seen | {code}) for p in waits_for(ruleset, code) if p not in seen]
            depth[code] = 1 + max(before) if before else 0
        return depth[code]

    wanted = [c for c in ruleset.awards if codes is None or c in set(codes)]
    levels = sorted({level(c, frozenset()) for c in wanted})
    return [
        Step(
            number,
            tuple(
                OrderedAward(ruleset.awards[c], tuple(sorted(waits_for(ruleset, c)))) for c in wanted if depth[c] == at
            ),
        )
        for number, at in enumerate(levels, start=1)
    ]


def summary(steps: list[Step]) -> str:
    """One line: "Thứ tự quyết định: 1. …; 2. …"."""
    return gettext("Thứ tự quyết định") + ": " + " ".join(f"{s.number}. {s.text}." for s in steps)
