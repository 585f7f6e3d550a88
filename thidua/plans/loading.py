"""Loading a plan from its YAML file (`data/plans/*.yaml`) into the database.

The application loads the bundled plan on every start, so loading is idempotent: once a
plan's code is stored, the file is no longer consulted and nothing the office edited in
the application is overwritten. The layout of the file is described at the top of the
bundled plan; each section maps onto one model, field for field."""

from pathlib import Path

import yaml
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction

from thidua.core.history import diff, record, snapshot
from thidua.core.models import ActivityLog
from thidua.organization.models import Unit, User
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

DEFAULT_PLAN_FILE = Path(settings.BASE_DIR) / "data" / "plans" / "stp-tuyen-quang-2026-2030.yaml"

# Lists under `plan`, keyed by the related name of the model whose rows they hold; the
# position of a row in its list becomes its `order`.
PARTS: dict[str, type[models.Model]] = {
    "legal_bases": LegalBasis,
    "items": PlanItem,
    "content_areas": ContentArea,
    "criteria": Criterion,
    "phases": Phase,
    "report_duties": ReportDuty,
    "recipients": Recipient,
}


class PlanFileError(Exception):
    """A plan file that cannot be loaded. The message is Vietnamese and names the key at
    fault, so the management command shows it to the user as it is."""


class _Node:
    """A mapping read from the file together with where it sits in the file, so every
    error can name the key, e.g. "plan.phases[2].review_year" (lists count from 1)."""

    def __init__(self, data, where: str):
        if not isinstance(data, dict):
            raise PlanFileError(f"Mục “{where or 'gốc của tệp'}” phải là một bảng khóa: giá trị.")
        self.data, self.where = data, where

    def path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def get(self, key: str, *, required: bool = True):
        if key not in self.data and required:
            raise PlanFileError(f"Tệp kế hoạch thiếu khóa “{self.path(key)}”.")
        return self.data.get(key)

    def child(self, key: str) -> "_Node":
        return _Node(self.get(key), self.path(key))

    def children(self, key: str) -> list["_Node"]:
        """The rows of an optional list: a plan without, say, phases is still a plan."""
        rows = self.get(key, required=False) or []
        if not isinstance(rows, list):
            raise PlanFileError(f"Khóa “{self.path(key)}” phải là một danh sách.")
        return [_Node(row, f"{self.path(key)}[{number}]") for number, row in enumerate(rows, 1)]

    def only(self, allowed) -> None:
        """A misspelt key would otherwise be dropped without a word."""
        unknown = sorted(set(self.data) - set(allowed))
        if unknown:
            names = ", ".join(f"“{self.path(key)}”" for key in unknown)
            raise PlanFileError(f"Tệp kế hoạch có khóa không dùng được: {names}.")


def _read(path: Path) -> _Node:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise PlanFileError(f"Không đọc được tệp kế hoạch {path}: {error.strerror}.") from error
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise PlanFileError(f"Tệp kế hoạch {path} sai cú pháp YAML: {error}") from error
    return _Node(data, "")


def _own_fields(model: type[models.Model], skip=()) -> list[models.Field]:
    """Columns written straight from the file; relations are resolved by their callers."""
    return [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key and not field.is_relation and field.name not in skip
    ]


def _values(node: _Node, model: type[models.Model], *, skip=(), extra=()) -> dict:
    """The model's own columns from `node`. A column the model may leave empty or has a
    default for may be absent; a list is stored one item a line."""
    fields = _own_fields(model, skip)
    node.only([field.name for field in fields] + list(extra))
    values = {}
    for field in fields:
        optional = field.blank or field.null or field.has_default()
        value = node.get(field.name, required=not optional)
        if value is None and not field.null:
            if not optional:
                raise PlanFileError(f"Khóa “{node.path(field.name)}” không được để trống.")
            continue
        values[field.name] = "\n".join(map(str, value)) if isinstance(value, list) else value
    return values


def _save(obj: models.Model, where: str) -> models.Model:
    try:
        obj.full_clean()
    except ValidationError as error:
        details = "; ".join(f"“{where}.{name}”: {' '.join(messages)}" for name, messages in error.message_dict.items())
        raise PlanFileError(f"Giá trị không hợp lệ trong tệp kế hoạch — {details}") from error
    obj.save()
    return obj


def _unit_by_code(code, where: str) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise PlanFileError(f"Khóa “{where}”: không có đơn vị mã “{code}”.")
    return unit


def _unit(node: _Node) -> Unit:
    """An existing unit is kept as the office set it up; only a missing one is added."""
    values = _values(node, Unit, extra=["parent"])
    existing = Unit.objects.filter(code=values.get("code")).first()
    if existing is not None:
        return existing
    parent_code = node.get("parent", required=False)
    parent = _unit_by_code(parent_code, node.path("parent")) if parent_code else None
    return _save(Unit(parent=parent, **values), node.where)


def _movement(node: _Node) -> Movement:
    """A movement may already be stored by another plan that implements it too."""
    values = _values(node, Movement)
    existing = Movement.objects.filter(code=values.get("code")).first()
    return existing or _save(Movement(**values), node.where)


def _link_movements(plan: Plan, node: _Node) -> None:
    codes = node.get("movements", required=False) or []
    found = {movement.code: movement for movement in Movement.objects.filter(code__in=codes)}
    missing = [str(code) for code in codes if code not in found]
    if missing:
        raise PlanFileError(f"Khóa “{node.path('movements')}”: không có phong trào mã {', '.join(missing)}.")
    plan.movements.set(found.values())


def _plan(node: _Node) -> Plan:
    values = _values(node, Plan, extra=["issuer", "movements", *PARTS])
    issuer = _unit_by_code(node.get("issuer"), node.path("issuer"))
    plan = _save(Plan(issuer=issuer, **values), node.where)
    _link_movements(plan, node)
    for key, model in PARTS.items():
        for order, part in enumerate(node.children(key), 1):
            _save(model(plan=plan, order=order, **_values(part, model, skip=["order"])), part.where)
    return plan


@transaction.atomic
def _create(root: _Node, path: Path, actor) -> Plan:
    root.only(["units", "movements", "plan"])
    for unit in root.children("units"):
        _unit(unit)
    for movement in root.children("movements"):
        _movement(movement)
    plan = _plan(root.child("plan"))
    record(
        actor=actor,
        obj=plan,
        action=ActivityLog.Action.IMPORTED,
        changes=diff({}, snapshot(plan)),
        note=f"Nạp từ tệp {Path(path).name}",
    )
    return plan


def load_plan(path: Path = DEFAULT_PLAN_FILE, *, actor: User | None = None) -> tuple[Plan, bool]:
    """Store the plan in `path` with its units, movements and parts, all or nothing, and
    log one "imported" entry for it. When a plan with the same code is already stored,
    change nothing and return it. Returns (plan, created); raises PlanFileError when the
    file cannot be read or a key is missing or wrong."""
    root = _read(path)
    code = root.child("plan").get("code")
    existing = Plan.objects.filter(code=code).first()
    if existing is not None:
        return existing, False
    return _create(root, path, actor), True
