"""Every operation of the API under generated requests (schemathesis), valid and
invalid, built from the schema the app serves at /api/v1/schema/: none may answer with
a server error (5xx). Run against the WSGI app in-process, over the demo year, signed in
as the office and as a staff member of unit A — the demo's accounts, the personas `org`
imitates. An id the schema allows is swapped for one the account's list shows, so the
actions run on real objects in every state of the demo. Seeded and derandomized: the
same requests on every run, a few per operation."""

import pytest
import schemathesis
import time_machine
import yaml
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.test import Client
from schemathesis.checks import not_a_server_error

from thidua.core.params import MAX_ID
from thidua.organization.models import User

# Committed data: the app is served in-process as a real WSGI app, which closes its
# database connection after each request as in production, so the rows must not live
# only in a test transaction (on PostgreSQL that transaction would close with it).
pytestmark = pytest.mark.django_db(transaction=True)

CSRF = "fuzzcsrftokenfuzzcsrftokenfuzzcs"  # any 32 letters, sent as cookie and header alike

CONFIG = schemathesis.Config.from_dict(
    {
        "seed": 2026,
        "generation": {"mode": "all", "max-examples": 4, "deterministic": True, "database": "none"},
        "phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}},
        # The boundaries of every query parameter (0, 1999, 2101, 2^63…) on the reading
        # operations; for bodies the coverage phase would take minutes, fuzzing covers them.
        "operations": [{"include-method": "GET", "phases": {"coverage": {"enabled": True}}}],
    }
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def demo_year(db):
    """The demo department and its 2026 as `make run` loads it, seen from mid-December."""
    with time_machine.travel("2026-12-15 09:00 +07:00", tick=False):
        call_command("load_plan", verbosity=0)
        call_command("load_demo", verbosity=0)


@pytest.fixture(params=["vanphong", "chuyenvien"])
def account(request, demo_year) -> Client:
    """Signed in as the office (vanphong) or as a staff member of unit A (chuyenvien)."""
    client = Client()
    client.force_login(User.objects.get(username=request.param), backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def cookies(account) -> dict:
    return {"sessionid": account.cookies["sessionid"].value, "csrftoken": CSRF}


@pytest.fixture
def visible_ids(account):
    """The ids the list of an object path (`/api/v1/results/{id}/…`) shows the account,
    read once per list."""
    lists: dict[str, list[int]] = {}

    def ids(path: str) -> list[int]:
        base = path.split("{id}")[0]
        if base not in lists:
            response = account.get(base)
            body = response.json() if response.status_code == 200 else []
            rows = body.get("results", []) if isinstance(body, dict) else body
            lists[base] = [row["id"] for row in rows if isinstance(row, dict) and isinstance(row.get("id"), int)]
        return lists[base]

    return ids


@pytest.fixture
def api_schema(account):
    """The schema as the app serves it to the signed-in account (it is not public), run
    against the app in-process."""
    served = account.get("/api/v1/schema/")
    assert served.status_code == 200, served.content[:200]
    loaded = schemathesis.openapi.from_dict(yaml.safe_load(served.content), config=CONFIG)
    loaded.app, loaded.location = WSGIHandler(), "/api/v1/schema/"
    return loaded


schema = schemathesis.pytest.from_fixture("api_schema")


def _on_a_real_object(case, visible_ids) -> None:
    generated = (case.path_parameters or {}).get("id")
    if isinstance(generated, int) and 1 <= generated <= MAX_ID and (ids := visible_ids(case.path)):
        case.path_parameters["id"] = ids[generated % len(ids)]


@schema.parametrize()
def test_no_request_answers_a_server_error(case, cookies, visible_ids):
    _on_a_real_object(case, visible_ids)
    case.call_and_validate(cookies=cookies, headers={"X-CSRFToken": CSRF}, checks=[not_a_server_error])
