"""What the system already knows about a subject's year, gathered for a proposal: the
yearly rating, the registration (title aimed for and commitments), confirmed results,
recognised initiatives and the awards received before. The achievement report (báo
cáo thành tích) is first written from these; the proposer then edits it."""

from dataclasses import dataclass, field

from django.utils.translation import gettext

from thidua.commendation.models import AwardRecord, YearlyRating
from thidua.core.codes import State
from thidua.core.numerals import vn_number
from thidua.initiatives.models import Authorship, Initiative
from thidua.organization.models import Person
from thidua.registrations.models import PersonRegistration, UnitRegistration
from thidua.results.models import ResultEntry


@dataclass
class Prefill:
    subject: object
    year: int
    rating: YearlyRating | None = None
    aimed_title: str = ""
    commitments: list[str] = field(default_factory=list)
    results: list[ResultEntry] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    awards: list[AwardRecord] = field(default_factory=list)

    @property
    def is_person(self) -> bool:
        return isinstance(self.subject, Person)


def gather(subject, year: int) -> Prefill:
    """Six queries at most, whatever the subject's history."""
    data = Prefill(subject, year)
    data.rating = YearlyRating.objects.for_subject(subject).filter(year=year).first()
    data.awards = list(
        AwardRecord.objects.in_force().for_subject(subject).select_related("award_type").order_by("year", "id")
    )
    if data.is_person:
        _person(data, subject, year)
    else:
        _unit(data, subject, year)
    return data


def _person(data: Prefill, person: Person, year: int) -> None:
    registration = PersonRegistration.objects.filter(person=person, registration__year=year).first()
    if registration is not None:
        data.aimed_title = registration.get_title_display()
        data.commitments = [line for line in registration.commitments.splitlines() if line.strip()]
    data.results = list(ResultEntry.objects.filter(person=person, date__year=year, state=State.CONFIRMED))
    data.initiatives = [
        a.initiative
        for a in Authorship.objects.filter(
            person=person,
            initiative__state=State.RECOGNISED,
            initiative__decision_date__year=year,
        )
        .select_related("initiative")
        .prefetch_related("initiative__higher_recognitions")
    ]


def _unit(data: Prefill, unit, year: int) -> None:
    registration = (
        UnitRegistration.objects.filter(unit=unit, year=year).prefetch_related("commitments__content_area").first()
    )
    if registration is not None:
        data.aimed_title = registration.get_title_display()
        data.commitments = [
            gettext("Nội dung thi đua %(number)s: %(text)s") % {"number": c.content_area.number, "text": c.text.strip()}
            for c in registration.commitments.all()
            if c.text.strip()
        ]
    data.results = list(
        ResultEntry.objects.filter(unit=unit, person__isnull=True, date__year=year, state=State.CONFIRMED)
    )
    data.initiatives = list(
        Initiative.objects.filter(unit=unit, state=State.RECOGNISED, decision_date__year=year).prefetch_related(
            "higher_recognitions"
        )
    )


def report_text(data: Prefill, award_name: str) -> str:
    """The first draft of the achievement report, one paragraph per line; lines
    starting with a Roman numeral or "1." are headings in the Word file."""
    lines = [gettext("I. SƠ LƯỢC LÝ LỊCH") if data.is_person else gettext("I. ĐẶC ĐIỂM, TÌNH HÌNH")]
    lines += _profile(data)
    lines.append(gettext("II. THÀNH TÍCH ĐẠT ĐƯỢC NĂM %(year)s") % {"year": data.year})
    lines.append(gettext("1. Kết quả thực hiện nhiệm vụ được giao"))
    lines += _duties(data)
    lines.append(gettext("2. Sáng kiến, giải pháp được công nhận"))
    lines += [_initiative(i) for i in data.initiatives] or [gettext("- Không có sáng kiến được công nhận trong năm.")]
    lines.append(gettext("III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN"))
    lines += [_award(a) for a in data.awards] or [gettext("- Chưa có.")]
    lines.append(gettext("IV. ĐỀ NGHỊ"))
    lines.append(gettext("Đề nghị xét tặng %(award)s năm %(year)s.") % {"award": award_name, "year": data.year})
    return "\n".join(lines)


def _profile(data: Prefill) -> list[str]:
    subject = data.subject
    if data.is_person:
        lines = [gettext("- Họ và tên: %(name)s") % {"name": subject.full_name}]
        if subject.position:  # no line rather than a dash for a position not recorded
            lines.append(gettext("- Chức vụ: %(position)s") % {"position": subject.position})
        return lines + [gettext("- Đơn vị công tác: %(unit)s") % {"unit": subject.unit.name}]
    return [gettext("- Tên tập thể: %(name)s") % {"name": subject.name}]


def _duties(data: Prefill) -> list[str]:
    lines = []
    if data.rating is not None:
        lines.append(
            gettext("- Xếp loại chất lượng năm %(year)s: %(rating)s.")
            % {"year": data.year, "rating": data.rating.get_rating_display()}
        )
    if data.aimed_title:
        lines.append(gettext("- Đăng ký thi đua: %(title)s.") % {"title": data.aimed_title})
    lines += [f"- {c.strip().lstrip('-').strip()}" for c in data.commitments]  # one list mark, never "- 1."
    lines += [_result(r) for r in data.results]
    return lines or [gettext("- Không có kết quả được xác nhận trong năm.")]


def _result(entry: ResultEntry) -> str:
    amount = ""
    if entry.quantity is not None:
        amount = f" ({vn_number(entry.quantity)} {entry.quantity_unit})".rstrip()
    return f"- {entry.title}{amount}: {entry.description.strip()}"


def _initiative(initiative: Initiative) -> str:
    return gettext(
        "- Sáng kiến «%(title)s», công nhận phạm vi %(scope)s theo Quyết định số %(number)s ngày %(date)s."
    ) % {
        "title": initiative.title,
        "scope": initiative.get_scope_display().lower(),
        "number": (decision := initiative.scope_decision())[0],
        "date": decision[1].strftime("%d/%m/%Y"),
    }


def _award(award: AwardRecord) -> str:
    return gettext("- Năm %(year)s: %(award)s (Quyết định số %(decision)s).") % {
        "year": award.year,
        "award": award.award_type.name,
        "decision": award.decision_text(),
    }
