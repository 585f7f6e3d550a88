"""The results API: the same services and rules as the pages, evidence listed with
download addresses that check access, fixed query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.results.conftest import pdf, renamed_program
from thidua.core.codes import State
from thidua.results import services
from thidua.results.models import ResultEntry

pytestmark = pytest.mark.django_db
URL = "/api/v1/results/"


def _payload(area, **changes) -> dict:
    return {
        "content_area": area.pk,
        "title": "Trợ giúp pháp lý lưu động",
        "description": "Tại xã vùng cao",
        "date": "2026-06-25",
        "quantity": "146",
        "quantity_unit": "người",
    } | changes


def test_staff_creates_an_entry_with_files_and_submits_it(org, client_for, area):
    client = client_for(org.users.staff_a)
    created = client.post(URL, _payload(area, quantity="12,5", files=[pdf("a.pdf"), pdf("b.pdf")]))
    assert created.status_code == 201, created.json()
    data = created.json()
    assert (data["person"], data["unit"], data["state"], data["quantity"]) == (
        org.people.staff_a.pk,
        org.units.a.pk,
        "draft",
        "12.50",
    )
    assert [e["name"] for e in data["evidence"]] == ["a.pdf", "b.pdf"]
    submitted = client.post(f"{URL}{data['id']}/submit/").json()
    assert (submitted["state"], submitted["state_label"]) == ("submitted", "Đã gửi")
    again = client.post(f"{URL}{data['id']}/submit/")
    assert again.status_code == 409 and "đã được gửi" in again.json()["detail"]


def test_the_evidence_url_downloads_for_the_unit_and_is_404_for_another(org, client_for, make_entry):
    entry = make_entry(files=[pdf("bien-ban.pdf")])
    services.submit_result(actor=org.users.staff_a, entry=entry)
    listed = client_for(org.users.head_a).get(f"{URL}{entry.pk}/").json()
    url = listed["evidence"][0]["download_url"]
    assert url.startswith("http://testserver/ket-qua/minh-chung/")
    assert b"".join(client_for(org.users.head_a).get(url).streaming_content).startswith(b"%PDF")
    assert client_for(org.users.head_b).get(url).status_code == 404
    assert client_for(org.users.head_b).get(f"{URL}{entry.pk}/").status_code == 404


def test_bad_input_is_refused_with_the_reason_and_nothing_saved(org, client_for, area):
    client = client_for(org.users.staff_a)
    bad_date = client.post(URL, _payload(area, date="2031-01-05"), content_type="application/json")
    assert "từ 01/01/2026 đến 31/12/2030" in bad_date.json()["date"][0]
    bad_file = client.post(URL, _payload(area, files=[renamed_program("x.pdf")]))
    assert "«x.pdf»" in bad_file.json()["files"][0]
    bad_number = client.post(URL, _payload(area, quantity="mười"), content_type="application/json")
    assert "«mười» không phải là một số" in bad_number.json()["quantity"][0]
    assert not ResultEntry.objects.exists()


def test_only_the_unit_head_records_for_the_unit_and_it_is_confirmed_on_submission(org, client_for, area):
    refused = client_for(org.users.staff_a).post(
        URL, _payload(area, unit=org.units.a.pk), content_type="application/json"
    )
    assert refused.status_code == 403 and not ResultEntry.objects.exists()
    client = client_for(org.users.head_a)
    created = client.post(URL, _payload(area, unit=org.units.a.pk), content_type="application/json").json()
    assert created["person"] is None
    assert client.post(f"{URL}{created['id']}/submit/").json()["state"] == "confirmed"


def test_confirm_and_return_are_for_the_unit_head(org, client_for, make_entry):
    entry = make_entry()
    services.submit_result(actor=org.users.staff_a, entry=entry)
    assert client_for(org.users.staff_a).post(f"{URL}{entry.pk}/confirm/").status_code == 403
    head = client_for(org.users.head_a)
    no_reason = head.post(f"{URL}{entry.pk}/return/", {"reason": ""}, content_type="application/json")
    assert "lý do trả lại" in no_reason.json()["reason"][0]
    returned = head.post(f"{URL}{entry.pk}/return/", {"reason": "Thiếu ảnh"}, content_type="application/json")
    assert (returned.json()["state"], returned.json()["return_reason"]) == ("returned", "Thiếu ảnh")
    added = client_for(org.users.staff_a).post(f"{URL}{entry.pk}/evidence/", {"files": [pdf("anh.pdf")]})
    assert [e["name"] for e in added.json()["evidence"]] == ["anh.pdf"]
    client_for(org.users.staff_a).post(f"{URL}{entry.pk}/submit/")
    assert head.post(f"{URL}{entry.pk}/confirm/").json()["state"] == State.CONFIRMED


def test_the_list_shows_only_visible_entries(org, client_for, make_entry):
    services.submit_result(actor=org.users.staff_a, entry=make_entry(title="Của A"))
    assert client_for(org.users.head_b).get(URL).json()["results"] == []
    assert [e["title"] for e in client_for(org.users.officer).get(URL).json()["results"]] == ["Của A"]


def test_the_list_runs_a_fixed_number_of_queries(org, client_for, make_entry):
    client = client_for(org.users.head_a)
    services.submit_result(actor=org.users.staff_a, entry=make_entry(files=[pdf()]))
    client.get(URL)
    with CaptureQueriesContext(connection) as before:
        client.get(URL)
    for i in range(5):
        services.submit_result(actor=org.users.staff_a, entry=make_entry(title=f"{i}", files=[pdf(), pdf("b.pdf")]))
    with CaptureQueriesContext(connection) as after:
        assert len(client.get(URL).json()["results"]) == 6
    assert len(after.captured_queries) == len(before.captured_queries)


def test_anonymous_gets_nothing(client, org):
    assert client.get(URL).status_code == 403


def test_the_openapi_schema_covers_the_results_endpoints(org, client_for):
    from drf_spectacular.validation import validate_schema

    response = client_for(org.users.officer).get("/api/v1/schema/", {"format": "json"})
    schema = response.json()
    validate_schema(schema)
    paths = {path for path in schema["paths"] if path.startswith("/api/v1/results/")}
    assert paths == {
        "/api/v1/results/",
        "/api/v1/results/{id}/",
        "/api/v1/results/{id}/submit/",
        "/api/v1/results/{id}/confirm/",
        "/api/v1/results/{id}/return/",
        "/api/v1/results/{id}/evidence/",
    }
    assert set(schema["paths"]["/api/v1/results/"]) == {"get", "post"}


def test_an_upload_retried_with_its_idempotency_key_is_stored_once(org, client_for, make_entry, settings):
    # Two files together larger than the limit of a request body held in memory.
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    entry = make_entry()
    client = client_for(org.users.staff_a)
    sent = [
        client.post(
            f"{URL}{entry.pk}/evidence/",
            {"files": [pdf("anh.pdf"), pdf("bien-ban.pdf")]},
            headers={"Idempotency-Key": "minh-chung-1"},
        )
        for _ in range(2)
    ]
    assert [response.status_code for response in sent] == [200, 200]
    assert sent[1]["Idempotent-Replayed"] == "true"
    assert sorted(e["name"] for e in sent[1].json()["evidence"]) == ["anh.pdf", "bien-ban.pdf"]
    assert entry.evidence.count() == 2
