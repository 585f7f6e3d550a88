"""The bundled plan of the Department of Justice: its texts against the signed plan, and
how loading it behaves when the application starts again and again."""

import io
import re
from pathlib import Path

import pytest
import yaml
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from thidua.core.models import ActivityLog
from thidua.organization.models import Unit, User
from thidua.plans.loading import DEFAULT_PLAN_FILE, PlanFileError, load_plan
from thidua.plans.models import (
    ContentArea,
    Criterion,
    LegalBasis,
    Movement,
    Phase,
    Plan,
    PlanItem,
    Recipient,
    ReportDuty,
)

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "000_a3dde78c3a6432d9.txt"

# Keys whose values are our own codes and labels, not quotations of the plan
# ("movements" under `plan` lists movement codes).
LABEL_KEYS = {
    "code",
    "kind",
    "subject_kind",
    "person_kind",
    "review_kind",
    "due_wording",
    "short_title",
    "heading",
    "issuer",
    "parent",
    "movements",
}
# Also ours: the names in the organisation tree, and the letterhead lines, which the
# signed text as stored in the seed does not reproduce.
LABEL_PATHS = ("units", "plan.issuer_parent_name", "plan.issuer_name")

PLAN_MODELS = [Movement, Plan, LegalBasis, PlanItem, ContentArea, Criterion, Phase, ReportDuty, Recipient]


def normalise(text: str) -> str:
    """The seed marks italics and bold with markdown asterisks (“*xanh-số*”) and breaks
    some sentences across a page; the data drops the asterisks and joins the sentences,
    so both sides are compared without asterisks and with runs of whitespace as one space."""
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.parent.is_dir():
        pytest.skip(f"the folder of the signed plan, {SEED.parent}, is not present here")
    return normalise(SEED.read_text(encoding="utf-8"))


@pytest.fixture
def plan() -> Plan:
    plan, created = load_plan(DEFAULT_PLAN_FILE)
    assert created
    return plan


