"""Statistics of the register of awards across the years: per year and unit, how many of
each title and form, the cash paid and the share of the unit's staff awarded. The page,
its Excel file and the API all read `table`, so the three give the same figures.

The register is `commendation.AwardRecord` (decided here, recorded from above, entered
from before the system). An award's amount is the register's own, `money.record_amount`:
nothing is recomputed here. A person's award counts for the unit the person belongs to
now (as the register lists it): the system keeps no history of where people worked.
For the same reason the share of staff divides by the staff the unit has now, and says so."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.commendation.enums import AwardCategory
from thidua.commendation.models import AWARD_CODES, AwardRecord
from thidua.core import params
from thidua.core.charts import BarChart, bar_chart
from thidua.documents import sheets
from thidua.organization.models import Person, Unit
from thidua.organization.rules import covers_all, in_scope
from thidua.proposals import rules
from thidua.proposals.models import BaseSalary
from thidua.proposals.money import record_amount

FILENAME = "thong-ke-khen-thuong.xlsx"
CODES = [code for code, _label in AWARD_CODES]


@dataclass(frozen=True)
class Filters:
    from_year: int | None = None
    to_year: int | None = None
    unit: int | None = None
    award: str | None = None


def read_filters(user, query) -> Filters:
    """The filters of a query string, checked; `params.InvalidParameter` names the one to fix.
    A unit outside the account's units is refused like one that does not exist."""
    from_year, to_year = params.year(query, "from_year"), params.year(query, "to_year")
    if from_year and to_year and from_year > to_year:
        raise params.InvalidParameter(
            "to_year",
            gettext("Đến năm (%(to)s) phải bằng hoặc sau Từ năm (%(from)s).") % {"to": to_year, "from": from_year},
        )
    unit = params.identifier(query, "unit")
    if unit is not None and not _may_read(rules.statistics_units(user), unit):
        raise params.InvalidParameter(
            "unit", gettext("Tham số unit phải là mã số (id) của một đơn vị bạn được xem thống kê.")
        )
    return Filters(from_year, to_year, unit, params.choice(query, "award", CODES))


def _may_read(scope, unit_id: int) -> bool:
    return scope is rules.EVERYTHING or unit_id in scope


def units_to_choose(user):
    """The units the filter offers: those the account reads statistics of."""
    return Unit.objects.filter(in_scope(rules.statistics_units(user), "id")).only("id", "name")


@dataclass(frozen=True)
class Column:
    code: str
    name: str


@dataclass
class Row:
    """One unit's year, or (unit None) the year's total over the units of the table."""

    year: int
    unit: str | None
    counts: list[int]
    cash: Decimal = Decimal(0)
    unpriced: int = 0  # awards whose amount the register does not know
    people: set = field(default_factory=set)  # the persons awarded, each once
    staff: int = 0  # the staff the unit has now

    @property
    def awards(self) -> int:
        return sum(self.counts)

    @property
    def cash_known(self) -> Decimal | None:
        """The cash of the awards with an amount; None when no award has one."""
        return self.cash if self.awards > self.unpriced else None

    @property
    def people_awarded(self) -> int:
        return len(self.people)

    @property
    def share(self) -> Decimal | None:
        """Persons awarded / current staff, in %; None when the unit has no staff recorded."""
        if not self.staff:
            return None
        return (Decimal(100 * len(self.people)) / self.staff).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class YearBlock:
    year: int
    rows: list[Row]
    total: Row


@dataclass(frozen=True)
class Table:
    filters: Filters
    columns: list[Column]
    years: list[YearBlock]

    def lines(self):
        """Every row in the order shown: each year's units, then its total."""
        for block in self.years:
            yield from block.rows
            yield block.total


def _chosen_units(user, filters: Filters):
    scope = rules.statistics_units(user)
    if filters.unit is None:
        return scope
    chosen = Unit.objects.subtree_ids([filters.unit])
    return chosen if scope is rules.EVERYTHING else chosen & set(scope)


def _records(units, filters: Filters):
    qs = AwardRecord.objects.select_related("award_type", "person", "proposal")
    if not covers_all(units):
        qs = qs.filter(Q(person__unit_id__in=units) | Q(unit_id__in=units))
    if filters.from_year:
        qs = qs.filter(year__gte=filters.from_year)
    if filters.to_year:
        qs = qs.filter(year__lte=filters.to_year)
    if filters.award:
        qs = qs.filter(award_type__code=filters.award)
    return qs.order_by("year", "id")


