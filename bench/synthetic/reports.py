"""Generated reporting periods of every year and each unit's report for them, with the
snapshot of each submission."""

import datetime

from bench.synthetic import words
from bench.synthetic.bulk import Progress, insert, stream
from bench.synthetic.movement import moment, pick_state
from bench.synthetic.shape import YEARS, World
from thidua.core.codes import State
from thidua.reports.enums import DEFAULT_REQUIRED, FIXED_YEARS, PeriodKind, Section
from thidua.reports.models import ReportingPeriod, Submission, UnitReport
from thidua.reports.services import default_title, office_deadline

CLOSED = [(State.ACCEPTED, 90), (State.SUBMITTED, 3), (State.RETURNED, 2), (State.DRAFT, 5)]
OPEN = [(State.ACCEPTED, 30), (State.SUBMITTED, 25), (State.RETURNED, 10), (State.DRAFT, 35)]


def _periods(world: World) -> list[ReportingPeriod]:
    wanted = [(PeriodKind.SIX_MONTHLY, year, datetime.date(year, 6, 30)) for year in YEARS]
    wanted += [(PeriodKind.ANNUAL, year, datetime.date(year, 11, 30)) for year in YEARS]
    wanted += [(kind, year, datetime.date(year, 11, 25)) for kind, year in FIXED_YEARS.items() if year in YEARS]
    periods = []
    for kind, year, due in wanted:
        office_due = office_deadline(world.plan, year) if kind == PeriodKind.ANNUAL else None
        period, _ = ReportingPeriod.objects.get_or_create(
            plan=world.plan,
            kind=kind,
            year=year,
            defaults={
                "title": default_title(kind, year),
                "due_date": due,
                "office_due_date": office_due,
                "required_sections": list(DEFAULT_REQUIRED),
                "created_at": moment(due - datetime.timedelta(days=60)),
            },
        )
        periods.append(period)
    return periods


def build_reports(world: World, progress: Progress) -> None:
    rng = world.rng("reports")
    periods = _periods(world)
    units = world.reporting_units()
    progress.start("Báo cáo của đơn vị", len(periods) * len(units) * 2)
    reports = [_report(world, rng, period, unit) for period in periods for unit in units]
    created = insert(UnitReport, reports, progress)
    submissions = stream(Submission, _submissions(world, created), progress)
    world.add("kỳ báo cáo", len(periods))
    world.add("báo cáo của đơn vị", len(created))
    world.add("lần gửi báo cáo", submissions)
    progress.finish()


def _content(world: World, rng, unit) -> dict:
    return {
        Section.RESULTS.value: {
            str(a.pk): f"- {rng.choice(words.RESULT_TITLES.get(a.number, ['Kết quả']))}." for a in world.areas
        },
        Section.INDICATORS.value: "",
        Section.INITIATIVES.value: "",
        Section.EXAMPLES.value: f"- {world.person_names[unit.people[0]]}: nhiều kết quả đã xác nhận."
        if unit.people
        else "",
        Section.DIFFICULTIES.value: rng.choice(words.REPORT_SENTENCES),
    }


def _report(world: World, rng, period: ReportingPeriod, unit) -> UnitReport:
    state = pick_state(rng, period.year, CLOSED, OPEN)
    sent = state != State.DRAFT
    late = sent and rng.random() < 0.06
    when = moment(period.due_date + datetime.timedelta(days=rng.randint(1, 5) if late else -rng.randint(0, 10)))
    accepted = state == State.ACCEPTED
    return UnitReport(
        period=period,
        unit_id=unit.id,
        owner_id=unit.people[0] if unit.people else None,
        state=state,
        content=_content(world, rng, unit),
        submitted_at=when if sent else None,
        last_submitted_at=when if sent else None,
        is_late=late,
        return_reason="Bổ sung số liệu nội dung 2." if state == State.RETURNED else "",
        accepted_at=when + datetime.timedelta(days=3) if accepted else None,
        accepted_by_id=world.agencies[unit.agency].office_user_id if accepted else None,
        updated_at=when if sent else moment(period.due_date - datetime.timedelta(days=20)),
    )


def _submissions(world: World, reports):
    for report in reports:
        if report.state == State.DRAFT:
            continue
        yield Submission(
            report_id=report.pk,
            number=1,
            submitted_at=report.submitted_at,
            submitted_by_id=world.units[report.unit_id].head_user_id,
            is_late=report.is_late,
            content=report.content,
        )
