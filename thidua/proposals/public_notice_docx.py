"""The public notice of the proposed list (Thông báo công khai danh sách đề nghị khen
thưởng) before the council decides, in the layout of Nghị định 30/2020: every
collective and person the units proposed and the office accepted for the year, by
title or form, and how long and where comments are received. The Law asks that
commendation be public; the office posts the notice before the council's meeting."""

import re

from django.utils import timezone

from thidua.core.codes import State
from thidua.documents.nd30 import OfficialDocument
from thidua.plans.models import Plan
from thidua.proposals.models import Proposal
from thidua.proposals.wording import PUBLIC_NOTICE

# --- fixed texts ------------------------------------------------------------------------
DOC_TYPE = "Thông báo"
SYMBOL = "TB"
TABLE_HEADER = ["STT", "Cá nhân, tập thể", "Đơn vị"]
CLOSING_MARK = "/."
# Accepted by the office, or before the council: what the council is about to decide.
LISTED = (State.ACCEPTED, State.UNDER_REVIEW)


def listed(user, year: int):
    return (
        Proposal.objects.visible_to(user)
        .filter(year=year, state__in=LISTED)
        .select_related("person__unit", "unit__parent")
        .order_by("-category", "award_code", "subject_unit__order", "id")
    )


def filename(year: int) -> str:
    return f"thong-bao-cong-khai-danh-sach-de-nghi-khen-thuong-{year}.docx"


def _count(proposals) -> str:
    people = sum(1 for p in proposals if p.person_id)
    units = len(proposals) - people
    return " và ".join(
        x for x in (f"{units:02d} tập thể" if units else "", f"{people:02d} cá nhân" if people else "") if x
    )


def _row(index: int, proposal) -> list[str]:
    if proposal.person_id:
        person = proposal.person
        name = f"{person.full_name}, {person.position}" if person.position else person.full_name
        return [str(index), name, person.unit.name]
    unit = proposal.unit
    return [str(index), unit.name, unit.parent.name if unit.parent_id else unit.name]


class PublicNoticeDocx:
    """`PublicNoticeDocx(proposals, year).render()` returns the .docx bytes."""

    def __init__(self, proposals: list, year: int) -> None:
        self.proposals, self.year = proposals, year
        self.plan = Plan.objects.current()
        self.texts = PUBLIC_NOTICE.in_force()

    def render(self) -> bytes:
        plan = self.plan
        symbol = re.sub(r"\s+", "", (plan.issuer.short_name or plan.issuer.code).upper())
        doc = OfficialDocument.of_department(
            plan,
            number_symbol=f"{' ' * 4}/{SYMBOL}-{symbol}",
            date_parts=(None, None, max(self.year, timezone.localdate().year)),
            doc_type=DOC_TYPE,
            summary=self.texts.get("trich_yeu", nam=self.year),
        )
        doc.paragraph(self.texts.get("mo_dau", ten_so=plan.issuer.name, so_luong=_count(self.proposals), nam=self.year))
        groups: dict[str, list] = {}
        for proposal in self.proposals:
            groups.setdefault(proposal.get_award_code_display(), []).append(proposal)
        for number, (award, rows) in enumerate(groups.items(), start=1):
            doc.paragraph(f"{number}. {award}: {_count(rows)}.", bold=True)
            doc.table([_row(i, p) for i, p in enumerate(rows, start=1)], header=TABLE_HEADER)
        doc.paragraph(self.texts.get("y_kien").rstrip("/.").strip() + "." + CLOSING_MARK)
        doc.signed_by(plan, self.texts.lines("noi_nhan"))
        return doc.to_bytes()
