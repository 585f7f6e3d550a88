"""Idempotency-Key on API writes: a retried POST is answered from the first answer and
stores one row; a reused key for another request, a request still running, a bad key,
a failed request and an expired key each get their own answer."""

import datetime
import hashlib
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from thidua.api.models import IdempotencyKey
from thidua.core.models import ActivityLog
from thidua.difficulties import services
from thidua.difficulties.models import Difficulty
from thidua.plans.loading import load_plan

pytestmark = pytest.mark.django_db

LIST = "/api/v1/difficulties/"
BODY = {"title": "Thiếu chứng thư số", "description": "Chỉ có 2 chứng thư.", "proposal": "Cấp bổ sung."}


@pytest.fixture
def plan(org):
    return load_plan()[0]


def _post(client, body, key="don-hang-1", path=LIST):
    return client.post(path, json.dumps(body), content_type="application/json", headers={"Idempotency-Key": key})


def _body(org, **changes) -> dict:
    return BODY | {"unit": org.units.a.pk} | changes


def test_a_retry_gets_the_first_answer_and_stores_one_row(org, plan, client_for):
    client = client_for(org.users.head_a)
    first = _post(client, _body(org))
    assert first.status_code == 201 and "Idempotent-Replayed" not in first
    Difficulty.objects.update(title="Đổi sau lần gửi đầu")  # the retry must not read the row again
    logged = ActivityLog.objects.count()

    again = _post(client, _body(org))

    assert again.status_code == 201
    assert again["Idempotent-Replayed"] == "true"
    assert again["Content-Type"] == first["Content-Type"]
    assert again.json() == first.json()
    assert again.json()["title"] == "Thiếu chứng thư số"
    assert Difficulty.objects.count() == 1
    assert ActivityLog.objects.count() == logged  # the view did not run again


def test_the_same_key_for_another_body_or_path_is_422(org, plan, client_for):
    client = client_for(org.users.head_a)
    difficulty_id = _post(client, _body(org)).json()["id"]

    other_body = _post(client, _body(org, title="Một khó khăn khác"))
    other_path = _post(client, {}, path=f"{LIST}{difficulty_id}/submit/")

    for response in (other_body, other_path):
        assert response.status_code == 422
        assert "Idempotency-Key này đã được dùng cho một yêu cầu khác" in response.json()["detail"]
    assert list(Difficulty.objects.values_list("title", flat=True)) == ["Thiếu chứng thư số"]


def test_a_retry_while_the_first_still_runs_is_409_and_runs_nothing(org, plan, client_for):
    # The first request's row, committed before its view ran, with no answer yet.
    body = json.dumps(_body(org)).encode()
    IdempotencyKey.objects.create(
        user=org.users.head_a, key="don-hang-1", method="POST", path=LIST, body_hash=hashlib.sha256(body).hexdigest()
    )

    response = _post(client_for(org.users.head_a), _body(org))

    assert response.status_code == 409
    assert "đang xử lý" in response.json()["detail"]
    assert response["Retry-After"] == "1"
    assert not Difficulty.objects.exists()


def test_a_request_that_died_midway_is_taken_over_by_its_retry(org, plan, client_for):
    body = json.dumps(_body(org)).encode()
    IdempotencyKey.objects.create(
        user=org.users.head_a,
        key="don-hang-1",
        method="POST",
        path=LIST,
        body_hash=hashlib.sha256(body).hexdigest(),
        started_at=timezone.now() - datetime.timedelta(minutes=10),
    )

    response = _post(client_for(org.users.head_a), _body(org))

    assert response.status_code == 201
    assert Difficulty.objects.count() == 1
    assert IdempotencyKey.objects.get().status == 201


@pytest.mark.parametrize("key", ["", "k" * 256, "khóa-đơn", "tab\there"])
def test_a_malformed_key_is_400_naming_the_header(org, plan, client_for, key):
    response = _post(client_for(org.users.head_a), _body(org), key=key)
    assert response.status_code == 400
    assert "Header Idempotency-Key phải dài từ 1 đến 255 ký tự" in response.json()["detail"]
    assert not Difficulty.objects.exists()


