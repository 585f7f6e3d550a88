"""Document numbers per Nghị định 30/2020 Điều 15: per type and agency, from 01 each
year, unique, never issued twice — also when clerks issue at the same moment."""

import datetime
import threading

import pytest
from django.db import IntegrityError, connection

from tests.factories import UnitFactory
from thidua.core.models import ActivityLog
from thidua.organization.enums import UnitKind
from thidua.outgoing.models import DocumentType, IssuedNumber
from thidua.outgoing.numbering import format_number, issue_number

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency(db):
    return UnitFactory(code="STP", name="Sở Tư pháp", kind=UnitKind.AGENCY)


def issue(agency, doc_type=DocumentType.BC, year=2026, subject="Báo cáo kết quả phong trào thi đua"):
    return issue_number(doc_type=doc_type, on=datetime.date(year, 3, 2), agency=agency, actor=None, subject=subject)


def test_numbers_start_at_01_and_have_a_leading_zero(agency):
    assert [issue(agency) for _ in range(3)] == ["01/BC-STP", "02/BC-STP", "03/BC-STP"]
    assert format_number(12, "BC", "STP") == "12/BC-STP"


def test_each_type_counts_on_its_own(agency):
    assert issue(agency, DocumentType.BC) == "01/BC-STP"
    assert issue(agency, DocumentType.QD) == "01/QĐ-STP"
    assert issue(agency, DocumentType.TTR) == "01/TTr-STP"
    assert issue(agency, DocumentType.BC) == "02/BC-STP"


def test_a_new_year_starts_again_from_01(agency):
    issue(agency, year=2025)
    issue(agency, year=2025)
    assert issue(agency, year=2026) == "01/BC-STP"


def test_agencies_count_apart(agency):
    other = UnitFactory(code="SNV", name="Sở Nội vụ", kind=UnitKind.AGENCY)
    issue(agency)
    assert issue(other) == "01/BC-SNV"


def test_every_number_is_registered_and_logged(agency):
    issue(agency, subject="Báo cáo năm 2026")
    row = IssuedNumber.objects.get()
    assert (row.number, row.number_symbol, row.subject) == (1, "01/BC-STP", "Báo cáo năm 2026")
    assert row.document_date == datetime.date(2026, 3, 2)
    assert ActivityLog.objects.for_object(row).get().changes == {
        "number_symbol": [None, "01/BC-STP"],
        "document_date": [None, "2026-03-02"],
    }


def test_the_register_refuses_a_number_twice(agency):
    issue(agency)
    with pytest.raises(IntegrityError):
        IssuedNumber.objects.create(
            agency=agency, doc_type="BC", year=2026, number=1, number_symbol="01/BC-STP", subject="trùng"
        )


def test_an_unknown_type_is_refused(agency):
    with pytest.raises(ValueError):
        issue(agency, doc_type="XX")


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL (in-memory SQLite is one connection)"
)
def test_clerks_issuing_at_once_never_share_a_number():
    agency = UnitFactory(code="STP", name="Sở Tư pháp", kind=UnitKind.AGENCY)
    workers, results, errors = 8, [], []
    barrier = threading.Barrier(workers)

    def clerk():
        try:
            barrier.wait()
            results.append(issue(agency))
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=clerk) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(results) == [f"{n:02d}/BC-STP" for n in range(1, workers + 1)]
    assert IssuedNumber.objects.count() == workers
