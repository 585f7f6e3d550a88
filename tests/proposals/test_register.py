"""The register of awards: who sees what, search without accents, pagination in a fixed
number of queries, cash amounts, and the Excel export read back."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from tests.proposals.conftest import YEAR, settle_money
from tests.spreadsheets import HOSTILE, assert_kept_as_text, read
from thidua.commendation import services as records
from thidua.commendation.models import AwardRecord
from thidua.core.codes import State
from thidua.proposals import services

pytestmark = pytest.mark.django_db
DECIDED = datetime.date(2027, 1, 15)


def _award(subject, code="LDTT", year=YEAR, number="01/QĐ-STP"):
    return records.record_award(
        actor=None,
        subject=subject,
        code=code,
        year=year,
        decision_number=number,
        decision_date=DECIDED,
        issuer="Giám đốc Sở Tư pháp",
    )


def _names(client, query="") -> list[str]:
    page = client.get(f"/so-khen-thuong/{query}").content.decode()
    return [row.split("</a>")[0].rsplit(">", 1)[-1] for row in page.split('data-testid="register-row"')[1:]]


@pytest.fixture
def awards(org, plan):
    _award(org.people.staff_a)
    _award(org.people.head_a, "CSTDCS")
    _award(org.people.staff_b)
    _award(org.units.a, "TTLDTT")
    _award(org.people.officer, "GK", number="02/QĐ-STP")


def test_the_office_and_the_director_see_the_whole_register(org, awards, client_for):
    assert len(_names(client_for(org.users.officer))) == 5
    assert len(_names(client_for(org.users.director))) == 5


def test_a_unit_head_sees_their_unit_and_staff_see_themselves(org, awards, client_for):
    assert sorted(_names(client_for(org.users.head_a))) == sorted(
        ["Đặng Thị Hương", "Nguyễn Văn Đạt", org.units.a.name]
    )
    assert _names(client_for(org.users.staff_a)) == ["Đặng Thị Hương"]
    assert _names(client_for(org.users.head_b)) == ["Triệu Thị Mai"]


def test_search_ignores_accents_and_finds_decision_numbers(org, awards, client_for):
    client = client_for(org.users.officer)
    assert _names(client, "?q=dang thi huong") == ["Đặng Thị Hương"]
    assert _names(client, "?q=02/QĐ") == ["Hoàng Thị Thu"]
    assert sorted(_names(client, "?subject=tap-the")) == [org.units.a.name]
    assert _names(client, "?award=CSTDCS") == ["Nguyễn Văn Đạt"]


def test_amounts_use_the_multiple_and_the_confirmed_base_salary(org, awards, client_for):
    salary = settle_money(org.users.officer, confirm=False)
    page = client_for(org.users.officer).get("/so-khen-thuong/?award=CSTDCS").content.decode()
    assert "2.340.000" not in page  # an unconfirmed figure pays nothing
    services.confirm_base_salary(actor=org.users.officer, salary=salary)
    page = client_for(org.users.officer).get("/so-khen-thuong/?award=CSTDCS").content.decode()
    assert "2.340.000" in page  # CSTĐCS: 1.0 × 2.340.000
    page = client_for(org.users.officer).get("/so-khen-thuong/?award=LDTT").content.decode()
    assert "702.000" in page  # LĐTT: 0.3 × 2.340.000


def test_the_register_lists_in_a_fixed_number_of_queries(org, awards, client_for):
    client = client_for(org.users.officer)
    with CaptureQueriesContext(connection) as first:
        client.get("/so-khen-thuong/")
    _award(org.people.councillor)
    _award(org.people.staff_b, "GK", number="03/QĐ-STP")
    with CaptureQueriesContext(connection) as second:
        client.get("/so-khen-thuong/")
    assert len(second.captured_queries) == len(first.captured_queries)


def test_the_excel_export_reads_back(org, awards, client_for):
    settle_money(org.users.officer)
    response = client_for(org.users.officer).get("/so-khen-thuong/so-khen-thuong.xlsx?year=2026")
    assert response["Content-Disposition"] == 'attachment; filename="so-khen-thuong.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("STT", "Họ và tên / Tập thể", "Đơn vị", "Loại", "Danh hiệu, hình thức")
    by_name = {row[1]: row for row in rows[1:]}
    assert set(by_name) == {"Đặng Thị Hương", "Nguyễn Văn Đạt", "Triệu Thị Mai", org.units.a.name, "Hoàng Thị Thu"}
    row = by_name["Nguyễn Văn Đạt"]
    assert row[3] == "Danh hiệu thi đua" and row[4] == "Chiến sĩ thi đua cơ sở" and row[5] == 2026
    assert row[7] == "01/QĐ-STP" and row[8].date() == DECIDED and row[10] == 2340000
    assert by_name["Hoàng Thị Thu"][3] == "Hình thức khen thưởng"


def test_the_export_keeps_to_what_the_user_may_see(org, awards, client_for):
    response = client_for(org.users.staff_a).get("/so-khen-thuong/so-khen-thuong.xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert [row[1] for row in rows[1:]] == ["Đặng Thị Hương"]


def test_a_decided_proposal_is_in_the_register(org, flow, client_for):
    flow.make(State.DECIDED)
    assert _names(client_for(org.users.head_a), "?q=huong") == ["Đặng Thị Hương"]


def test_text_typed_as_formulas_is_exported_as_text(org, plan, client_for):
    settle_money(org.users.officer)
    _award(org.people.staff_a, number=HOSTILE)
    AwardRecord.objects.update(issuer="@SUM(A1:A9)")
    AwardRecord.objects.update(recipient_name="+Đặng Thị Hương")  # the register shows the awarded name
    response = client_for(org.users.officer).get("/so-khen-thuong/so-khen-thuong.xlsx")
    assert_kept_as_text(response.content, HOSTILE, "@SUM(A1:A9)", "+Đặng Thị Hương")
    row = [cell for cell in read(response.content).active[2]]
    assert (row[0].value, row[5].value, row[10].value) == (1, YEAR, 702000)  # numbers stay numbers
