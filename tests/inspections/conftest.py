"""The plan as loaded from its file, evidence files kept in a temporary folder, and a
third-quarter self-inspection over units A and B."""

import datetime

import pytest

from thidua.inspections import services
from thidua.plans.loading import load_plan

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 64
START, END = datetime.date(2026, 7, 1), datetime.date(2026, 9, 30)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def plan(org):
    plan, _ = load_plan()
    return plan


@pytest.fixture
def inspection(org, plan):
    areas = {a.number: a for a in plan.content_areas.all()}
    return services.create_inspection(
        actor=org.users.officer,
        plan=plan,
        title="Tự kiểm tra quý III/2026",
        year=2026,
        starts_on=START,
        ends_on=END,
        units=[org.units.a, org.units.b],
        items=[
            {"text": "Đã quán triệt Kế hoạch", "content_area": areas["1"]},
            {"text": "Ký số văn bản đi", "content_area": areas["2"]},
            {"text": "Bình dân học vụ số", "content_area": areas["4"]},
        ],
    )


@pytest.fixture
def checklist_a(inspection, org):
    return inspection.checklists.get(unit=org.units.a)


@pytest.fixture
def checklist_b(inspection, org):
    return inspection.checklists.get(unit=org.units.b)


def answer_all(checklist, actor, result="dat"):
    for answer in checklist.answers.select_related("checklist"):
        services.answer_item(actor=actor, answer=answer, result=result, note="")


@pytest.fixture
def action_of(org):
    """A follow-up action on a checklist, owned by a person of its unit."""

    def make(checklist, *, due_on=datetime.date(2026, 10, 15), owner=None, text="Ký số toàn bộ văn bản đi"):
        owner = owner or (org.people.staff_a if checklist.unit == org.units.a else org.people.staff_b)
        return services.add_action(actor=org.users.officer, checklist=checklist, text=text, owner=owner, due_on=due_on)

    return make