def quoted_values(value, path=""):
    """(path, text) for every string in the file that quotes the plan."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from quoted_values(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for number, item in enumerate(value, 1):
            yield from quoted_values(item, f"{path}[{number}]")
    elif isinstance(value, str) and value:
        nearest_key = re.sub(r"(\[\d+\])+$", "", path).rsplit(".", 1)[-1]
        if nearest_key not in LABEL_KEYS and not path.startswith(LABEL_PATHS):
            yield path, value


def stored_texts(plan: Plan):
    """(where, text) for every quoted text the loader stored."""
    for field in ("document_type", "title", "symbol", "place", "preamble", "signer_title", "signer_name"):
        yield f"plan.{field}", getattr(plan, field)
    for movement in plan.movements.all():
        for field in ("name", "decision_number", "decision_issuer", "decision_text"):
            yield f"{movement.code}.{field}", getattr(movement, field)
    for model in (LegalBasis, PlanItem, ContentArea, Criterion, Phase, ReportDuty, Recipient):
        for row in model.objects.filter(plan=plan):
            yield f"{model.__name__} {row.pk}", row.text
    for phase in plan.phases.all():
        yield f"Phase {phase.pk} name", phase.name
    for duty in plan.report_duties.all():
        yield from ((f"ReportDuty {duty.pk} recipient", line) for line in duty.recipient_list)


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in [*PLAN_MODELS, Unit]}


def test_every_quoted_value_in_the_file_is_word_for_word_from_the_signed_plan(seed_text):
    data = yaml.safe_load(DEFAULT_PLAN_FILE.read_text(encoding="utf-8"))
    values = list(quoted_values(data))
    not_found = [path for path, text in values if normalise(text) not in seed_text]
    assert not_found == []
    assert len(values) > 60, "the walk over the file found too few texts to be checking it"


@pytest.mark.django_db
def test_every_stored_text_is_word_for_word_from_the_signed_plan(seed_text, plan):
    not_found = [where for where, text in stored_texts(plan) if normalise(text) not in seed_text]
    assert not_found == []


@pytest.mark.django_db
def test_the_plan_holds_every_part_of_the_signed_text(plan):
    assert plan.movements.count() == 2
    assert plan.legal_bases.count() == 5
    assert plan.content_areas.count() == 5
    assert plan.criteria.filter(subject_kind="collective").count() == 5
    assert plan.criteria.filter(subject_kind="individual").count() == 2
    assert plan.items.filter(kind="solution").count() == 4
    assert [(p.name, p.review_kind, p.review_year) for p in plan.phases.all()] == [
        ("Giai đoạn 1", "mid_term", 2027),
        ("Giai đoạn 2", "final", 2030),
    ]
    duty = plan.report_duties.get()
    assert (duty.due_day, duty.due_month, duty.due_wording) == (15, 12, "before")
    assert duty.deadline_words == "trước ngày 15/12"
    assert duty.recipient_list == ["Sở Khoa học và Công nghệ", "Sở Nông nghiệp và Môi trường", "Sở Nội vụ"]
    recipients = list(plan.recipients.values_list("text", flat=True))
    assert len(recipients) == 8
    assert (recipients[0], recipients[-1]) == ("Vụ TCCB, Bộ Tư pháp;", "Lưu: VT, VP.H.")


@pytest.mark.django_db
def test_the_items_keep_the_numbering_and_order_of_the_signed_text(plan):
    assert list(plan.items.values_list("kind", "number")) == [
        ("purpose", "1.1"),
        ("purpose", "1.2"),
        ("requirement", "2"),
        ("reward_form", "2.1"),
        ("reward_form", "2.2"),
        ("solution", "1"),
        ("solution", "2"),
        ("solution", "3"),
        ("solution", "4"),
        ("duty", "2.1"),
        ("duty", "2.2"),
        ("difficulty", ""),
    ]
    headings = plan.items.filter(kind="reward_form").values_list("heading", flat=True)
    assert list(headings) == ["Khen thưởng hằng năm", "Khen thưởng sơ kết, tổng kết"]
    assert plan.content_areas.get(number="1").text.startswith("Thi đua nâng cao nhận thức")
    assert "“xanh-số”" in plan.content_areas.get(number="1").text


@pytest.mark.django_db
def test_the_plan_header_and_movements_are_as_signed(plan):
    assert (plan.code, plan.document_type, plan.number_and_symbol) == (
        "stp-tuyen-quang-2026-2030",
        "Kế hoạch",
        "   /KH-STP",
    )
    assert (plan.issued_day, plan.issued_month, plan.issued_year) == (None, 4, 2026)
    assert (plan.signer_title, plan.signer_name) == ("GIÁM ĐỐC", "Nguyễn Khánh Lâm")
    assert (plan.start_year, plan.end_year) == (2026, 2030)
    assert plan.issuer.code == "STP" and plan.issuer.kind == "agency"
    assert plan.issuer.parent.code == "TQ" and plan.issuer.parent.kind == "province"
    assert plan.preamble.startswith("Thực hiện Quyết định số 1418/QĐ-UBND") and plan.preamble.endswith("như sau:")
    by_number = {m.decision_number: m for m in plan.movements.all()}
    first, second = by_number["1418/QĐ-UBND"], by_number["1009/QĐ-UBND"]
    assert (str(first.decision_date), first.start_year, first.end_year) == ("2025-12-01", 2025, 2030)
    assert (str(second.decision_date), second.start_year, second.end_year) == ("2026-04-10", None, None)


@pytest.mark.django_db
def test_loading_logs_one_import_with_the_actor():
    officer = User.objects.create_user("vanphong", password="x")
    plan, _ = load_plan(DEFAULT_PLAN_FILE, actor=officer)
    entry = ActivityLog.objects.for_object(plan).get()
    assert (entry.action, entry.actor) == ("imported", officer)
    assert entry.changes["code"] == [None, "stp-tuyen-quang-2026-2030"]


@pytest.mark.django_db
def test_loading_again_creates_nothing_and_logs_nothing(plan):
    before = row_counts()
    again, created = load_plan(DEFAULT_PLAN_FILE)
    assert (again.pk, created) == (plan.pk, False)
    assert row_counts() == before
    assert ActivityLog.objects.filter(action="imported").count() == 1


@pytest.mark.django_db
def test_loading_again_keeps_what_the_office_edited(plan):
    area = plan.content_areas.get(number="2")
    area.text = "Nội dung do Văn phòng Sở chỉnh sửa."
    area.save()
    plan.recipients.get(text="UBND tỉnh;").delete()
    load_plan(DEFAULT_PLAN_FILE)
    area.refresh_from_db()
    assert area.text == "Nội dung do Văn phòng Sở chỉnh sửa."
    assert plan.recipients.count() == 7


@pytest.mark.django_db
def test_units_already_set_up_are_reused_as_they_are():
    province = Unit.objects.create(code="TQ", name="UBND tỉnh Tuyên Quang", kind="province")
    Unit.objects.create(code="STP", name="Sở Tư pháp", kind="agency", parent=province)
    plan, _ = load_plan(DEFAULT_PLAN_FILE)
    assert Unit.objects.count() == 2
    assert plan.issuer.name == "Sở Tư pháp"


@pytest.mark.django_db
def test_the_command_says_in_vietnamese_whether_it_loaded_the_plan():
    first, second = io.StringIO(), io.StringIO()
    call_command("load_plan", stdout=first)
    call_command("load_plan", str(DEFAULT_PLAN_FILE), stdout=second)
    assert "Đã nạp kế hoạch “stp-tuyen-quang-2026-2030”" in first.getvalue()
    assert "Kế hoạch “stp-tuyen-quang-2026-2030” đã có sẵn" in second.getvalue()
    assert Plan.objects.count() == 1


def write_without(tmp_path: Path, drop) -> Path:
    data = yaml.safe_load(DEFAULT_PLAN_FILE.read_text(encoding="utf-8"))
    drop(data)
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.django_db
def test_a_missing_key_is_named_and_nothing_is_stored(tmp_path):
    path = write_without(tmp_path, lambda data: data["plan"]["phases"][1].pop("review_year"))
    with pytest.raises(PlanFileError, match=re.escape("“plan.phases[2].review_year”")):
        load_plan(path)
    assert sum(row_counts().values()) == 0


@pytest.mark.django_db
def test_a_misspelt_key_is_named(tmp_path):
    path = write_without(tmp_path, lambda data: data["plan"].update(titel=data["plan"].pop("title")))
    with pytest.raises(PlanFileError, match=re.escape("“plan.titel”")):
        load_plan(path)
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_the_command_reports_a_broken_file_in_vietnamese(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("plan: [\n", encoding="utf-8")
    with pytest.raises(CommandError, match="sai cú pháp YAML"):
        call_command("load_plan", str(broken))
    missing_code = write_without(tmp_path, lambda data: data["plan"].pop("code"))
    with pytest.raises(CommandError, match=re.escape("thiếu khóa “plan.code”")):
        call_command("load_plan", str(missing_code))


@pytest.mark.django_db
def test_the_individual_criteria_are_one_per_kind_of_person_and_tasks_by_assignment_are_marked(plan):
    """III.1.2 names two kinds of person, each with its criterion; III.1.1's criteria 2, 3
    and 5 are tasks "theo phân công", which a unit not given them does not carry."""
    individual = dict(plan.criteria.filter(subject_kind="individual").values_list("number", "person_kind"))
    assert individual == {"1": "can_bo_cong_chuc_vien_chuc", "2": "doi_tuong_khac"}
    assert plan.criteria.get(subject_kind="individual", number="2").text.startswith("Đối tượng khác")
    assigned = plan.criteria.filter(subject_kind="collective", when_assigned=True).values_list("number", flat=True)
    assert sorted(assigned) == ["2", "3", "5"]


@pytest.mark.django_db
def test_a_criterion_says_which_kind_of_person_it_scores(plan):
    criterion = plan.criteria.get(subject_kind="individual", number="1")
    criterion.person_kind = ""
    with pytest.raises(ValidationError, match="Hãy chọn loại cá nhân"):
        criterion.full_clean()
    collective = plan.criteria.get(subject_kind="collective", number="1")
    collective.person_kind = "doi_tuong_khac"
    with pytest.raises(ValidationError, match="Tiêu chí tập thể không có loại cá nhân"):
        collective.full_clean()
