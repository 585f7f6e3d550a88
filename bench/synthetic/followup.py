"""Generated difficulties raised by units and self-inspections with their checklists,
answers, findings and follow-up actions."""

import datetime

from bench.synthetic import words
from bench.synthetic.bulk import Progress, insert, stream
from bench.synthetic.movement import day_in, moment, pick_state
from bench.synthetic.shape import YEARS, World
from thidua.core.codes import State
from thidua.difficulties.models import Difficulty
from thidua.inspections.enums import AnswerResult, Severity
from thidua.inspections.models import (
    Answer,
    ChecklistItem,
    Finding,
    FollowUpAction,
    InspectionPlan,
    UnitChecklist,
)

DIFF_CLOSED = [
    (State.DECIDED, 85),
    (State.UNDER_REVIEW, 5),
    (State.ACCEPTED, 3),
    (State.SUBMITTED, 3),
    (State.DRAFT, 4),
]
DIFF_OPEN = [
    (State.DECIDED, 30),
    (State.UNDER_REVIEW, 20),
    (State.ACCEPTED, 15),
    (State.SUBMITTED, 20),
    (State.DRAFT, 15),
]
CHECK_CLOSED = [(State.ACCEPTED, 90), (State.SUBMITTED, 4), (State.RETURNED, 2), (State.DRAFT, 4)]
CHECK_OPEN = [(State.ACCEPTED, 30), (State.SUBMITTED, 25), (State.RETURNED, 10), (State.DRAFT, 35)]
ITEMS = [
    "Đơn vị đã ban hành kế hoạch hưởng ứng phong trào",
    "Đơn vị đã đăng ký thi đua đúng hạn",
    "Kết quả được ghi nhận kèm minh chứng",
    "Báo cáo định kỳ được gửi đúng hạn",
    "Sáng kiến được đăng ký và đánh giá",
]
STEPS = [State.DRAFT, State.SUBMITTED, State.ACCEPTED, State.UNDER_REVIEW, State.DECIDED]


def build_difficulties(world: World, progress: Progress) -> None:
    rng = world.rng("difficulties")
    units = world.reporting_units()
    rows = [_difficulty(world, rng, unit, year) for year in YEARS for unit in units if rng.random() < 0.3]
    progress.start("Khó khăn, vướng mắc", len(rows))
    world.add("khó khăn, vướng mắc", len(insert(Difficulty, rows, progress)))
    progress.finish()


def _difficulty(world: World, rng, unit, year: int) -> Difficulty:
    state = pick_state(rng, year, DIFF_CLOSED, DIFF_OPEN)
    step = STEPS.index(state)
    raised = day_in(rng, year, 1, 10)
    agency = world.agencies[unit.agency]
    office, director = agency.office_user_id, agency.director_user_id
    when = [moment(raised + datetime.timedelta(days=7 * i)) for i in range(5)]
    decided = state == State.DECIDED
    return Difficulty(
        plan=world.plan,
        unit_id=unit.id,
        content_area_id=rng.choice(world.areas).pk,
        title=rng.choice(words.DIFFICULTY_TITLES),
        description="Ảnh hưởng đến tiến độ thực hiện nội dung thi đua.",
        proposal="Đề nghị Sở xem xét hỗ trợ trong năm.",
        state=state,
        raised_by_id=unit.head_user_id,
        created_at=when[0],
        submitted_at=when[1] if step >= 1 else None,
        accepted_at=when[2] if step >= 2 else None,
        office_summary="Văn phòng đã tổng hợp." if step >= 3 else "",
        office_recommendation="Đề nghị bố trí kinh phí." if step >= 3 else "",
        reviewed_by_id=office if step >= 3 else None,
        reviewed_at=when[3] if step >= 3 else None,
        decision="Đồng ý bố trí kinh phí trong năm sau." if decided else "",
        decided_by_id=director if decided else None,
        decided_by_name="Giám đốc Sở" if decided else "",
        decided_on=when[4].date() if decided else None,
        closed_on=when[4].date() + datetime.timedelta(days=60) if decided and rng.random() < 0.7 else None,
        closed_by_id=office if decided else None,
    )


