"""The lists that go with a reward decision (Danh sách kèm theo Quyết định): one list
per title or form, with the collectives and then the people it rewards, as the
decision fixed their names, positions and units. An appendix in the layout of Nghị
định 30/2020 (`documents.appendix`): the decision carries the number, date and
signature."""

import re

from thidua.commendation.enums import AwardCategory
from thidua.core.text import fold
from thidua.documents.appendix import Appendix
from thidua.plans.models import Plan
from thidua.proposals.wording import DECISION_LIST

# --- fixed texts ------------------------------------------------------------------------
DOC_TYPE = "Danh sách"
SUBJECTS = {"units": "Tập thể", "people": "Cá nhân", "both": "Tập thể, cá nhân"}
SECTIONS = {"units": "I. TẬP THỂ", "people": "II. CÁ NHÂN"}
UNIT_HEADER = ["STT", "Tên tập thể", "Thuộc"]
PEOPLE_HEADER = ["STT", "Họ và tên", "Chức vụ, đơn vị công tác"]


def award_groups(decision) -> list[tuple[str, str, int]]:
    """(award code, its name, how many) of a decision, in the decision's order."""
    groups: dict[str, list] = {}
    for proposal in decision.proposals.order_by("-category", "award_code", "id"):
        groups.setdefault(proposal.award_code, []).append(proposal)
    return [(code, rows[0].get_award_code_display(), len(rows)) for code, rows in groups.items()]


def filename(decision, award_code: str) -> str:
    number = re.sub(r"[^a-z0-9]+", "-", fold(decision.number_symbol)).strip("-")
    return f"danh-sach-{award_code.lower().replace('_', '-')}-kem-theo-quyet-dinh-{number}.docx"


class DecisionListDocx:
    """`DecisionListDocx(decision, award_code).render()` returns the .docx bytes."""

    def __init__(self, decision, award_code: str) -> None:
        self.decision, self.award_code = decision, award_code
        self.plan = Plan.objects.current()
        rows = list(
            decision.proposals.filter(award_code=award_code).order_by("subject_unit__order", "decided_unit", "id")
        )
        self.units = [p for p in rows if p.unit_id]
        self.people = [p for p in rows if p.person_id]
        self.any = rows[0] if rows else None
        self.texts = DECISION_LIST.in_force()

    def render(self) -> bytes:
        d, plan, first = self.decision, self.plan, self.any
        subjects = "both" if self.units and self.people else ("units" if self.units else "people")
        summary = self.texts.get(
            "trich_yeu_danh_hieu" if first.category == AwardCategory.TITLE else "trich_yeu_hinh_thuc",
            doi_tuong=SUBJECTS[subjects],
            danh_hieu=first.get_award_code_display(),
            nam=d.year,
        )
        self.doc = Appendix(
            agency_parent=plan.issuer_parent_name,
            agency=plan.issuer_name,
            doc_type=DOC_TYPE,
            summary=summary,
            attached_to=self.texts.get(
                "kem_theo", so=d.number_symbol, ngay=f"{d.date:%d/%m/%Y}", ten_so=plan.issuer.name
            ),
        )
        both = subjects == "both"
        if self.units:
            if both:
                self.doc.heading(f"{SECTIONS['units']} ({len(self.units):02d})", 1)
            self.doc.table([_unit_row(i, p) for i, p in enumerate(self.units, 1)], header=UNIT_HEADER)
        if self.people:
            if both:
                self.doc.heading(f"{SECTIONS['people']} ({len(self.people):02d})", 1)
            self.doc.table([_person_row(i, p) for i, p in enumerate(self.people, 1)], header=PEOPLE_HEADER)
        self.doc.paragraph(f"Danh sách có {_total(len(self.units), len(self.people))}.", italic=True)
        return self.doc.to_bytes()


def _unit_row(index: int, proposal) -> list[str]:
    unit = proposal.unit
    return [
        str(index),
        proposal.decided_name or unit.name,
        unit.parent.name if unit.parent_id else proposal.decided_unit,
    ]


def _person_row(index: int, proposal) -> list[str]:
    where = ", ".join(x for x in (proposal.decided_position, proposal.decided_unit) if x)
    return [str(index), proposal.decided_name or proposal.person.full_name, where or proposal.person.unit.name]


def _total(units: int, people: int) -> str:
    parts = [f"{units:02d} tập thể" if units else "", f"{people:02d} cá nhân" if people else ""]
    return " và ".join(p for p in parts if p)
