"""One home for each rule of access. Every transition table of every app (found in the
apps' `enums.py`, so a new table is covered without touching this file) has, in that
app's `rules.py`, a predicate `can_<move>(user, obj)` for each of its moves. And for a
sample of moves of each app, an account the predicate refuses is refused alike by the
page and by the API (403, or 404 when it may not even see the object), the object does
not move, and the page shows that account no button for the move while it shows one
to the account that may make it. And every service refuses through its app's rules:
its `require` names a `rules` predicate, never a rule or a wrapper of its own."""

import ast
import datetime
import importlib
import inspect
import json
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

import pytest
import time_machine
from django.apps import apps
from django.urls import reverse

from tests.initiatives.conftest import initiative_data
from tests.inspections.conftest import answer_all
from tests.proposals.conftest import Flow, rate
from tests.registrations.conftest import IN_WINDOW, commitments_for
from tests.reports.conftest import filled
from thidua.core.codes import EmulationTitle, State
from thidua.core.workflow import Moves

pytestmark = pytest.mark.django_db


# --- (a) every move of every table has its predicate --------------------------------------
def _is_table(value) -> bool:
    """A transition table: {state: {states it may move to}}."""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(isinstance(k, str) for k in value)
        and all(isinstance(v, set | frozenset) and all(isinstance(s, str) for s in v) for v in value.values())
    )


def transition_tables() -> list[tuple[str, str, dict]]:
    """(app, name, table) for every table declared in an app's `enums.py`."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("thidua."):
            continue
        try:
            enums = importlib.import_module(f"{config.name}.enums")
        except ModuleNotFoundError:
            continue
        found += [(config.name, name, value) for name, value in vars(enums).items() if _is_table(value)]
    return found


TABLES = transition_tables()


def moves_of(app: str, table: dict) -> Moves | None:
    """The `Moves` of the app's `rules.py` that covers `table`."""
    rules = importlib.import_module(f"{app}.rules")
    return next((m for m in vars(rules).values() if isinstance(m, Moves) and m.table is table), None)


def problems(app: str, moves: Moves) -> list[str]:
    """Each move of the table without its predicate, or with one that is not a
    `can_<move>(user, obj)` of the app's own rules, and each predicate given for a move
    the table does not have."""
    edges = moves.edges()
    found = [
        f"{' → '.join(key) if isinstance(key, tuple) else key}: no such move in the table"
        for key in moves.predicates
        if key not in edges and key not in {target for _, target in edges}
    ]
    for source, target in moves.edges():
        predicate = moves.predicate(source, target)
        if predicate is None:
            found.append(f"{source} → {target}: no predicate")
            continue
        if not (predicate.__name__.startswith("can_") and predicate.__module__ == f"{app}.rules"):
            found.append(
                f"{source} → {target}: {predicate.__module__}.{predicate.__name__} is not a can_<move> of {app}.rules"
            )
        elif (
            list(inspect.signature(predicate).parameters)[:1] != ["user"]
            or len(inspect.signature(predicate).parameters) != 2
        ):
            found.append(f"{source} → {target}: {predicate.__name__} does not take (user, obj)")
    return found


def test_every_workflow_app_declares_its_table():
    assert {app for app, _, _ in TABLES} >= {
        "thidua.difficulties",
        "thidua.initiatives",
        "thidua.inspections",
        "thidua.proposals",
        "thidua.registrations",
        "thidua.reports",
        "thidua.results",
    }


@pytest.mark.parametrize(("app", "name", "table"), TABLES, ids=[f"{a.split('.')[1]}.{n}" for a, n, _ in TABLES])
def test_each_move_of_the_table_has_its_predicate_in_the_apps_rules(app, name, table):
    moves = moves_of(app, table)
    assert moves is not None, f"{app}.rules has no Moves({name}, …)"
    assert problems(app, moves) == []


