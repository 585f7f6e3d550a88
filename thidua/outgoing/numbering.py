"""Issuing document numbers (Nghị định 30/2020 Điều 15): `issue_number(...)` gives the
next number of a document type for an agency and year, e.g. "05/BC-STP", or the number
the văn thư chose when it is free; the office records the numbers given outside the
system (`record_outside`) and may move the next number on (`set_next`).

Every path that issues a document goes through `issue_number`, so the dates are checked
in one place: a document's date is never in the future, never earlier than a document
of the same type with a lower number that year, nor later than one with a higher number.

The counter row is advanced with one conditional `UPDATE … SET last = last + 1` inside
a transaction: PostgreSQL holds the row lock until commit, and SQLite's IMMEDIATE
transactions (settings) let one writer in at a time, so two clerks issuing at once
always get two different numbers. The register's unique constraint backs this up. The
counter never falls below the highest number in the register."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext

from thidua.core.history import record
from thidua.core.models import ActivityLog
from thidua.organization.models import Unit, User
from thidua.outgoing.models import DocumentType, IssuedNumber, NumberCounter


def agency_symbol(agency: Unit) -> str:
    """The agency's part of a ký hiệu ('STP'): its short name, else its code."""
    return (agency.short_name or agency.code).upper()


def format_number(number: int, doc_type: str, symbol: str) -> str:
    """'05/BC-STP': numbers below 10 take a leading zero."""
    return f"{number:02d}/{doc_type}-{symbol}"


