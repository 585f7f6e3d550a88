"""The Tờ trình đề nghị khen thưởng as a Word document in the layout of Nghị định
30/2020: one module, three addressings chosen by the level that decides the award
(R19, `AwardType.route`):

- a unit to the department (Giám đốc Sở decides, or the unit's first step for any
  award): the unit in the header under the department, signed by the unit's head;
- the department to the Chủ tịch UBND tỉnh, through the Sở Nội vụ;
- the department to the Bộ trưởng Bộ Tư pháp.

A submission covers every proposal of the same round the reader may see: the same
year and kind of commendation, the same level, and for a unit its own proposals. The
number and the day are written by the văn thư when it is registered, unless the office
recorded the submission's number when forwarding."""

import re
from dataclasses import dataclass

from django.utils import timezone

from thidua.commendation import catalogue
from thidua.commendation.eligibility.ruleset import rules_date
from thidua.commendation.enums import Route
from thidua.core.codes import State
from thidua.core.text import fold
from thidua.documents.legal_bases import basis, lower_first
from thidua.documents.nd30 import OfficialDocument
from thidua.organization.enums import Role
from thidua.organization.models import Person
from thidua.plans.citation import plan_citation
from thidua.plans.models import Plan
from thidua.proposals.models import Proposal
from thidua.proposals.wording import SUBMISSION

DOC_TYPE = "Tờ trình"
SYMBOL = "TTr"
CLOSING_MARK = "/."
TABLE_HEADER = ["STT", "Cá nhân, tập thể", "Đơn vị", "Danh hiệu, hình thức"]
MINUTES = "Biên bản họp Hội đồng Thi đua – Khen thưởng"
# Proposals a submission leaves out: refused ones; a department's submission goes only
# with what the department sent on (not the units' drafts and returned ones).
LEFT_OUT = {State.REJECTED}
NOT_YET_SENT = {State.DRAFT, State.SUBMITTED, State.RETURNED, State.ACCEPTED}


@dataclass(frozen=True)
class Addressing:
    code: str
    label: str
    route: str


UNIT = Addressing("unit", "Đơn vị trình Giám đốc Sở", Route.DIRECTOR)
PROVINCE = Addressing("province", "Sở trình Chủ tịch UBND tỉnh (qua Sở Nội vụ)", Route.PROVINCE)
MINISTRY = Addressing("ministry", "Sở trình Bộ trưởng Bộ Tư pháp", Route.MINISTER)
ADDRESSINGS = {a.code: a for a in (UNIT, PROVINCE, MINISTRY)}


def route_of(code: str, year: int) -> str:
    award = catalogue.award_type(code, rules_date(year))
    return award.route if award else Route.DIRECTOR


def addressings_for(proposal: Proposal) -> list[Addressing]:
    """The unit's submission always; the department's too when the award goes up."""
    route = route_of(proposal.award_code, proposal.year)
    return [UNIT] + [a for a in (PROVINCE, MINISTRY) if a.route == route]


def filename(proposal: Proposal, addressing: Addressing) -> str:
    name = re.sub(r"[^a-z0-9]+", "-", fold(str(proposal.subject_unit if addressing is UNIT else ""))).strip("-")
    parts = ["to-trinh", addressing.code, name, str(proposal.year)]
    return "-".join(p for p in parts if p) + ".docx"


def _count(proposals: list[Proposal]) -> str:
    people = sum(1 for p in proposals if p.person_id)
    units = len(proposals) - people
    parts = [f"{people:02d} cá nhân" if people else "", f"{units:02d} tập thể" if units else ""]
    return " và ".join(p for p in parts if p)


def _unit_head(unit) -> Person | None:
    return (
        Person.objects.filter(user__memberships__role=Role.UNIT_HEAD, user__memberships__unit=unit)
        .order_by("id")
        .first()
    )