def test_a_move_without_a_predicate_is_found():
    from thidua.difficulties import rules

    table = {State.DRAFT: {State.SUBMITTED}, State.SUBMITTED: {State.ACCEPTED, State.RETURNED}}
    moves = Moves(
        table, {State.SUBMITTED: rules.can_submit, State.ACCEPTED: len, (State.DRAFT, State.DECIDED): rules.can_decide}
    )
    assert problems("thidua.difficulties", moves) == [
        "draft → decided: no such move in the table",
        "submitted → accepted: builtins.len is not a can_<move> of thidua.difficulties.rules",
        "submitted → returned: no predicate",
    ]


def test_may_asks_the_table_first_then_the_predicate(org, plan):
    from thidua.difficulties import rules, services

    draft = services.raise_difficulty(
        actor=org.users.head_a,
        plan=plan,
        unit=org.units.a,
        title="Thiếu máy scan",
        description="Một máy cho cả phòng.",
        proposal="Cấp thêm.",
        submit=False,
    )
    assert rules.MOVES.may(org.users.head_a, draft, State.SUBMITTED)
    assert not rules.MOVES.may(org.users.head_b, draft, State.SUBMITTED)  # another unit
    assert not rules.MOVES.may(org.users.officer, draft, State.ACCEPTED)  # not yet sent


# --- (b) the page and the API refuse alike -------------------------------------------------
@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def plan(org):
    from thidua.plans.loading import load_plan

    return load_plan()[0]


@dataclass
class Case:
    """One move: how to build the object in a state the table allows it from, who may
    make it, who may not, and where the page, the API and the object's page are."""

    name: str
    build: Callable  # (org, plan) → object
    allowed: str  # the persona who may make the move
    refused: tuple[str, ...]
    page: tuple[str, dict]  # (URL name taking the object, POST data)
    api: tuple[str, dict] | None  # (path with {pk}, JSON body); None: the API offers no such move
    detail: Callable  # (object) → URL of the page showing the move's button
    when: str | None = None  # a moment to live in (the registration window)
    page_arg: Callable = lambda obj: obj.pk  # one URL argument, or a tuple of them
    snapshot: Callable = lambda obj: (obj.state, obj.version)
    app: str = ""  # the app whose rules the case exercises, when not the name's first word

    @property
    def app_label(self) -> str:
        return self.app or self.name.split(":")[0]

    def page_url(self, obj) -> str:
        args = self.page_arg(obj)
        return reverse(self.page[0], args=list(args) if isinstance(args, tuple) else [args])

    def api_body(self, obj) -> dict:
        body = self.api[1]
        return body(obj) if callable(body) else body


def _difficulty(step):
    def build(org, plan):
        from thidua.difficulties import services

        item = services.raise_difficulty(
            actor=org.users.head_a,
            plan=plan,
            unit=org.units.a,
            title="Thiếu chứng thư số",
            description="Mới có 2 chứng thư số.",
            proposal="Cấp bổ sung 4 chứng thư số.",
        )
        if step in (State.ACCEPTED, State.UNDER_REVIEW):
            services.accept_difficulty(actor=org.users.officer, difficulty=item)
        if step == State.UNDER_REVIEW:
            services.review_difficulty(
                actor=org.users.officer, difficulty=item, summary="Nhu cầu có thật.", recommendation="Đề nghị đồng ý."
            )
        return item

    return build


def _initiative(org, plan):
    from thidua.initiatives import services

    item = services.create_initiative(
        actor=org.users.staff_a,
        data=initiative_data(plan, org.units.a),
        authors=[services.AuthorShare(org.people.staff_a, 100)],
    )
    return services.submit(actor=org.users.staff_a, initiative=item)