def _day(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


def _lines(agency: Unit, doc_type: str, year: int):
    return IssuedNumber.objects.filter(agency=agency, doc_type=doc_type, year=year)


def next_number(agency: Unit, doc_type: str, year: int) -> int:
    """The number `issue_number` would give now: one after the counter and after every
    number in the register (also those recorded as given outside the system)."""
    doc_type = DocumentType(doc_type).value
    last = NumberCounter.objects.filter(agency=agency, doc_type=doc_type, year=year).values_list("last", flat=True)
    registered = _lines(agency, doc_type, year).aggregate(top=Max("number"))["top"] or 0
    return max(last.first() or 0, registered) + 1


def refuse_future(on: datetime.date, field: str = "date") -> None:
    """A document is dated the day it is signed: never a day still to come."""
    if on > timezone.localdate():
        raise ValidationError(
            {
                field: gettext("Ngày ban hành %(date)s là ngày trong tương lai. Hãy nhập ngày ký văn bản.")
                % {"date": _day(on)}
            }
        )


def check_date(agency: Unit, doc_type: str, on: datetime.date, number: int) -> None:
    """Refuse (field "date") a date in the future, or out of order with the register: a
    number's date is not earlier than any lower number's, nor later than any higher
    number's, of the same type and year."""
    refuse_future(on)
    lines = _lines(agency, doc_type, on.year).exclude(document_date__isnull=True)
    before = lines.filter(document_date__gt=on, number__lt=number)
    after = lines.filter(document_date__lt=on, number__gt=number)
    if (earlier := before.order_by("-document_date").first()) is not None:
        raise ValidationError(
            {
                "date": gettext(
                    "Ngày ban hành %(date)s trước ngày của văn bản %(number)s (%(its)s) đã ban hành trong năm. "
                    "Hãy nhập ngày từ %(its)s trở đi."
                )
                % {"date": _day(on), "number": earlier.number_symbol, "its": _day(earlier.document_date)}
            }
        )
    if (later := after.order_by("document_date").first()) is not None:
        raise ValidationError(
            {
                "date": gettext(
                    "Ngày ban hành %(date)s sau ngày của văn bản số lớn hơn %(number)s (%(its)s). "
                    "Hãy nhập ngày đến %(its)s, hoặc dùng số tiếp theo."
                )
                % {"date": _day(on), "number": later.number_symbol, "its": _day(later.document_date)}
            }
        )


def _taken(agency: Unit, doc_type: str, year: int, number: int) -> ValidationError:
    line = _lines(agency, doc_type, year).filter(number=number).first()
    values = {
        "number": line.number_symbol if line else f"{number:02d}/{doc_type}",
        "date": _day(line.document_date) if line and line.document_date else "",
        "subject": line.subject if line else "",
        "next": f"{next_number(agency, doc_type, year):02d}",
    }
    return ValidationError(
        {
            "number": gettext(
                "Số %(number)s đã có trong sổ văn bản đi (ngày %(date)s, «%(subject)s»). "
                "Mỗi số chỉ cấp một lần; số tiếp theo còn trống là %(next)s."
            )
            % values
        }
    )


def _register(key: dict, number: int, on: datetime.date, actor, subject: str, *, outside: bool) -> IssuedNumber:
    number_symbol = format_number(number, key["doc_type"], agency_symbol(key["agency"]))
    try:
        with transaction.atomic():
            issued = IssuedNumber.objects.create(
                **key,
                number=number,
                number_symbol=number_symbol,
                document_date=on,
                outside=outside,
                subject=subject[:500],
                issued_by=_user(actor),
            )
    except IntegrityError:  # taken at the same moment by another clerk
        raise _taken(key["agency"], key["doc_type"], key["year"], number) from None
    record(
        actor=actor,
        obj=issued,
        action=ActivityLog.Action.CREATED,
        changes={"number_symbol": [None, number_symbol], "document_date": [None, on.isoformat()]},
        note=subject[:500],
    )
    return issued


def _advance(key: dict, number: int | None) -> int:
    """Move the counter (created on first use) to the number being issued, and return it."""
    NumberCounter.objects.bulk_create([NumberCounter(**key)], ignore_conflicts=True)
    counter = NumberCounter.objects.filter(**key)
    if number is None:
        counter.update(last=F("last") + 1)
        return counter.values_list("last", flat=True).get()
    counter.update(last=Greatest(F("last"), number))
    return number


def _check_number(number: int | None) -> None:
    if number is not None and number < 1:
        raise ValidationError({"number": gettext("Số văn bản là số nguyên dương (từ 1). Hãy nhập lại.")})


@transaction.atomic
def issue_number(
    *,
    doc_type: str,
    on: datetime.date,
    agency: Unit,
    actor: User | None,
    subject: str,
    number: int | None = None,
) -> str:
    """Give the next number of `doc_type` for `agency` in the year of `on` — or `number`,
    the văn thư's choice, when it is free — and register it with the date `on`.

    Refused (ValidationError naming "date" or "number") for a date in the future or out
    of order, or a number already in the register. Side effects: creates the year's
    counter row on first use, advances it, adds one IssuedNumber row and one
    ActivityLog row. Returns the number and symbol."""
    doc_type = DocumentType(doc_type).value
    _check_number(number)
    key = {"agency": agency, "doc_type": doc_type, "year": on.year}
    if number is not None and _lines(agency, doc_type, on.year).filter(number=number).exists():
        raise _taken(agency, doc_type, on.year, number)
    given = _advance(key, number)
    check_date(agency, doc_type, on, given)
    return _register(key, given, on, actor, subject, outside=False).number_symbol


@transaction.atomic
def record_outside(
    *, actor: User | None, agency: Unit, doc_type: str, number: int, on: datetime.date, subject: str
) -> IssuedNumber:
    """Enter in the register a number the văn thư gave outside the system (on the paper
    register), so the system never gives it again. The same checks as issuing."""
    doc_type = DocumentType(doc_type).value
    _check_number(number)
    if not subject.strip():
        raise ValidationError({"subject": gettext("Hãy nhập trích yếu của văn bản đã cấp số.")})
    key = {"agency": agency, "doc_type": doc_type, "year": on.year}
    if _lines(agency, doc_type, on.year).filter(number=number).exists():
        raise _taken(agency, doc_type, on.year, number)
    _advance(key, number)
    check_date(agency, doc_type, on, number)
    return _register(key, number, on, actor, subject.strip(), outside=True)


@transaction.atomic
def set_next(*, actor: User | None, agency: Unit, doc_type: str, year: int, next_number_: int) -> NumberCounter:
    """Make `next_number_` the next number of the type and year (the paper register went
    further than the system knows). Never below a number already in the register.
    Side effects: the counter, with one ActivityLog row of its change."""
    doc_type = DocumentType(doc_type).value
    _check_number(next_number_)
    lowest = next_number(agency, doc_type, year)
    if next_number_ < lowest:
        raise ValidationError(
            {
                "number": gettext(
                    "Số tiếp theo không được nhỏ hơn %(lowest)02d: các số trước đó đã có trong sổ. "
                    "Để ghi một số đã cấp, hãy dùng «Ghi số đã cấp ngoài hệ thống»."
                )
                % {"lowest": lowest}
            }
        )
    counter, _ = NumberCounter.objects.get_or_create(agency=agency, doc_type=doc_type, year=year)
    before = counter.last
    NumberCounter.objects.filter(pk=counter.pk).update(last=next_number_ - 1)
    counter.refresh_from_db()
    record(
        actor=actor,
        obj=counter,
        action=ActivityLog.Action.CHANGED,
        changes={"last": [before, counter.last]},
        note=gettext("Số tiếp theo: %(next)02d") % {"next": next_number_},
    )
    return counter


def _user(actor):
    return actor if getattr(actor, "is_authenticated", False) else None
