"""The pages and API endpoints measured, their floors, and what is measured in-process:
queries per request (CaptureQueriesContext), the hand-written SQL's own time, and a
profile of one request when a page misses its target."""

import cProfile
import io
import pstats
import statistics
import time
from dataclasses import dataclass

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from bench import floor, sql

SEARCH = "nguyen thi hang"  # finds people at both scales


@dataclass(frozen=True)
class Page:
    key: str
    label: str
    url_names: tuple[str, ...]  # the first that resolves is measured; none: "not built yet"
    query: str = ""
    floor_path: str = ""
    floor_sql: str = ""
    target_p95_ms: float = 200.0

    def path(self) -> str | None:
        for name in self.url_names:
            try:
                return reverse(name) + self.query
            except NoReverseMatch:
                continue
        return None

    def sql_params(self, user) -> dict:
        return {"user": user.pk, "today": timezone.localdate()} | floor.patterns(SEARCH)

    def statement(self) -> str:
        return sql.people_search(SEARCH.split()) if self.key == "people" else self.floor_sql


PAGES = [
    Page("home", "Trang chủ Văn phòng", ("home",), floor_path="/_floor/home/", floor_sql=sql.HOME),
    Page(
        "people",
        f"Tìm cán bộ «{SEARCH}»",
        ("people",),
        query=f"?q={SEARCH.replace(' ', '+')}",
        floor_path=f"/_floor/people/?q={SEARCH.replace(' ', '+')}",
    ),
    Page(
        "board",
        "Bảng tình hình báo cáo",
        ("report_status_board",),
        floor_path="/_floor/board/",
        floor_sql=sql.STATUS_BOARD,
    ),
    Page(
        "board_api",
        "API tình hình báo cáo",
        ("api-report-status-list",),
        floor_path="/_floor/board/",
        floor_sql=sql.STATUS_BOARD,
    ),
    Page(
        "proposals",
        "Danh sách đề nghị khen thưởng",
        ("proposal_list",),
        floor_path="/_floor/proposals/",
        floor_sql=sql.PROPOSALS,
    ),
    Page(
        "proposals_api",
        "API đề nghị khen thưởng",
        ("api-proposal-list", "api-proposals-list"),
        floor_path="/_floor/proposals/",
        floor_sql=sql.PROPOSALS,
    ),
    Page("register", "Sổ khen thưởng", ("award_register",), floor_path="/_floor/register/", floor_sql=sql.REGISTER),
    Page(
        "honours", "Trang tôn vinh công khai", ("honours_home",), floor_path="/_floor/honours/", floor_sql=sql.HONOURS
    ),
]


def client_for(user) -> Client:
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def count_queries(client: Client, path: str) -> tuple[int, int, float]:
    """(queries, HTTP status, ms) of the second request (the first warms caches)."""
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(path)
        elapsed = (time.perf_counter() - started) * 1000
    return len(captured), response.status_code, elapsed


def slowest_query(client: Client, path: str) -> str:
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    return max(captured.captured_queries, key=lambda q: float(q["time"]))["sql"] if captured.captured_queries else ""


def time_sql(statement: str, params: dict, runs: int = 15) -> float:
    """Median milliseconds of the statement, fetching every row."""
    times = []
    with connection.cursor() as cursor:
        for _ in range(runs):
            started = time.perf_counter()
            cursor.execute(statement, params)
            cursor.fetchall()
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def profile(call) -> str:
    """Two views of a cProfile of `call()`: the application's own functions by
    cumulative time (where the time goes, in our terms), then every function by its own
    time (what the processor actually did)."""
    profiler = cProfile.Profile()
    profiler.enable()
    call()
    profiler.disable()
    own = _stats(profiler, "cumulative", r"/work/main/thidua/|/thidua/", 22)
    everything = _stats(profiler, "tottime", "", 14)
    return f"By cumulative time, application code only:\n{own}\n\nBy own time, everything:\n{everything}"


def _stats(profiler, order: str, restriction: str, limit: int) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats(order)
    stats.print_stats(*([restriction] if restriction else []), limit)
    text = out.getvalue()
    text = text[text.find("   ncalls") :] if "   ncalls" in text else text
    return "\n".join(_short(line) for line in text.rstrip().splitlines())


def _short(line: str) -> str:
    for prefix in (
        "/work/main/.venv/lib/python3.11/site-packages/",
        "/work/main/",
        "/root/.pyenv/versions/3.11.7/lib/",
    ):
        line = line.replace(prefix, "")
    return line