def _follow_up_action(org, plan):
    from thidua.inspections import services

    inspection = services.create_inspection(
        actor=org.users.officer,
        plan=plan,
        title="Tự kiểm tra quý III/2026",
        year=2026,
        starts_on=datetime.date(2026, 7, 1),
        ends_on=datetime.date(2026, 9, 30),
        units=[org.units.a],
        items=[{"text": "Ký số văn bản đi", "content_area": plan.content_areas.get(number="2")}],
    )
    checklist = inspection.checklists.get()
    return services.add_action(
        actor=org.users.officer,
        checklist=checklist,
        text="Ký số toàn bộ văn bản đi",
        owner=org.people.staff_a,
        due_on=datetime.date(2026, 10, 15),
    )


def _checklist(org, plan):
    from thidua.inspections import services

    checklist = _follow_up_action(org, plan).checklist
    answer_all(checklist, org.users.head_a)
    return services.submit_checklist(actor=org.users.head_a, checklist=checklist)


def _proposal(step):
    def build(org, plan):
        for subject, rating in ((org.people.staff_a, "HTXSNV"), (org.people.head_a, "HTTNV"), (org.units.a, "HTXSNV")):
            rate(subject, rating)
        return Flow(org).make(step)

    return build


def _registration(step):
    def build(org, plan):
        from thidua.registrations import services

        services.set_window(
            plan=plan,
            year=2026,
            opens_on=datetime.date(2026, 5, 1),
            closes_on=datetime.date(2026, 5, 31),
            actor=org.users.officer,
        )
        item = services.open_registration(plan=plan, year=2026, unit=org.units.a, actor=org.users.head_a)
        services.save_unit_registration(
            registration=item,
            title=EmulationTitle.TTLDXS,
            actor=org.users.head_a,
            commitments=commitments_for(plan.content_areas.all()),
        )
        if step == State.SUBMITTED:
            services.submit_registration(registration=item, actor=org.users.head_a)
        return item

    return build


def _report(org, plan):
    from thidua.reports import services
    from thidua.reports.enums import PeriodKind

    period = services.create_period(
        plan=plan, kind=PeriodKind.ANNUAL, year=2026, due_date=datetime.date(2026, 11, 30), actor=org.users.officer
    )
    report = period.unit_reports.get(unit=org.units.a)
    return services.submit_report(report=report, actor=org.users.head_a, content=filled(report))


def _result(org, plan):
    from thidua.results import services

    entry = services.record_result(
        actor=org.users.staff_a,
        plan=plan,
        unit=org.units.a,
        person=org.people.staff_a,
        content_area=plan.content_areas.get(number="2"),
        title="Số hóa hồ sơ",
        description="Số hóa 1.200 hồ sơ lý lịch tư pháp.",
        date=datetime.date(2026, 6, 15),
    )
    services.submit_result(actor=org.users.staff_a, entry=entry)
    return entry


def _council_meeting(org, plan):
    """A meeting with one proposal under review on its agenda; the councillor and the
    director are seated."""
    for subject, rating in ((org.people.staff_a, "HTXSNV"), (org.people.head_a, "HTTNV"), (org.units.a, "HTXSNV")):
        rate(subject, rating)
    flow = Flow(org)
    proposal = flow.make(State.UNDER_REVIEW)
    flow.meeting.proposal_pk = proposal.pk
    return flow.meeting


def _ballots(meeting):
    from thidua.council.models import Ballot

    return Ballot.objects.filter(item__meeting=meeting).count()


def _scoring_sheet(org, plan):
    from thidua.evaluation import services

    sheet = services.create_sheet(actor=org.users.officer, plan=plan, year=2026)
    sheet.unit_pk = org.units.a.pk
    sheet.criterion_pk = sheet.items.filter(criterion__subject_kind="collective").values_list(
        "criterion_id", flat=True
    )[0]
    return sheet


def _self_assessments(sheet):
    from thidua.evaluation.models import SelfAssessment

    return SelfAssessment.objects.filter(item__sheet=sheet).count()


def _decided_award(org, plan):
    from thidua.commendation import services

    return services.record_award(
        actor=org.users.officer,
        subject=org.units.a,
        code="TTLDXS",
        year=2026,
        decision_number="31/QĐ-STP",
        decision_date=datetime.date(2026, 12, 1),
        issuer="Giám đốc Sở Tư pháp",
    )


