"""End-to-end run of the production stack on this machine.

Starts gunicorn (deploy/gunicorn.conf.py), a Celery worker and Celery beat against a
fresh PostgreSQL database and a Redis of its own, then, through HTTP only:
  1. a unit head signs in and submits the unit's annual report;
  2. the office starts the consolidated report; the worker builds it as a background job;
     the office downloads the .docx;
  3. Redis is stopped: pages still answer (no 500), the health check names Redis, and a
     consolidation started now waits; Redis is started again and the job completes.
Everything it started is stopped at the end, whatever happened. Exit status 0 = passed.

    DATABASE_ADMIN_URL=postgres://postgres@127.0.0.1:5432/postgres python deploy/e2e/production_scenario.py
"""

import http.cookiejar
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PORT = int(os.environ.get("E2E_PORT", "8771"))
REDIS_PORT = int(os.environ.get("E2E_REDIS_PORT", "6391"))
ADMIN_URL = os.environ.get("DATABASE_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
DB_NAME = "thidua_e2e"
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "thidua-demo-2026"


class Stack:
    """The processes of the production stack, each stopped in `stop`."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.processes: dict[str, subprocess.Popen] = {}
        self.env = os.environ | {
            "DEBUG": "0",
            "HTTPS": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": ADMIN_URL.rsplit("/", 1)[0] + f"/{DB_NAME}",
            "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
            "MEDIA_ROOT": str(workdir / "media"),
            "DEMO_PASSWORD": PASSWORD,
            # The scenario plays the demo accounts with their shared password.
            "DEMO_MODE": "1",
            "GUNICORN_BIND": f"127.0.0.1:{PORT}",
            "GUNICORN_WORKERS": "2",
        }
        self.env.pop("THIDUA_TESTING", None)

    def thidua(self, *args: str) -> None:
        subprocess.run([str(BIN / "thidua"), *args], env=self.env, cwd=ROOT, check=True)

    def start(self, name: str, *args: str) -> None:
        log = open(self.workdir / f"{name}.log", "wb")
        self.processes[name] = subprocess.Popen(
            args, env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def stop_one(self, name: str) -> None:
        process = self.processes.pop(name, None)
        if process and process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)

    def stop(self) -> None:
        for name in list(self.processes):
            self.stop_one(name)

    def redis(self) -> None:
        self.start(
            "redis",
            "redis-server",
            "--port",
            str(REDIS_PORT),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        )
        wait_for(
            lambda: (
                subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "ping"], capture_output=True).stdout.strip()
                == b"PONG"
            ),
            "Redis to answer",
        )

    def log_tail(self, name: str) -> str:
        path = self.workdir / f"{name}.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""


class Browser:
    """A signed-in session over plain HTTP, with Django's CSRF token."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def csrf(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def request(self, method: str, path: str, data=None, json_body=None):
        headers = {"X-CSRFToken": self.csrf(), "Referer": BASE + "/"}
        body = None
        if json_body is not None:
            body, headers["Content-Type"] = json.dumps(json_body).encode(), "application/json"
        elif data is not None:
            body = urllib.parse.urlencode(data | {"csrfmiddlewaretoken": self.csrf()}).encode()
        try:
            with self.opener.open(urllib.request.Request(BASE + path, body, headers, method=method), timeout=30) as r:
                return r.status, dict(r.headers), r.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def sign_in(self, username: str) -> None:
        self.request("GET", "/dang-nhap/")
        status, headers, _ = self.request("POST", "/dang-nhap/", {"username": username, "password": PASSWORD})
        check(status == 302, f"{username} signs in (got {status})")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def check(condition: bool, what: str) -> None:
    print(("ok    " if condition else "FAIL  ") + what, flush=True)
    if not condition:
        raise AssertionError(what)


def wait_for(predicate, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def fresh_database() -> None:
    import psycopg

    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB_NAME}")


def ids_from_database(stack: Stack) -> dict:
    """The demo's ids the scenario needs (read once; every action goes through HTTP)."""
    code = (
        "from thidua.reports.models import UnitReport, ReportingPeriod;"
        "r = UnitReport.objects.select_related('period').get(unit__code='PBGD', "
        "period__kind='annual', period__year=2026);"
        "import json; print(json.dumps({'report': r.pk, 'period': r.period_id,"
        " 'area': r.period.plan.content_areas.first().pk}))"
    )
    out = subprocess.run(
        [str(BIN / "thidua"), "shell", "-c", code], env=stack.env, cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def job_path(headers: dict) -> str:
    location = headers.get("Location", "")
    check("/tac-vu/" in location, f"the consolidation starts a background job ({location})")
    return urllib.parse.urlparse(location).path


def download_when_done(office: Browser, job: str, timeout: float = 90) -> bytes:
    found = {}

    def ready() -> bool:
        status, _, body = office.request("GET", job + "tai-ve/")
        found["body"] = body
        return status == 200

    wait_for(ready, "the worker to finish the consolidation job", timeout)
    return found["body"]


def is_docx(data: bytes) -> bool:
    try:
        return "word/document.xml" in zipfile.ZipFile(BytesIO(data)).namelist()
    except zipfile.BadZipFile:
        return False


def scenario(stack: Stack) -> None:
    ids = ids_from_database(stack)
    head = Browser()
    head.sign_in("truongphong")
    content = {
        "results": {str(ids["area"]): "Trả phiếu lý lịch tư pháp điện tử trên VNeID."},
        "difficulties": "Thiếu thiết bị ký số tại bộ phận một cửa.",
    }
    status, _, body = head.request(
        "POST", f"/api/v1/unit-reports/{ids['report']}/submit/", json_body={"content": content}
    )
    check(
        status == 200 and json.loads(body)["state"] == "submitted",
        f"the unit head submits the annual report ({status})",
    )

    office = Browser()
    office.sign_in("vanphong")
    status, headers, _ = office.request("POST", f"/bao-cao/ky/{ids['period']}/tong-hop/lap/", {})
    check(status == 302, "the office starts the consolidated report")
    data = download_when_done(office, job_path(headers))
    check(is_docx(data), f"the worker built the consolidated report and the office downloads it ({len(data)} bytes)")

    stack.stop_one("redis")
    for path in ("/", "/bao-cao/tinh-hinh/", "/ke-hoach/", "/can-bo/?q=nguyen"):
        status, _, _ = office.request("GET", path)
        check(status == 200, f"with Redis stopped, {path} still answers ({status})")
    status, _, body = office.request("GET", "/healthz")
    check(status == 503 and json.loads(body)["checks"]["redis"].startswith("error"), "the health check names Redis")
    status, headers, _ = office.request("POST", f"/bao-cao/ky/{ids['period']}/tong-hop/lap/", {})
    check(status == 302, f"a consolidation started while Redis is down is accepted ({status})")
    waiting = job_path(headers)
    time.sleep(3)
    status, _, _ = office.request("GET", waiting + "tai-ve/")
    check(status == 404, "the job waits while Redis is down")
    stack.redis()
    data = download_when_done(office, waiting, timeout=120)
    check(is_docx(data), "once Redis is back the job runs and its file downloads")
    status, _, _ = office.request("GET", "/healthz")
    check(status == 200, "the health check is green again")


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="thidua-e2e-"))
    stack = Stack(workdir)
    try:
        fresh_database()
        stack.redis()
        for args in (
            ("migrate", "--noinput", "-v0"),
            ("collectstatic", "--noinput", "-v0"),
            ("compile_translations",),
            ("load_plan",),
            ("load_demo",),
        ):
            stack.thidua(*args)
        stack.start("gunicorn", str(BIN / "gunicorn"), "thidua.wsgi", "-c", "deploy/gunicorn.conf.py")
        stack.start(
            "worker", str(BIN / "celery"), "-A", "thidua.celery", "worker", "--concurrency", "1", "--loglevel", "INFO"
        )
        stack.start(
            "beat",
            str(BIN / "celery"),
            "-A",
            "thidua.celery",
            "beat",
            "--loglevel",
            "INFO",
            "--schedule",
            str(workdir / "beat-schedule"),
        )
        wait_for(lambda: urllib.request.urlopen(BASE + "/healthz", timeout=2).status == 200, "gunicorn")
        scenario(stack)
        print("production scenario: passed")
        return 0
    except (AssertionError, subprocess.CalledProcessError) as error:
        print(f"production scenario: FAILED — {error}")
        for name in ("gunicorn", "worker", "beat"):
            print(f"--- {name} log (end) ---\n{stack.log_tail(name)}")
        return 1
    finally:
        stack.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