class SubmissionDocx:
    """`SubmissionDocx(proposal, addressing, user).render()` returns the .docx bytes;
    `user` limits the list to the proposals the reader may see."""

    def __init__(self, proposal: Proposal, addressing: Addressing, user) -> None:
        self.proposal, self.addressing = proposal, addressing
        self.plan = Plan.objects.current()
        self.proposals = self._round(user)
        self.texts = SUBMISSION.in_force()

    def _round(self, user) -> list[Proposal]:
        p = self.proposal
        qs = (
            Proposal.objects.visible_to(user)
            .filter(year=p.year, kind=p.kind)
            .exclude(state__in=LEFT_OUT)
            .select_related("person__unit", "unit__parent", "subject_unit")
            .order_by("-category", "award_code", "subject_unit__order", "id")
        )
        if self.addressing is UNIT:
            qs = qs.filter(subject_unit_id=p.subject_unit_id)
        else:
            qs = qs.exclude(state__in=NOT_YET_SENT - {p.state})
        routes: dict[str, str] = {}
        chosen = []
        for other in qs:
            route = routes.setdefault(other.award_code, route_of(other.award_code, other.year))
            if self.addressing is UNIT or route == self.addressing.route:
                chosen.append(other)
        return chosen

    # --- who sends, to whom, who signs ---------------------------------------------
    @property
    def sender(self) -> str:
        return self.proposal.subject_unit.name if self.addressing is UNIT else self.plan.issuer.name

    def _addressee(self) -> tuple[str, str]:
        """(the Kính gửi line, the addressee as named in the sentences)."""
        if self.addressing is UNIT:
            name = self.texts.get("kinh_gui_don_vi", ten_so=self.plan.issuer.name)
            return name, name
        if self.addressing is PROVINCE:
            return self.texts.get("kinh_gui_tinh"), self.texts.get("noi_trinh_tinh")
        return self.texts.get("kinh_gui_bo"), self.texts.get("noi_trinh_bo")

    def _signer(self) -> tuple[str, str]:
        if self.addressing is not UNIT:
            return self.plan.signer_title or self.texts.get("ky_so"), self.plan.signer_name
        head = _unit_head(self.proposal.subject_unit)
        if head is None:
            return self.texts.get("ky_don_vi"), ""
        return head.position or self.texts.get("ky_don_vi"), head.full_name

    def _number(self) -> str:
        """The number the office recorded when forwarding, else left for the văn thư."""
        p = self.proposal
        if self.addressing is not UNIT:
            found = re.search(rf"\b(\d{{1,4}}/{SYMBOL}-[A-ZĐ0-9-]+)", p.forward_note)
            if found:
                return found.group(1)
        issuer = p.subject_unit if self.addressing is UNIT else self.plan.issuer
        return f"{' ' * 4}/{SYMBOL}-{fold(issuer.short_name or issuer.code).upper().replace(' ', '')}"

    def _date(self):
        p = self.proposal
        if self.addressing is not UNIT and p.forwarded_on and re.search(rf"/{SYMBOL}-", p.forward_note):
            return p.forwarded_on
        return (None, None, max(p.year, timezone.localdate().year))

    # --- the document ----------------------------------------------------------------
    def render(self) -> bytes:
        plan, unit_level = self.plan, self.addressing is UNIT
        self.doc = OfficialDocument(
            agency_parent=plan.issuer_name if unit_level else plan.issuer_parent_name,
            agency=self.proposal.subject_unit.name if unit_level else plan.issuer_name,
            number_symbol=self._number(),
            place=plan.place,
            date_parts=self._date(),
            doc_type=DOC_TYPE,
            summary=self.texts.get("trich_yeu", nam=self.proposal.year),
        )
        kinh_gui, addressee = self._addressee()
        self.doc.addressees([kinh_gui])
        for line in self._bases():
            self.doc.paragraph(line)
        kind = self.proposal.kind if self.proposal.kind in ("chuyen_de", "dot_xuat") else "cong_trang"
        self.doc.paragraph(
            self.texts.get(
                f"de_nghi_{kind}",
                don_vi_trinh=self.sender,
                noi_trinh=addressee,
                so_luong=_count(self.proposals),
                nam=self.proposal.year,
            )
        )
        self._lists()
        self.doc.paragraph(self.texts.get("kem_theo"))
        closing = self.texts.get("ket", don_vi_trinh=self.sender, noi_trinh=addressee)
        self.doc.paragraph(closing.rstrip("/.").strip() + "." + CLOSING_MARK)
        title, name = self._signer()
        recipients = {UNIT: "noi_nhan_don_vi", PROVINCE: "noi_nhan_tinh", MINISTRY: "noi_nhan_bo"}
        self.doc.signature("", title, name, self.texts.lines(recipients[self.addressing]))
        return self.doc.to_bytes()

    def _bases(self) -> list[str]:
        lines = self.texts.lines("can_cu")
        if self.plan is not None:
            lines.append(basis(plan_citation(self.plan)))
        for minutes in self._minutes():
            lines.append(basis(lower_first(minutes)))
        lines[-1] = lines[-1].removesuffix(";") + ","
        return lines

    def _minutes(self) -> list[str]:
        """The council's minutes, for the department's submissions (one query)."""
        if self.addressing is UNIT:
            return []
        found = (
            Proposal.objects.filter(pk__in=[p.pk for p in self.proposals])
            .exclude(council_items__meeting__minutes_number="")
            .filter(council_items__meeting__minutes_date__isnull=False)
            .values_list("council_items__meeting__minutes_number", "council_items__meeting__minutes_date")
            .order_by("council_items__meeting__minutes_date")
            .distinct()
        )
        return [f"{MINUTES} số {number} ngày {date:%d/%m/%Y}" for number, date in found]

    def _lists(self) -> None:
        groups: dict[str, list[Proposal]] = {}
        for proposal in self.proposals:
            groups.setdefault(proposal.get_award_code_display(), []).append(proposal)
        for number, (award, rows) in enumerate(groups.items(), start=1):
            self.doc.paragraph(f"{number}. {award}: {_count(rows)}.", bold=True)
            self.doc.table([_row(i, p) for i, p in enumerate(rows, start=1)], header=TABLE_HEADER)


def _row(index: int, proposal: Proposal) -> list[str]:
    """A person with their position; a unit under the unit it belongs to."""
    if proposal.person_id:
        person = proposal.person
        name = f"{person.full_name}, {person.position}" if person.position else person.full_name
        unit = person.unit.name
    else:
        name = proposal.unit.name
        unit = proposal.unit.parent.name if proposal.unit.parent_id else ""
    return [str(index), name, unit, proposal.get_award_code_display()]