def _published(award):
    from thidua.honours.models import Publication

    return Publication.objects.filter(award=award, is_published=True).exists()


def _review(org, plan):
    from thidua.reviews import services

    phase = plan.phases.get(review_kind="mid_term")  # reviewed in 2027
    return services.schedule_review(
        actor=org.users.officer, phase=phase, review_date=datetime.date(phase.review_year, 6, 30)
    )


def _url(name):
    return lambda obj: reverse(name, args=[obj.pk])


CASES = [
    Case(
        "difficulties: the office takes an item in",
        _difficulty(State.SUBMITTED),
        "officer",
        ("staff_a", "head_b"),
        ("difficulty_accept", {}),
        ("/api/v1/difficulties/{pk}/accept/", {}),
        _url("difficulty_detail"),
    ),
    Case(
        "difficulties: the director decides",
        _difficulty(State.UNDER_REVIEW),
        "director",
        ("officer", "head_a"),
        ("difficulty_decide", {"decision": "Đồng ý cấp bổ sung."}),
        ("/api/v1/difficulties/{pk}/decide/", {"decision": "Đồng ý cấp bổ sung."}),
        _url("difficulty_detail"),
    ),
    Case(
        "initiatives: the office hands one to the council",
        _initiative,
        "officer",
        ("staff_a", "head_b"),
        ("initiative_start_review", {}),
        ("/api/v1/initiatives/{pk}/start-review/", {}),
        _url("initiative_detail"),
    ),
    Case(
        "inspections: the office takes a checklist in",
        _checklist,
        "officer",
        ("head_a", "head_b"),
        ("checklist_accept", {}),
        None,
        _url("checklist_detail"),
    ),
    Case(
        "inspections: an action is marked done",
        _follow_up_action,
        "head_a",
        ("councillor", "head_b"),
        ("action_done", {"note": "Đã ký số toàn bộ văn bản đi."}),
        ("/api/v1/inspection-actions/{pk}/done/", {"note": "Đã ký số toàn bộ văn bản đi."}),
        lambda action: reverse("checklist_detail", args=[action.checklist_id]),
        snapshot=lambda action: action.done_on,
    ),
    Case(
        "proposals: the office accepts",
        _proposal(State.SUBMITTED),
        "officer",
        ("head_a", "head_b"),
        ("proposal_accept", {"accept-override_reason": ""}),
        ("/api/v1/proposals/{pk}/accept/", {}),
        _url("proposal_detail"),
    ),
    Case(
        "proposals: the office undoes its acceptance",
        _proposal(State.ACCEPTED),
        "officer",
        ("head_a", "director", "head_b"),
        ("proposal_undo_acceptance", {"unaccept-reason": "Tiếp nhận nhầm"}),
        ("/api/v1/proposals/{pk}/undo-acceptance/", {"reason": "Tiếp nhận nhầm"}),
        _url("proposal_detail"),
    ),
    Case(
        "proposals: the director undoes an approval",
        _proposal(State.APPROVED),
        "director",
        ("officer", "head_a", "head_b"),
        ("proposal_undo_approval", {"unapprove-reason": "Có đơn khiếu nại"}),
        ("/api/v1/proposals/{pk}/undo-approval/", {"reason": "Có đơn khiếu nại"}),
        _url("proposal_detail"),
        when="2027-03-01 09:00 +07:00",  # after the council's minutes of January 2027
    ),
    Case(
        "proposals: the unit submits",
        _proposal(State.DRAFT),
        "head_a",
        ("officer", "staff_a", "head_b"),
        ("proposal_submit", {}),
        ("/api/v1/proposals/{pk}/submit/", {}),
        _url("proposal_detail"),
    ),
    Case(
        "registrations: the office accepts",
        _registration(State.SUBMITTED),
        "officer",
        ("head_a", "head_b"),
        ("registration_accept", {}),
        ("/api/v1/registrations/{pk}/accept/", {}),
        lambda reg: reverse("registration_unit", args=[reg.unit_id]) + "?nam=2026",
        when=IN_WINDOW,
    ),
    Case(
        "registrations: the unit head submits",
        _registration(State.DRAFT),
        "head_a",
        ("staff_a", "head_b"),
        ("registration_submit", {}),
        ("/api/v1/registrations/{pk}/submit/", {}),
        lambda reg: reverse("registration_unit", args=[reg.unit_id]) + "?nam=2026",
        when=IN_WINDOW,
        page_arg=lambda reg: reg.unit_id,
    ),
    Case(
        "reports: the office accepts a unit's report",
        _report,
        "officer",
        ("head_a", "head_b"),
        ("unit_report_accept", {}),
        ("/api/v1/unit-reports/{pk}/accept/", {}),
        _url("unit_report_detail"),
    ),
    Case(
        "reports: the office returns a unit's report",
        _report,
        "officer",
        ("head_a", "head_b"),
        ("unit_report_return", {"reason": "Thiếu số liệu chỉ tiêu."}),
        ("/api/v1/unit-reports/{pk}/return/", {"reason": "Thiếu số liệu chỉ tiêu."}),
        _url("unit_report_detail"),
    ),
    Case(
        "results: the unit head confirms",
        _result,
        "head_a",
        ("staff_a", "officer", "head_b"),
        ("result_confirm", {}),
        ("/api/v1/results/{pk}/confirm/", {}),
        _url("result_detail"),
    ),
    Case(
        "council: a seated member votes",
        _council_meeting,
        "councillor",
        ("officer", "head_a"),
        ("meeting_vote", {"choice": "agree"}),
        ("/api/v1/council-votes/", lambda m: {"meeting": m.pk, "proposal": m.proposal_pk, "choice": "agree"}),
        _url("meeting_detail"),
        page_arg=lambda meeting: (meeting.pk, meeting.proposal_pk),
        snapshot=_ballots,
    ),
    Case(
        "evaluation: a unit's head assesses the unit",
        _scoring_sheet,
        "head_a",
        ("director", "staff_a", "head_b"),
        ("evaluation_self", {}),
        (
            "/api/v1/self-assessments/",
            lambda sheet: {"year": 2026, "criterion": sheet.criterion_pk, "unit": sheet.unit_pk, "score": "15"},
        ),
        lambda sheet: reverse("evaluation_subject", args=[2026, "don-vi", sheet.unit_pk]),
        page_arg=lambda sheet: (2026, "don-vi", sheet.unit_pk),
        snapshot=_self_assessments,
    ),
    Case(
        "honours: the office publishes a decided award",
        _decided_award,
        "officer",
        ("head_a", "director"),
        ("honours_award_publish", {"publish": "1"}),
        None,
        lambda award: reverse("honours_manage_awards") + "?nam=2026",
        snapshot=_published,
    ),
    Case(
        "reviews: the office freezes the figures",
        _review,
        "officer",
        ("head_a", "director", "councillor"),
        ("review_freeze", {}),
        None,
        _url("review_detail"),
        when="2027-07-01 09:00 +07:00",
        snapshot=lambda review: review.frozen_at,
    ),
]


