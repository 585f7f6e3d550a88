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

SEARCH = "nguyen thi huong"


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
        return {"user": user.pk, "today": timezone.localdate(), "patterns": floor.patterns(SEARCH)}


PAGES = [
    Page("home", "Trang chủ Văn phòng", ("home",), floor_path="/_floor/home/", floor_sql=sql.HOME),
    Page("people", "Tìm cán bộ «nguyen thi huong»", ("people",), query=f"?q={SEARCH.replace(' ', '+')}",
         floor_path=f"/_floor/people/?q={SEARCH.replace(' ', '+')}", floor_sql=sql.PEOPLE_SEARCH),
    Page("board", "Bảng tình hình báo cáo", ("report_status_board",), floor_path="/_floor/board/",
         floor_sql=sql.STATUS_BOARD),
    Page("board_api", "API tình hình báo cáo", ("api-report-status-list",), floor_path="/_floor/board/",
         floor_sql=sql.STATUS_BOARD),
    Page("proposals", "Danh sách đề nghị khen thưởng", ("proposal_list",), floor_path="/_floor/proposals/",
         floor_sql=sql.PROPOSALS),
    Page("proposals_api", "API đề nghị khen thưởng", ("api-proposal-list", "api-proposals-list"),
         floor_path="/_floor/proposals/", floor_sql=sql.PROPOSALS),
    Page("register", "Sổ khen thưởng", ("award_register",), floor_path="/_floor/register/", floor_sql=sql.REGISTER),
    Page("honours", "Trang tôn vinh công khai", ("honours_home",), floor_path="/_floor/honours/",
         floor_sql=sql.HONOURS),
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


def profile(call, limit: int = 18) -> str:
    """The top of a cProfile of `call()`, by cumulative time."""
    profiler = cProfile.Profile()
    profiler.enable()
    call()
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("cumulative")
    stats.print_stats(limit)
    text = out.getvalue()
    return text[text.find("   ncalls"):].rstrip() if "   ncalls" in text else text
