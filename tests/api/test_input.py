"""What the API answers to input it cannot take — JSON nested too deep or malformed, a
body over the size limits, a query parameter out of range, an id no column holds —
always a 4xx in JSON that says, in Vietnamese, what to fix; never a 500."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.api.parsers import MAX_DEPTH, problem
from thidua.difficulties.models import Difficulty

pytestmark = pytest.mark.django_db

TOO_DEEP = "Dữ liệu JSON lồng nhau quá sâu: tối đa 64 cấp mảng, đối tượng lồng trong nhau."
YEAR = "Tham số year phải là một năm từ 2000 đến 2100."


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def post_json(client, url: str, body: str):
    return client.post(url, body, content_type="application/json")


@pytest.mark.parametrize("url", ["/api/v1/difficulties/", "/api/v1/results/", "/api/v1/council-votes/"])
def test_json_nested_100000_deep_is_refused_with_400_on_any_endpoint(org, client_for, url):
    response = post_json(client_for(org.users.officer), url, nested(100_000))
    assert response.status_code == 400
    assert response.json() == {"detail": TOO_DEEP}


def test_the_eligibility_engine_says_it_in_its_own_error_format(org, client_for):
    response = post_json(client_for(org.users.officer), "/api/v1/eligibility/evaluate", nested(100_000))
    assert response.status_code == 400
    assert response.json() == {"errors": [{"path": "", "message": TOO_DEEP}]}


def test_the_depth_limit_is_64_levels_and_nothing_is_saved(org, client_for):
    client = client_for(org.users.head_a)
    just_over = post_json(client, "/api/v1/difficulties/", '{"title": "", "x": ' + nested(MAX_DEPTH) + "}")
    assert just_over.json() == {"detail": TOO_DEEP}
    at_the_limit = post_json(client, "/api/v1/difficulties/", '{"title": "", "x": ' + nested(MAX_DEPTH - 1) + "}")
    assert at_the_limit.status_code == 400 and "detail" not in at_the_limit.json()  # read, refused by field
    assert not Difficulty.objects.exists()


def test_the_check_counts_arrays_and_objects_and_finds_nul_anywhere():
    assert problem({"a": [1, {"b": 2}]}, 3) is None
    assert problem({"a": [1, {"b": []}]}, 3) == "deep"
    assert problem("text", 0) is None
    assert problem(json.loads(nested(900)), 64) == "deep"  # deeper than Python's own recursion would allow
    assert problem({"a": ["x", {"b\x00": 1}]}, 64) == "nul"
    assert problem({"a": "\\u0000 is text"}, 64) is None  # an escaped backslash, not a NUL


def test_a_nul_character_in_a_json_text_is_refused(org, client_for):
    response = post_json(client_for(org.users.head_a), "/api/v1/difficulties/", '{"content": {"a": "x\\u0000"}}')
    assert response.status_code == 400
    assert response.json() == {"detail": "Dữ liệu JSON chứa ký tự NUL (\\u0000), không lưu được: hãy bỏ ký tự này."}


@pytest.mark.parametrize(
    "body, message",
    [
        ('{"title": "x",}', "Nội dung JSON không hợp lệ ở dòng 1, cột 15"),
        ('{"title": NaN}', "Nội dung JSON không hợp lệ: NaN và Infinity không phải là số JSON."),
    ],
)
def test_malformed_json_says_where(org, client_for, body, message):
    response = post_json(client_for(org.users.head_a), "/api/v1/difficulties/", body)
    assert response.status_code == 400
    assert response.json()["detail"].startswith(message)


def test_bytes_that_are_not_utf8_are_refused(org, client_for):
    response = client_for(org.users.head_a).post(
        "/api/v1/difficulties/", b'{"title": "\xff"}', content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "Nội dung gửi lên không phải văn bản utf-8 hợp lệ."}


def test_a_json_body_over_the_size_limit_is_413_naming_the_limit(org, client_for, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2048
    response = post_json(client_for(org.users.head_a), "/api/v1/difficulties/", json.dumps({"title": "x" * 3000}))
    assert response.status_code == 413
    assert response.json() == {"detail": "Dữ liệu gửi lên quá lớn: tối đa 2 KB (không kể tệp đính kèm)."}
    assert not Difficulty.objects.exists()


def test_a_form_with_too_many_fields_is_400_naming_the_limit(org, client_for, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    response = client_for(org.users.staff_a).post("/api/v1/results/", {f"f{n}": "x" for n in range(10)})
    assert response.status_code == 400
    assert response.json() == {"detail": "Gửi quá nhiều trường dữ liệu: tối đa 5 trường một lần."}


def test_too_many_files_is_400_naming_the_limit(org, client_for, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 1
    files = [SimpleUploadedFile(f"{n}.pdf", b"%PDF-1.4", content_type="application/pdf") for n in range(2)]
    response = client_for(org.users.staff_a).post("/api/v1/results/", {"title": "x", "files": files})
    assert response.status_code == 400
    assert response.json() == {"detail": "Gửi quá nhiều tệp: tối đa 1 tệp một lần."}


def test_a_multipart_form_over_the_limit_is_413_too(org, client_for, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = client_for(org.users.staff_a).post("/api/v1/results/", {"title": "x" * 2000})
    assert response.status_code == 413
    assert response.json() == {"detail": "Dữ liệu gửi lên quá lớn: tối đa 1 KB (không kể tệp đính kèm)."}


def test_a_request_refused_before_any_view_is_json_on_the_api(org, client_for):
    response = client_for(org.users.officer).get("/api/v1/results/", HTTP_HOST="not-our-host.example")
    assert response.status_code == 400
    assert response.json() == {"detail": "Yêu cầu không hợp lệ."}


def test_form_data_is_refused_where_no_file_is_taken(org, client_for):
    response = client_for(org.users.head_a).post("/api/v1/difficulties/", {"title": "x"})
    assert response.status_code == 415


# --- Query parameters: the seven unchecked readers, and the rest of the API --------------------
@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/results/",
        "/api/v1/registrations/",
        "/api/v1/honours/awards/",
        "/api/v1/award-register/",
        "/api/v1/indicator-values/",
        "/api/v1/self-assessments/",
        "/api/v1/council-scores/",
    ],
)
@pytest.mark.parametrize("year", ["0", "10000", "²", "1999"])
def test_a_year_out_of_range_is_400_naming_it(org, client_for, url, year):
    response = client_for(org.users.officer).get(url, {"year": year})
    assert response.status_code == 400
    assert response.json() == {"year": [YEAR]}


@pytest.mark.parametrize(
    "url, name",
    [
        ("/api/v1/results/", "unit"),
        ("/api/v1/results/", "person"),
        ("/api/v1/results/", "content_area"),
        ("/api/v1/difficulties/", "unit"),
        ("/api/v1/inspection-actions/", "unit"),
        ("/api/v1/unit-reports/", "period"),
        ("/api/v1/report-status/", "period"),
        ("/api/v1/indicator-values/", "indicator"),
        ("/api/v1/indicators/", "content_area"),
    ],
)
@pytest.mark.parametrize("value", ["99999999999999999999999", "9223372036854775808", "²", "0"])
def test_an_id_that_no_column_holds_is_400_naming_it(org, client_for, url, name, value):
    response = client_for(org.users.officer).get(url, {name: value})
    assert response.status_code == 400
    assert response.json() == {
        name: [f"Tham số {name} phải là mã số (id) của một đối tượng: số nguyên dương, tối đa 19 chữ số."]
    }


def test_a_valid_filter_still_filters(org, client_for):
    from thidua.difficulties import services
    from thidua.plans.loading import load_plan

    plan, _ = load_plan()
    services.raise_difficulty(
        actor=org.users.head_a,
        plan=plan,
        unit=org.units.a,
        title="Thiếu máy tính",
        description="Hai máy hỏng.",
        proposal="Cấp hai máy.",
        submit=True,
    )
    office = client_for(org.users.officer)
    assert [d["title"] for d in office.get("/api/v1/difficulties/", {"unit": org.units.a.pk}).json()["results"]] == [
        "Thiếu máy tính"
    ]
    assert office.get("/api/v1/difficulties/", {"unit": org.units.b.pk}).json()["results"] == []


def test_a_state_that_does_not_exist_is_400_listing_the_states(org, client_for):
    response = client_for(org.users.officer).get("/api/v1/unit-reports/", {"state": "sent\x00"})
    assert response.status_code == 400
    assert response.json()["state"][0].startswith("Tham số state phải là một trong: draft, submitted,")


def test_a_quarter_out_of_range_is_400(org, client_for):
    response = client_for(org.users.officer).get("/api/v1/indicator-values/", {"quarter": "5"})
    assert response.json() == {"quarter": ["Tham số quarter phải là một quý, từ 1 đến 4."]}


# --- Ids in the path ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/results/{}/",
        "/api/v1/difficulties/{}/",
        "/api/v1/unit-reports/{}/",
        "/api/v1/initiatives/{}/",
        "/api/v1/proposals/{}/submit/",
    ],
)
@pytest.mark.parametrize("pk", ["99999999999999999999999", "9223372036854775808", "0"])
def test_an_id_out_of_range_in_the_path_is_404_json(org, client_for, path, pk):
    client = client_for(org.users.officer)
    url = path.format(pk)
    response = client.post(url) if url.endswith("submit/") else client.get(url)
    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy."}


# --- Numbers in bodies that no column holds -----------------------------------------------------
def test_a_benefit_over_what_its_column_holds_is_400(org, client_for):
    from thidua.initiatives.models import Initiative
    from thidua.plans.loading import load_plan

    plan, _ = load_plan()
    body = {
        "unit": org.units.a.pk,
        "content_area": plan.content_areas.first().pk,
        "title": "Số hóa hồ sơ",
        "problem": "Chậm",
        "solution": "Quét",
        "novelty": "Mới",
        "applied_since": "2026-01-01",
        "authors": [{"person": org.people.head_a.pk, "share": 100}],
    }
    client = client_for(org.users.head_a)
    too_many_hours = post_json(client, "/api/v1/initiatives/", json.dumps(body | {"hours_saved": 2**31}))
    assert too_many_hours.status_code == 400
    assert too_many_hours.json() == {"hours_saved": ["Giá trị quá lớn: tối đa 2147483647."]}
    too_much_money = post_json(client, "/api/v1/initiatives/", json.dumps(body | {"cost_saved": 10**20}))
    assert too_much_money.json() == {"cost_saved": ["Giá trị quá lớn: tối đa 9223372036854775807."]}
    assert not Initiative.objects.exists()
    saved = post_json(client, "/api/v1/initiatives/", json.dumps(body | {"cost_saved": 3_000_000_000}))
    assert saved.status_code == 201 and saved.json()["cost_saved"] == 3_000_000_000


def test_a_report_id_over_its_column_is_400(org, client_for):
    from thidua.plans.loading import load_plan

    load_plan()
    body = {"unit": org.units.a.pk, "title": "Thiếu máy", "description": "Hỏng", "unit_report_id": 10**20}
    response = post_json(client_for(org.users.head_a), "/api/v1/difficulties/", json.dumps(body))
    assert response.status_code == 400
    assert response.json() == {"unit_report_id": ["Mã số (id) quá lớn: không có đối tượng nào như vậy."]}
    assert not Difficulty.objects.exists()


def test_a_vote_for_an_id_no_column_holds_is_400(org, client_for):
    body = {"meeting": 1, "proposal": 10**20, "choice": "agree"}
    response = post_json(client_for(org.users.director), "/api/v1/council-votes/", json.dumps(body))
    assert response.status_code == 400
    assert response.json()["proposal"] == ["Mã số (id) quá lớn: không có đối tượng nào như vậy."]


def test_a_day_that_does_not_exist_is_400_naming_it(org, client_for):
    response = client_for(org.users.officer).get("/api/v1/inspection-actions/", {"overdue": "1", "on": "2026-02-30"})
    assert response.status_code == 400
    assert response.json() == {"on": ["Tham số on phải là một ngày có thật, dạng YYYY-MM-DD."]}