def test_every_app_with_a_table_has_a_case():
    """Discovered, not listed: a new table without a case here fails. The apps whose
    objects have no workflow state have their cases too."""
    covered = {case.app_label for case in CASES}
    assert {app.split(".")[1] for app, _, _ in TABLES} | {"council", "evaluation", "honours", "reviews"} <= covered


def _reload(obj):
    return type(obj)._default_manager.get(pk=obj.pk)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_page_and_api_refuse_alike_and_nothing_moves(case, org, plan, client_for):
    with time_machine.travel(case.when, tick=False) if case.when else nullcontext():
        obj = case.build(org, plan)
        before = case.snapshot(_reload(obj))
        page_url = case.page_url(obj)
        for persona in case.refused:
            client = client_for(getattr(org.users, persona))
            page = client.post(page_url, case.page[1]).status_code
            assert page in (403, 404), f"{persona}: the page answered {page}"
            if case.api is not None:
                api = client.post(
                    case.api[0].format(pk=obj.pk), json.dumps(case.api_body(obj)), content_type="application/json"
                ).status_code
                assert api == page, f"{persona}: the page answered {page}, the API {api}"
            assert case.snapshot(_reload(obj)) == before, f"{persona} moved it"
            shown = client.get(case.detail(obj))
            if shown.status_code == 200:
                assert page_url not in shown.content.decode(), f"{persona} is shown the button"
        shown = client_for(getattr(org.users, case.allowed)).get(case.detail(obj))
        assert shown.status_code == 200 and page_url in shown.content.decode(), f"{case.allowed} sees no button"


