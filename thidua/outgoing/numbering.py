"""Issuing document numbers (Nghị định 30/2020 Điều 15): `issue_number(...)` gives the
next number of a document type for an agency and year, e.g. "05/BC-STP".

The counter row is advanced with one conditional `UPDATE … SET last = last + 1` inside
a transaction: PostgreSQL holds the row lock until commit, and SQLite's IMMEDIATE
transactions (settings) let one writer in at a time, so two clerks issuing at once
always get two different numbers. The register's unique constraint backs this up."""

from django.db import transaction
from django.db.models import F

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


@transaction.atomic
def issue_number(*, doc_type: str, year: int, agency: Unit, actor: User | None, subject: str) -> str:
    """Give the next number of `doc_type` for `agency` in `year` and register it.

    Side effects: creates the year's counter row on first use, advances it by one,
    adds one IssuedNumber row and one ActivityLog row. Returns the number and symbol."""
    doc_type = DocumentType(doc_type).value
    key = {"agency": agency, "doc_type": doc_type, "year": year}
    NumberCounter.objects.bulk_create([NumberCounter(**key)], ignore_conflicts=True)
    counter = NumberCounter.objects.filter(**key)
    counter.update(last=F("last") + 1)
    number = counter.values_list("last", flat=True).get()
    number_symbol = format_number(number, doc_type, agency_symbol(agency))
    issued = IssuedNumber.objects.create(
        **key, number=number, number_symbol=number_symbol, subject=subject[:500], issued_by=_user(actor)
    )
    record(
        actor=actor,
        obj=issued,
        action=ActivityLog.Action.CREATED,
        changes={"number_symbol": [None, number_symbol]},
        note=subject[:500],
    )
    return number_symbol


def _user(actor):
    return actor if getattr(actor, "is_authenticated", False) else None