def build_inspections(world: World, progress: Progress) -> None:
    rng = world.rng("inspections")
    agencies = [a for a in world.agencies if a.unit_ids]
    progress.start("Tự kiểm tra", len(agencies) * len(YEARS))
    plans, picked = [], []
    for year in YEARS:
        for agency in agencies:
            start = datetime.date(year, 9, 1)
            plans.append(
                InspectionPlan(
                    plan=world.plan,
                    title=f"Tự kiểm tra phong trào thi đua năm {year} — {agency.name}",
                    year=year,
                    starts_on=start,
                    ends_on=start + datetime.timedelta(days=60),
                    created_by_id=agency.office_user_id,
                    created_at=moment(start),
                )
            )
            picked.append((year, agency, rng.sample(agency.unit_ids, max(1, len(agency.unit_ids) // 4))))
    plans = insert(InspectionPlan, plans, progress)
    items = insert(
        ChecklistItem,
        [ChecklistItem(inspection=plan, order=n, text=text) for plan in plans for n, text in enumerate(ITEMS, 1)],
    )
    by_plan = {}
    for item in items:
        by_plan.setdefault(item.inspection_id, []).append(item)
    checklists = insert(
        UnitChecklist,
        [
            _checklist(rng, plan, year, unit)
            for plan, (year, _, units) in zip(plans, picked, strict=True)
            for unit in units
        ],
    )
    world.add("tự kiểm tra", len(plans))
    world.add("bảng kiểm", len(checklists))
    stream(Answer, _answers(rng, checklists, by_plan))
    _findings(world, rng, checklists)
    progress.finish()


def _checklist(rng, plan, year: int, unit: int) -> UnitChecklist:
    state = pick_state(rng, year, CHECK_CLOSED, CHECK_OPEN)
    sent = state != State.DRAFT
    return UnitChecklist(
        inspection=plan,
        unit_id=unit,
        state=state,
        submitted_at=moment(plan.starts_on + datetime.timedelta(days=20)) if sent else None,
        returned_reason="Thiếu minh chứng." if state == State.RETURNED else "",
    )


def _answers(rng, checklists, by_plan):
    results = [AnswerResult.MET] * 6 + [AnswerResult.NOT_MET, AnswerResult.NOT_APPLICABLE]
    for checklist in checklists:
        answered = checklist.state != State.DRAFT or rng.random() < 0.5
        for item in by_plan[checklist.inspection_id]:
            yield Answer(
                checklist=checklist,
                item=item,
                result=rng.choice(results) if answered else "",
                answered_at=checklist.submitted_at if answered else None,
            )


def _findings(world: World, rng, checklists) -> None:
    accepted = [c for c in checklists if c.state == State.ACCEPTED and rng.random() < 0.3]
    findings = insert(
        Finding,
        [
            Finding(
                checklist=c,
                text="Một số kết quả chưa có minh chứng kèm theo.",
                severity=rng.choice(list(Severity.values)),
                created_at=c.submitted_at,
            )
            for c in accepted
        ],
    )
    actions = []
    for finding in findings:
        unit = world.units[finding.checklist.unit_id]
        if not unit.people:
            continue
        due = finding.checklist.submitted_at.date() + datetime.timedelta(days=45)
        done = due - datetime.timedelta(days=5) if rng.random() < 0.75 else None
        actions.append(
            FollowUpAction(
                checklist=finding.checklist,
                finding=finding,
                text="Bổ sung minh chứng.",
                owner_id=unit.people[0],
                due_on=due,
                done_on=done,
                done_note="Đã bổ sung." if done else "",
                created_at=finding.created_at,
            )
        )
    stream(FollowUpAction, actions)
    world.add("việc khắc phục", len(actions))