def test_the_longest_key_is_taken(org, plan, client_for):
    assert _post(client_for(org.users.head_a), _body(org), key="k" * 255).status_code == 201


def test_invalid_input_is_answered_again_the_same_way(org, plan, client_for):
    client = client_for(org.users.head_a)
    first = _post(client, _body(org, title=""))
    again = _post(client, _body(org, title=""))
    assert first.status_code == again.status_code == 400
    assert again.json() == {"title": ["Hãy nhập tiêu đề khó khăn, vướng mắc."]}
    assert again["Idempotent-Replayed"] == "true"
    assert not Difficulty.objects.exists()


def test_a_refusal_is_not_kept_so_the_key_can_be_used_again(org, plan, client_for):
    client = client_for(org.users.head_a)
    refused = _post(client, _body(org, unit=org.units.b.pk))
    assert refused.status_code == 403
    assert not IdempotencyKey.objects.exists()

    accepted = _post(client, _body(org))
    assert accepted.status_code == 201 and "Idempotent-Replayed" not in accepted
    assert Difficulty.objects.get().unit == org.units.a


def test_a_server_error_keeps_nothing_and_the_retry_runs(org, plan, client_for, monkeypatch):
    raise_difficulty = services.raise_difficulty

    def saves_then_fails(**kwargs):
        raise_difficulty(**kwargs)
        raise RuntimeError("mất kết nối giữa chừng")

    monkeypatch.setattr(services, "raise_difficulty", saves_then_fails)
    client = client_for(org.users.head_a)
    client.raise_request_exception = False
    assert _post(client, _body(org)).status_code == 500
    assert not Difficulty.objects.exists()  # the half-done write was rolled back
    assert not IdempotencyKey.objects.exists()

    monkeypatch.setattr(services, "raise_difficulty", raise_difficulty)
    assert _post(client, _body(org)).status_code == 201
    assert Difficulty.objects.count() == 1


def test_keys_belong_to_their_user(org, plan, client_for):
    by_head = _post(client_for(org.users.head_a), _body(org, submit=False))
    by_staff = _post(client_for(org.users.staff_a), _body(org, submit=False))
    assert by_head.status_code == by_staff.status_code == 201
    assert "Idempotent-Replayed" not in by_staff
    assert by_head.json()["id"] != by_staff.json()["id"]
    assert Difficulty.objects.count() == 2


def test_without_the_header_every_post_runs(org, plan, client_for):
    client = client_for(org.users.head_a)
    for _ in range(2):
        client.post(LIST, _body(org), content_type="application/json")
    assert Difficulty.objects.count() == 2
    assert not IdempotencyKey.objects.exists()


def test_an_expired_key_is_a_new_key_and_is_purged(org, plan, client_for):
    client = client_for(org.users.head_a)
    _post(client, _body(org))
    IdempotencyKey.objects.update(created_at=timezone.now() - datetime.timedelta(hours=25))
    _post(client, _body(org), key="khoa-khac")

    again = _post(client, _body(org))
    assert again.status_code == 201 and "Idempotent-Replayed" not in again
    assert Difficulty.objects.count() == 3

    IdempotencyKey.objects.filter(key="khoa-khac").update(created_at=timezone.now() - datetime.timedelta(hours=25))
    call_command("purge_expired_keys")
    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["don-hang-1"]


def test_the_schema_documents_the_header_on_every_post():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    parameter = schema["components"]["parameters"]["IdempotencyKey"]
    assert (parameter["in"], parameter["name"], parameter["schema"]["maxLength"]) == ("header", "Idempotency-Key", 255)
    posts = {path: ops["post"] for path, ops in schema["paths"].items() if "post" in ops}
    assert "/api/v1/difficulties/" in posts and "/api/v1/difficulties/{id}/submit/" in posts
    for path, post in posts.items():
        assert {"$ref": "#/components/parameters/IdempotencyKey"} in post["parameters"], path
        assert "422" in post["responses"], path


def test_the_key_messages_speak_english_after_the_switch(org, plan, client_for):
    client = client_for(org.users.head_a)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = _post(client, _body(org), key="")
    assert response.json()["detail"].startswith("The Idempotency-Key header must be 1 to 255 characters long")
