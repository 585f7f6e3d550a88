"""The catalogue of titles and forms and the rules as data: seeded once, versioned by
effective date, edited by the office only, looked up by date."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from thidua.commendation import catalogue
from thidua.commendation.models import AwardType, EligibilityRule
from thidua.commendation.seeding import load_catalogue
from thidua.core.models import ActivityLog

pytestmark = pytest.mark.django_db
LATER = datetime.date(2027, 1, 1)


def test_the_migration_seeds_every_title_form_and_rule_once():
    assert set(AwardType.objects.values_list("code", flat=True)) == {
        "LDTT",
        "CSTDCS",
        "CSTD_TINH",
        "CSTD_TQ",
        "TTLDTT",
        "TTLDXS",
        "CO_TINH",
        "CO_CP",
        "GK",
        "BK_TINH",
        "BK_BO",
        "BK_TTG",
    }
    assert EligibilityRule.objects.count() == 21
    assert load_catalogue() == {"awards": 0, "rules": 0}
    call_command("load_catalogue", stdout=None)
    assert AwardType.objects.count() == 12


def test_titles_and_forms_are_kept_apart():
    assert [a.code for a in catalogue.titles()] == [
        "LDTT",
        "CSTDCS",
        "CSTD_TINH",
        "CSTD_TQ",
        "TTLDTT",
        "TTLDXS",
        "CO_TINH",
        "CO_CP",
    ]
    assert [a.code for a in catalogue.forms()] == ["GK", "BK_TINH", "BK_BO", "BK_TTG"]
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        AwardType.objects.create(
            code="GK", category="title", name="Sai loại", subject="both", route="director", effective_from=LATER
        )


def test_lookups_by_subject_and_authority():
    assert {a.code for a in catalogue.for_subject("collective")} == {
        "TTLDTT",
        "TTLDXS",
        "CO_TINH",
        "CO_CP",
        "GK",
        "BK_TINH",
        "BK_BO",
        "BK_TTG",
    }
    assert catalogue.decided_by_director("CSTDCS") and not catalogue.decided_by_director("CSTD_TINH")
    assert catalogue.rule("R5").parameters["ldtt_share_min"] == "0.70"


def _form_data(award: AwardType, **changes) -> dict:
    data = {
        "name": award.name,
        "subject": award.subject,
        "route": award.route,
        "cash_multiple": award.cash_multiple or "",
        "cash_basis": award.cash_basis,
        "yearly_cap": "",
        "article": award.article,
        "effective_from": award.effective_from.isoformat(),
        "effective_to": "",
        "note": award.note,
    }
    return data | changes


def test_office_edit_with_a_new_date_adds_a_version_and_keeps_the_old(org, client_for):
    award = AwardType.objects.get(code="CSTDCS")
    response = client_for(org.users.officer).post(
        reverse("award_type_edit", args=[award.pk]),
        _form_data(award, cash_multiple="1.2", yearly_cap="10", effective_from="2027-01-01"),
    )
    assert response.status_code == 302
    versions = list(AwardType.objects.filter(code="CSTDCS").order_by("effective_from"))
    assert [(v.effective_from, v.cash_multiple) for v in versions] == [
        (datetime.date(2024, 1, 1), Decimal("1.00")),
        (LATER, Decimal("1.20")),
    ]
    assert versions[0].effective_to is None
    assert catalogue.award_type("CSTDCS", on=LATER).yearly_cap == 10
    assert ActivityLog.objects.for_object(versions[1]).get().action == "created"


def test_office_edit_with_the_same_date_corrects_that_version(org, client_for):
    award = AwardType.objects.get(code="GK")
    client_for(org.users.officer).post(
        reverse("award_type_edit", args=[award.pk]),
        _form_data(award, cash_multiple="0.15", cash_basis="Điều 1 Quy chế"),
    )
    award.refresh_from_db()
    assert (AwardType.objects.filter(code="GK").count(), award.cash_multiple) == (1, Decimal("0.15"))
    changes = ActivityLog.objects.for_object(award).get().changes
    assert (changes["cash_multiple"], changes["cash_basis"]) == ([None, "0.15"], ["", "Điều 1 Quy chế"])


def test_a_multiple_without_its_basis_is_refused_on_the_page_with_the_input_kept(org, client_for):
    award = AwardType.objects.get(code="GK")
    response = client_for(org.users.officer).post(
        reverse("award_type_edit", args=[award.pk]), _form_data(award, cash_multiple="0.3")
    )
    page = response.content.decode()
    assert response.status_code == 400 and "Hãy ghi căn cứ của hệ số" in page and 'value="0.3"' in page
    award.refresh_from_db()
    assert award.cash_multiple is None


def test_the_catalogue_shows_each_multiple_with_its_basis_or_what_is_missing(org, client_for):
    page = client_for(org.users.officer).get(reverse("award_catalogue")).content.decode()
    assert "Điều 54 Nghị định số 98/2023/NĐ-CP" in page
    assert "Chưa có: Văn phòng nhập hệ số kèm căn cứ" in page  # Giấy khen, Bằng khen


def test_a_version_date_already_taken_is_refused_with_the_input_kept(org, client_for):
    award = AwardType.objects.get(code="GK")
    AwardType.objects.create(
        code="GK", category="form", name=award.name, subject="both", route="director", effective_from=LATER
    )
    response = client_for(org.users.officer).post(
        reverse("award_type_edit", args=[award.pk]), _form_data(award, effective_from="2027-01-01", note="Ghi chú mới")
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Đã có phiên bản của GK hiệu lực từ ngày 01/01/2027" in body
    assert "Ghi chú mới" in body
    assert AwardType.objects.filter(code="GK").count() == 2


def test_rule_parameters_keep_their_kind(org, client_for):
    rule = EligibilityRule.objects.get(code="R5")
    data = {
        "name": rule.name,
        "article": rule.article,
        "confidence": rule.confidence,
        "office_confirmed": "",
        "parameters": '{"ldtt_share_min": "bảy mươi", "min_cstdcs_members": "một"}',
        "effective_from": "2024-01-01",
        "effective_to": "",
        "note": rule.note,
    }
    response = client_for(org.users.officer).post(reverse("eligibility_rule_edit", args=[rule.pk]), data)
    body = response.content.decode()
    assert "«ldtt_share_min» phải là tỷ lệ từ 0 đến 1" in body
    assert "«min_cstdcs_members» phải cùng kiểu với giá trị cũ" in body
    assert "bảy mươi" in body
    rule.refresh_from_db()
    assert rule.parameters["ldtt_share_min"] == "0.70"


def test_office_confirms_a_historical_rule(org, client_for):
    rule = EligibilityRule.objects.get(code="R6")
    data = {
        "name": rule.name,
        "article": rule.article,
        "confidence": rule.confidence,
        "office_confirmed": "on",
        "parameters": '{"ldtt_share_above": "0.50", "unit_ratings": ["HTXSNV", "HTTNV"], "min_discipline": "canh_cao"}',
        "effective_from": "2024-01-01",
        "effective_to": "",
        "note": rule.note,
    }
    client_for(org.users.officer).post(reverse("eligibility_rule_edit", args=[rule.pk]), data)
    rule.refresh_from_db()
    assert rule.office_confirmed


@pytest.mark.parametrize("persona", ["head_a", "staff_a", "director"])
def test_only_the_office_edits(org, client_for, persona):
    award = AwardType.objects.get(code="LDTT")
    client = client_for(getattr(org.users, persona))
    assert client.get(reverse("award_type_edit", args=[award.pk])).status_code == 403
    assert client.post(reverse("award_type_edit", args=[award.pk]), _form_data(award, name="X")).status_code == 403
    assert AwardType.objects.get(pk=award.pk).name == "Lao động tiên tiến"


def test_catalogue_page_shows_two_separate_tables(org, client_for):
    body = client_for(org.users.staff_a).get(reverse("award_catalogue")).content.decode()
    titles, forms = body.split('data-testid="titles"')[1], body.split('data-testid="forms"')[1]
    assert "Chiến sĩ thi đua cơ sở" in titles.split("</table>")[0]
    assert "Giấy khen" not in titles.split("</table>")[0]
    assert "Bằng khen của Chủ tịch UBND tỉnh" in forms.split("</table>")[0]
    assert "Lao động tiên tiến" not in forms.split("</table>")[0]
    assert "/sua/" not in body  # no edit links for staff


def test_rules_page_says_which_rules_are_unsettled(org, client_for):
    body = client_for(org.users.officer).get(reverse("eligibility_rules")).content.decode()
    assert "Quy định cũ (lịch sử), chưa đối chiếu văn bản hiện hành" in body
    assert "Chưa tìm thấy văn bản" in body
    assert body.count("<code>R") >= 21


@pytest.mark.parametrize("url_name", ["award_catalogue", "eligibility_rules"])
def test_catalogue_pages_run_a_fixed_number_of_queries(org, client_for, url_name):
    client = client_for(org.users.officer)
    client.get(reverse(url_name))
    with CaptureQueriesContext(connection) as before:
        client.get(reverse(url_name))
    for code in ("LDTT", "GK", "BK_TTG"):
        row = AwardType.objects.filter(code=code).first()
        row.pk, row.effective_from = None, LATER
        row.save()
    with CaptureQueriesContext(connection) as after:
        client.get(reverse(url_name))
    assert len(after) == len(before)