def _columns(records) -> list[Column]:
    """Each title and form awarded, titles first, by the catalogue's order; the name of
    its latest version."""
    latest = {}
    for record in records:
        kind = record.award_type
        if kind.code not in latest or kind.effective_from > latest[kind.code].effective_from:
            latest[kind.code] = kind
    ordered = sorted(latest.values(), key=lambda k: (k.category != AwardCategory.TITLE, k.order, k.name))
    return [Column(kind.code, kind.name) for kind in ordered]


def _staff(units) -> dict[int, int]:
    """The current staff of each unit of `units` (people not anonymised), in one query."""
    people = Person.objects.current()
    if not covers_all(units):
        people = people.filter(unit_id__in=units)
    return dict(people.values_list("unit_id").annotate(n=Count("id")).values_list("unit_id", "n"))


def table(user, filters: Filters) -> Table:
    """The statistics the account may read, in a fixed number of queries whatever the
    number of years and units."""
    units = _chosen_units(user, filters)
    records = list(_records(units, filters))
    columns = _columns(records)
    place = {column.code: index for index, column in enumerate(columns)}
    salaries = list(BaseSalary.objects.all())
    staff = _staff(units)
    cells: dict[tuple[int, int], Row] = {}
    for record in records:
        unit_id = record.person.unit_id if record.person_id else record.unit_id
        row = cells.get((record.year, unit_id))
        if row is None:
            row = cells[(record.year, unit_id)] = Row(record.year, unit_id, [0] * len(columns))
            row.staff = staff.get(unit_id, 0)
        _count(row, record, place, record_amount(record, salaries))
    names = {u.pk: u for u in Unit.objects.filter(pk__in={unit for _year, unit in cells}).only("name", "order")}
    return Table(filters, columns, _blocks(cells, names, len(columns), sum(staff.values())))


def _count(row: Row, record, place, amount) -> None:
    row.counts[place[record.award_type.code]] += 1
    if amount is None:
        row.unpriced += 1
    else:
        row.cash += amount
    if record.person_id:
        row.people.add(record.person_id)


def _blocks(cells, names, width: int, all_staff: int) -> list[YearBlock]:
    by_year = defaultdict(list)
    for (year, unit_id), row in cells.items():
        row.unit = names[unit_id].name
        by_year[year].append((names[unit_id].order, row.unit, row))
    blocks = []
    for year in sorted(by_year):
        rows = [row for _order, _name, row in sorted(by_year[year], key=lambda item: item[:2])]
        total = Row(year, None, [sum(row.counts[i] for row in rows) for i in range(width)], staff=all_staff)
        for row in rows:
            total.cash += row.cash
            total.unpriced += row.unpriced
            total.people |= row.people
        blocks.append(YearBlock(year, rows, total))
    return blocks


# --- What the page draws ------------------------------------------------------------------
def charts(data: Table) -> list[BarChart]:
    """Awards per year, and per title or form over the years shown."""
    per_award = [0] * len(data.columns)
    for block in data.years:
        for index, count in enumerate(block.total.counts):
            per_award[index] += count
    return [
        bar_chart(gettext("Số khen thưởng theo năm"), [(str(b.year), b.total.awards) for b in data.years]),
        bar_chart(
            gettext("Số khen thưởng theo danh hiệu, hình thức"),
            [(column.name, count) for column, count in zip(data.columns, per_award, strict=True)],
        ),
    ]


# --- The Excel file -----------------------------------------------------------------------
FIXED_HEADERS = [(_("Năm"), 8), (_("Đơn vị"), 40)]
TAIL_HEADERS = [
    (_("Tổng số khen thưởng"), 12),
    (_("Tiền thưởng (đồng)"), 16),
    (_("Số khen thưởng chưa có số tiền"), 14),
    (_("Số cán bộ được khen"), 12),
    (_("Số cán bộ hiện nay"), 12),
    (_("Tỷ lệ cán bộ được khen so với số cán bộ hiện nay (%)"), 18),
]


def workbook(data: Table) -> bytes:
    book = sheets.streamed_book()
    headers = [(str(title), width) for title, width in FIXED_HEADERS]
    headers += [(column.name, 14) for column in data.columns]
    headers += [(str(title), width) for title, width in TAIL_HEADERS]
    sheet = sheets.add_sheet(book, gettext("Thống kê khen thưởng"), headers)
    total = gettext("Cộng năm %(year)s")
    for row in data.lines():
        cash = int(row.cash_known) if row.cash_known is not None else None
        sheets.append(
            sheet,
            [
                row.year,
                row.unit if row.unit is not None else total % {"year": row.year},
                *row.counts,
                row.awards,
                sheets.cell(sheet, cash, number_format="#,##0"),
                row.unpriced,
                row.people_awarded,
                row.staff,
                sheets.cell(sheet, float(row.share) if row.share is not None else None, number_format="0.0"),
            ],
        )
    return sheets.to_bytes(book)
