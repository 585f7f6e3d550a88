"""Counting a meeting's votes: quorum, the number of agreeing votes each proposal needs
and whether it passed, by the rule R17 (`commendation.eligibility.procedure
.council_vote`) with the meeting's own figures. Counts only: who chose what is never
part of a tally.

The figures of R17 were not found in the current decrees (`docs/law.md` R17): the
quorum, the default pass share and the shares per award are settings of each meeting,
copied from the rule in force when the meeting is created."""

import math
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

from django.db.models import Count
from django.utils.translation import gettext

from thidua.commendation.eligibility.procedure import council_vote
from thidua.commendation.eligibility.ruleset import RuleDef
from thidua.core.codes import title_name
from thidua.council.enums import Choice
from thidua.council.models import Meeting, MeetingItem, Vote


def parse_share(text) -> Fraction:
    """'2/3', '0.5', '0,9' or '70%' as an exact fraction in (0, 1]. Decimals from the
    rule data ('0.6667') become the simple fraction they stand for (2/3). Raises
    ValueError with a message for the user."""
    raw = str(text).strip().replace(",", ".")
    try:
        value = Fraction(raw[:-1]) / 100 if raw.endswith("%") else Fraction(raw)
    except (ValueError, ZeroDivisionError):
        raise ValueError(
            gettext("«%(text)s» không phải là tỷ lệ (ví dụ 2/3, 0,5 hoặc 70%%).") % {"text": text}
        ) from None
    value = value.limit_denominator(100)
    if not 0 < value <= 1:
        raise ValueError(gettext("Tỷ lệ phải lớn hơn 0 và không quá 1 (đã nhập %(text)s).") % {"text": text})
    return value


def share_text(text) -> str:
    """'2/3 (66,7%)', '50%'."""
    value = parse_share(text)
    percent = f"{float(value) * 100:.1f}".rstrip("0").rstrip(".").replace(".", ",") + "%"
    return percent if value.denominator in (1, 2, 4, 5, 10, 20, 25, 50, 100) else f"{value} ({percent})"


def rule_of(meeting: Meeting) -> RuleDef:
    return RuleDef(
        "R17",
        "",
        "",
        "not_found",
        params={
            "quorum_share": str(parse_share(meeting.quorum_share)),
            "pass_share": str(parse_share(meeting.pass_share)),
            "pass_share_by_award": {k: str(parse_share(v)) for k, v in (meeting.pass_share_by_award or {}).items()},
            "secret_ballot_awards": list(meeting.secret_ballot_awards or []),
        },
    )


def quorum(meeting: Meeting, members: int) -> int:
    return math.ceil(parse_share(meeting.quorum_share) * members)


def threshold_text(meeting: Meeting, award: str) -> str:
    """The pass rule of one award, said on the page and in the minutes."""
    by_award = meeting.pass_share_by_award or {}
    if award in by_award:
        return gettext(
            "ít nhất %(share)s tổng số thành viên Hội đồng (ngưỡng riêng cho %(award)s; mặc định theo "
            "NĐ 91/2017 — quy định cũ, có thể thay đổi)"
        ) % {"share": share_text(by_award[award]), "award": title_name(award)}
    return gettext("trên %(share)s tổng số thành viên Hội đồng (mặc định, có thể thay đổi)") % {
        "share": share_text(meeting.pass_share)
    }


@dataclass(frozen=True)
class Tally:
    item: MeetingItem
    agree: int
    disagree: int
    abstain: int
    members: int
    present: int
    quorum: int
    quorum_met: bool
    needed: int
    passed: bool
    threshold: str

    @property
    def voted(self) -> int:
        return self.agree + self.disagree + self.abstain


def counts_by_item(meeting: Meeting) -> dict[int, Counter]:
    """{item id: Counter(choice → votes)} in one query."""
    found: dict[int, Counter] = {}
    rows = Vote.objects.filter(item__meeting=meeting).values_list("item_id", "choice").annotate(n=Count("id"))
    for item_id, choice, n in rows.order_by():
        found.setdefault(item_id, Counter())[choice] = n
    return found


def tallies(meeting: Meeting, items: list[MeetingItem] | None = None) -> list[Tally]:
    """Three queries for the whole meeting: members, items, votes."""
    members = list(meeting.members.all())
    total, present = len(members), sum(1 for m in members if m.present)
    items = (
        items
        if items is not None
        else list(meeting.items.select_related("proposal__person__unit", "proposal__unit", "proposal__subject_unit"))
    )
    counts = counts_by_item(meeting)
    rule = rule_of(meeting)
    result = []
    for item in items:
        found = counts.get(item.pk, Counter())
        agree = found[Choice.AGREE]
        outcome = council_vote(rule, item.proposal.award_code, members=total, present=present, yes=agree)
        result.append(
            Tally(
                item,
                agree,
                found[Choice.DISAGREE],
                found[Choice.ABSTAIN],
                total,
                present,
                quorum(meeting, total),
                outcome.quorum_met,
                outcome.needed,
                outcome.passed,
                threshold_text(meeting, item.proposal.award_code),
            )
        )
    return result
