"""The dossier of a proposal (Law Art. 84, and Art. 85 for the simplified procedure):
which documents the award needs (rule R13 as the office configured it), which are
attached, and which the system already holds — the achievement report written here,
the minutes of the council meeting, the decision recognising an initiative."""

from dataclasses import dataclass, field

from django.utils.translation import gettext

from thidua.commendation import catalogue
from thidua.commendation.eligibility.procedure import (
    DOCUMENTS,
    SIMPLIFIED_CASES,
    required_documents,
)
from thidua.commendation.eligibility.ruleset import rule_def, rules_date
from thidua.core.codes import State
from thidua.initiatives.models import Authorship, Initiative
from thidua.proposals.enums import SYSTEM_PROVIDED
from thidua.proposals.models import DossierFile, Proposal
from thidua.ratingmeetings.models import RatingMeeting

REPORTS = {"bao_cao_thanh_tich", "bao_cao_tom_tat_thanh_tich"}
MINUTES = {"bien_ban_binh_xet", "bien_ban_xet_khen_thuong"}


@dataclass
class DossierItem:
    code: str
    label: str
    files: list[DossierFile] = field(default_factory=list)
    system: str = ""
    required: bool = True

    @property
    def present(self) -> bool:
        return bool(self.files or self.system)


def label(code: str) -> str:
    return str(DOCUMENTS.get(code, code))


def required(proposal: Proposal) -> list[str]:
    """Document codes the award needs; empty when no R13 rule is in force."""
    row = catalogue.rule("R13", rules_date(proposal.year))
    if row is None:
        return []
    return required_documents(rule_def(row), proposal.award_code, simplified_case=proposal.simplified_case or None)


def checklist(proposal: Proposal) -> list[DossierItem]:
    """Every required document, then any other document attached: the proposal's own
    files and those its round shares (the Tờ trình attached once for the round)."""
    files: dict[str, list] = {}
    shared = proposal.round.files.all() if proposal.round_id else []
    for f in [*proposal.files.all(), *shared]:
        files.setdefault(f.document, []).append(f)
    system = held_by_system(proposal)
    codes = required(proposal)
    items = [DossierItem(code, label(code), files.get(code, []), system.get(code, "")) for code in codes]
    items += [
        DossierItem(code, label(code), found, required=False) for code, found in files.items() if code not in codes
    ]
    return items


def missing(proposal: Proposal) -> list[str]:
    return [item.label for item in checklist(proposal) if item.required and not item.present]


def held_by_system(proposal: Proposal) -> dict[str, str]:
    held: dict[str, str] = {}
    if proposal.report_text.strip():
        for code in REPORTS:
            held[code] = str(SYSTEM_PROVIDED[code])
    minutes = _minutes(proposal)
    if minutes:
        for code in MINUTES:
            held[code] = minutes
    meeting = rating_meeting(proposal)
    if meeting is not None:
        held["bien_ban_binh_xet"] = gettext("Biên bản họp bình xét của %(unit)s ngày %(date)s") % {
            "unit": meeting.unit.name,
            "date": meeting.date.strftime("%d/%m/%Y"),
        }
    certificate = _initiative(proposal)
    if certificate:
        held["chung_nhan_sang_kien"] = certificate
    return held


def rating_meeting(proposal: Proposal) -> RatingMeeting | None:
    """The meeting of the person's unit that voted on them for the year, if recorded."""
    if not proposal.person_id:
        return None
    return (
        RatingMeeting.objects.filter(year=proposal.year, votes__person_id=proposal.person_id)
        .select_related("unit")
        .first()
    )


def _minutes(proposal: Proposal) -> str:
    item = (
        proposal.council_items.exclude(meeting__minutes_number="")
        .select_related("meeting")
        .order_by("-meeting__date", "-id")
        .first()
    )
    if item is None:
        return ""
    meeting = item.meeting
    return gettext("Biên bản họp Hội đồng số %(number)s ngày %(date)s") % {
        "number": meeting.minutes_number,
        "date": meeting.minutes_date.strftime("%d/%m/%Y"),
    }


def _initiative(proposal: Proposal) -> str:
    """A recognised initiative of the subject in the year stands for its certificate."""
    recognised = {"state": State.RECOGNISED, "decision_date__year": proposal.year}
    if proposal.person_id:
        found = Initiative.objects.filter(
            pk__in=Authorship.objects.filter(person_id=proposal.person_id).values("initiative_id"), **recognised
        ).first()
    else:
        found = Initiative.objects.filter(unit_id=proposal.unit_id, **recognised).first()
    if found is None:
        return ""
    return gettext("Sáng kiến «%(title)s», Quyết định công nhận số %(number)s ngày %(date)s") % {
        "title": found.title,
        "number": found.decision_number,
        "date": found.decision_date.strftime("%d/%m/%Y"),
    }


def missing_message(proposal: Proposal, absent: list[str]) -> str:
    return gettext(
        "Hồ sơ đề nghị %(award)s cho %(subject)s chưa đủ, còn thiếu: %(missing)s. Hãy bổ sung trước khi quyết định."
    ) % {"award": proposal.award_code, "subject": proposal.subject, "missing": ", ".join(absent)}


def simplified_label(code: str) -> str:
    return str(SIMPLIFIED_CASES.get(code, code))
