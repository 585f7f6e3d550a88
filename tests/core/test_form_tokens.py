"""One-time form tokens: a page form sent twice with the same token stores one row and
the second answer goes where the first went; a form shown again with errors keeps its
token; a token belongs to its account; every data-changing form carries one."""

import datetime
import pathlib
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from thidua.core import form_tokens
from thidua.core.models import FormToken
from thidua.difficulties.models import Difficulty
from thidua.plans.loading import load_plan

pytestmark = pytest.mark.django_db

TOKEN = "mA7x0Qk2Zr-_token-cua-bieu-mau"
RAISE = {
    "title": "Thiếu chứng thư số",
    "description": "Chỉ có 2 chứng thư cho 6 người.",
    "proposal": "Cấp bổ sung 4 chứng thư số.",
    "source_label": "",
    "content_area": "",
    "gui": "1",
}


@pytest.fixture
def plan(org):
    return load_plan()[0]


def _raise(client, org, token=TOKEN, **changes):
    """Posts the raising form; a change to None leaves the field out."""
    data = RAISE | {"unit": org.units.a.pk, "form_token": token} | changes
    return client.post(reverse("difficulty_create"), {name: value for name, value in data.items() if value is not None})


def test_the_form_carries_a_fresh_token(org, plan, client_for):
    client = client_for(org.users.head_a)
    tokens = [
        re.search(r'name="form_token" value="([^"]+)"', client.get(reverse("difficulty_create")).content.decode())
        for _ in range(2)
    ]
    assert all(tokens) and tokens[0][1] != tokens[1][1]


def test_a_form_sent_twice_stores_one_row_and_goes_to_the_same_page(org, plan, client_for):
    client = client_for(org.users.head_a)
    first = _raise(client, org)
    difficulty = Difficulty.objects.get()
    assert first.status_code == 302 and first["Location"] == reverse("difficulty_detail", args=[difficulty.pk])

    second = _raise(client, org)

    assert second.status_code == 302 and second["Location"] == first["Location"]
    assert Difficulty.objects.count() == 1
    page = client.get(second["Location"]).content.decode()
    assert "Biểu mẫu này đã được gửi rồi nên không được lưu thêm lần nữa" in page


def test_a_form_with_errors_keeps_its_token_for_the_corrected_one(org, plan, client_for):
    client = client_for(org.users.head_a)
    shown_again = _raise(client, org, title="")
    assert shown_again.status_code == 200
    assert "is-invalid" in shown_again.content.decode()
    assert not Difficulty.objects.exists()
    assert not FormToken.objects.exists()

    corrected = _raise(client, org)
    assert corrected.status_code == 302
    assert Difficulty.objects.get().title == "Thiếu chứng thư số"


def test_a_refused_form_does_not_spend_its_token(org, plan, client_for):
    client = client_for(org.users.head_a)
    assert _raise(client, org, unit=org.units.b.pk).status_code == 403
    assert not FormToken.objects.exists()
    assert _raise(client, org).status_code == 302
    assert Difficulty.objects.count() == 1


def test_another_accounts_token_never_leads_to_its_page(org, plan, client_for):
    by_head = _raise(client_for(org.users.head_a), org)
    by_staff = _raise(client_for(org.users.staff_a), org, gui=None, nhap="1")
    head_row, staff_row = Difficulty.objects.order_by("id")
    assert by_head["Location"] == reverse("difficulty_detail", args=[head_row.pk])
    assert by_staff["Location"] == reverse("difficulty_detail", args=[staff_row.pk])
    assert (head_row.state, staff_row.state) == ("submitted", "draft")
    assert FormToken.objects.filter(token=TOKEN).count() == 2


def test_a_second_post_while_the_first_runs_waits_for_its_answer(org, plan, client_for, monkeypatch):
    row = FormToken.objects.create(user=org.users.head_a, token=TOKEN)  # the first POST, still running
    monkeypatch.setattr(
        form_tokens.time, "sleep", lambda seconds: FormToken.objects.filter(pk=row.pk).update(location="/kho-khan/7/")
    )

    response = _raise(client_for(org.users.head_a), org)

    assert response.status_code == 302 and response["Location"] == "/kho-khan/7/"
    assert not Difficulty.objects.exists()


def test_a_first_post_that_never_answers_gets_a_page_saying_so(org, plan, client_for, monkeypatch):
    FormToken.objects.create(user=org.users.head_a, token=TOKEN)
    monkeypatch.setattr(form_tokens, "WAIT_SECONDS", 0)

    response = _raise(client_for(org.users.head_a), org)

    assert response.status_code == 409
    assert "lần gửi trước vẫn đang được xử lý" in response.content.decode()
    assert not Difficulty.objects.exists()


def test_a_form_without_a_token_behaves_as_before(org, plan, client_for):
    client = client_for(org.users.head_a)
    for _ in range(2):
        _raise(client, org, token="")
    assert Difficulty.objects.count() == 2
    assert not FormToken.objects.exists()


def test_expired_tokens_are_forgotten(org, plan, client_for):
    client = client_for(org.users.head_a)
    _raise(client, org)
    FormToken.objects.update(created_at=timezone.now() - datetime.timedelta(hours=25))
    assert _raise(client, org).status_code == 302
    assert Difficulty.objects.count() == 2

    FormToken.objects.update(created_at=timezone.now() - datetime.timedelta(hours=25))
    call_command("purge_expired_keys")
    assert not FormToken.objects.exists()


# The forms that change nothing stored: signing in, choosing the language, signing out.
# Forms of visitors not signed in (a token is bound to an account) and sign-out buttons.
WITHOUT_TOKEN = {
    "registration/login.html": 1,
    "base.html": 2,
    "honours/_public_nav.html": 1,
    "registration/otp_verify.html": 2,
    "registration/password_reset_form.html": 1,
    "registration/password_reset_confirm.html": 1,
}


def test_every_form_that_changes_data_carries_a_token():
    root = pathlib.Path(settings.BASE_DIR) / "templates"
    for path in root.rglob("*.html"):
        text = path.read_text()
        bare = text.count("{% csrf_token %}") - text.count("{% csrf_token %}{% form_token %}")
        assert bare == WITHOUT_TOKEN.get(str(path.relative_to(root)), 0), path
