"""The register of awards (sổ khen thưởng): every title and form received, per person
and per unit, from `commendation.AwardRecord` — those decided here, those recorded from
the province or the ministry, and those entered from before the system. Searchable
without accents, filtered, and with each award's cash amount (R16, `money.record_amount`):
what a decision here paid, or the multiple × the confirmed base salary of the decision's
date."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.commendation.models import AwardRecord
from thidua.core.db_functions import Fold
from thidua.core.text import fold
from thidua.documents import sheets
from thidua.organization.rules import covers_all, person_of
from thidua.proposals import rules
from thidua.proposals.models import BaseSalary
from thidua.proposals.money import record_amount

FILENAME = "so-khen-thuong.xlsx"


def visible_records(user):
    """The office and the director: their agency; a unit head: the units they head;
    everyone: their own awards."""
    qs = AwardRecord.objects.select_related("award_type", "person__unit", "unit", "proposal")
    units = rules.register_units(user)
    if covers_all(units):
        return qs
    own = person_of(user)
    return qs.filter(Q(person__unit_id__in=units) | Q(unit_id__in=units) | Q(person_id=own.pk if own else None))


def filtered(qs, data: dict):
    if data.get("year"):
        qs = qs.filter(year=data["year"])
    if data.get("award"):
        qs = qs.filter(award_type__code=data["award"])
    if data.get("subject") == "ca-nhan":
        qs = qs.filter(person__isnull=False)
    elif data.get("subject") == "tap-the":
        qs = qs.filter(unit__isnull=False)
    words = fold(data.get("q") or "").split()
    if words:
        # The name as awarded as well as the person's current one: an anonymised person
        # is still found in the register under the name they received the award in.
        qs = qs.annotate(
            _person=Fold("person__full_name"),
            _recipient=Fold("recipient_name"),
            _unit=Fold("unit__name"),
            _number=Fold("decision_number"),
        )
        for word in words:
            qs = qs.filter(
                Q(_person__contains=word)
                | Q(_recipient__contains=word)
                | Q(_unit__contains=word)
                | Q(_number__contains=word)
            )
    # The order of a register: by year, then by decision, the latest first. It is the
    # order of the index `award_register_order`, so a page of a province's register is
    # read from the index instead of sorting every award with its person and unit.
    return qs.order_by("-year", "-decision_date", "-id")


@dataclass(frozen=True)
class Row:
    record: AwardRecord
    amount: Decimal | None

    @property
    def name(self) -> str:
        return self.record.recipient

    @property
    def unit_name(self) -> str:
        record = self.record
        return record.person.unit.name if record.person_id else record.unit.name


def with_amounts(records) -> list[Row]:
    """The cash amount of each award; the base salaries are read once."""
    salaries = list(BaseSalary.objects.all())
    rows = []
    for record in records:
        rows.append(Row(record, record_amount(record, salaries)))
    return rows


def _revoked_text(record: AwardRecord) -> str:
    """'Số 12/QĐ-STP, 20/03/2027' for a revoked award: the register keeps it, struck."""
    if not record.is_revoked:
        return ""
    return f"{record.revoked_number}, {record.revoked_date:%d/%m/%Y}"


HEADERS = [
    (_("STT"), 6),
    (_("Họ và tên / Tập thể"), 30),
    (_("Đơn vị"), 40),
    (_("Loại"), 22),
    (_("Danh hiệu, hình thức"), 42),
    (_("Năm thành tích"), 10),
    (_("Loại hình"), 24),
    (_("Số quyết định"), 16),
    (_("Ngày quyết định"), 14),
    (_("Cấp quyết định"), 32),
    (_("Tiền thưởng (đồng)"), 16),
    (_("Trước khi có hệ thống"), 12),
    (_("Hủy bỏ theo quyết định"), 24),
]


def workbook(rows: list[Row]) -> bytes:
    book = sheets.streamed_book()
    sheet = sheets.add_sheet(book, gettext("Sổ khen thưởng"), [(str(title), width) for title, width in HEADERS])
    yes = gettext("Có")
    for index, row in enumerate(rows, start=1):
        record, award_type = row.record, row.record.award_type
        amount = int(row.amount) if row.amount is not None else None
        sheets.append(
            sheet,
            [
                index,
                row.name,
                row.unit_name,
                award_type.get_category_display(),
                award_type.name,
                record.year,
                record.get_kind_display(),
                record.decision_number,
                sheets.cell(sheet, record.decision_date, number_format="DD/MM/YYYY"),
                record.issuer,
                sheets.cell(sheet, amount, number_format="#,##0"),
                yes if record.before_system else "",
                _revoked_text(record),
            ],
        )
    return sheets.to_bytes(book)