def test_the_checklist_api_offers_no_move(org, plan, client_for):
    """Checklist moves are made on the pages only: the API cannot make them at all."""
    checklist = _checklist(org, plan)
    response = client_for(org.users.officer).post(f"/api/v1/inspection-checklists/{checklist.pk}/accept/")
    assert response.status_code == 404
    assert _reload(checklist).state == State.SUBMITTED


# --- (c) services ask the app's rules, never a rule of their own ---------------------------
APPS = Path(__file__).resolve().parent.parent / "thidua"


def _service_modules() -> list[Path]:
    return sorted(p for p in APPS.glob("*/services*.py")) + sorted(APPS.glob("*/services/*.py"))


def _reads_rules(node: ast.AST) -> bool:
    """The expression reads a predicate of a `rules` module (`rules.can_submit(...)`)."""
    return any(
        isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id.endswith("rules")
        for n in ast.walk(node)
    )


def _require_calls(tree: ast.AST):
    """(enclosing function, require call) for every `require(...)` of a module."""
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "require":
                    yield function, node


def refusals_outside_the_rules(path: Path) -> list[str]:
    """Each `require` whose condition reads no `rules` predicate (nor a predicate handed
    in as a parameter), and each wrapper that hides one (`_require_office(actor)`: a
    function that only requires a fixed predicate, so the move's own predicate is not
    named where the move is made)."""
    found = []
    for function, call in _require_calls(ast.parse(path.read_text())):
        parameters = {a.arg for a in function.args.args + function.args.kwonlyargs}
        condition = call.args[0] if call.args else None
        handed_in = any(isinstance(n, ast.Name) and n.id in parameters - {"actor", "user"} for n in ast.walk(condition))
        if condition is None or not (_reads_rules(condition) or handed_in):
            found.append(f"{path.name}:{call.lineno} {function.name}: require({ast.unparse(condition)[:60]})")
        body = [n for n in function.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
        only_requires = len(body) == 1 and isinstance(body[0], ast.Expr) and body[0].value is call
        if function.name.startswith("_") and only_requires and _reads_rules(condition):
            found.append(f"{path.name}:{call.lineno} {function.name} wraps a fixed predicate")
    return found


@pytest.mark.parametrize("path", _service_modules(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_services_refuse_through_the_apps_rules(path):
    assert refusals_outside_the_rules(path) == []


def test_a_wrapper_and_a_rule_of_the_services_own_are_found(tmp_path):
    source = tmp_path / "services.py"
    source.write_text(
        "def _require_office(actor):\n"
        "    require(rules.can_manage(actor), 'Chỉ Văn phòng')\n"
        "def publish(*, actor, item):\n"
        "    require(actor.is_staff, 'Chỉ Văn phòng')\n"
        "def accept(*, actor, item):\n"
        "    require(rules.can_accept(actor, item), 'Chỉ Văn phòng')\n"
    )
    assert refusals_outside_the_rules(source) == [
        "services.py:2 _require_office wraps a fixed predicate",
        "services.py:4 publish: require(actor.is_staff)",
    ]
