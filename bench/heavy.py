"""The heavy operations, timed in-process on the benchmark database, each beside the
hand-written SQL that computes the same aggregate or list."""

import os
import signal
import time
import traceback

from django.utils import timezone

from bench import sql
from bench.pages import client_for, profile, time_sql

ELIGIBILITY_YEAR = 2029
REPORT_YEAR = 2026
LABELS = {
    "eligibility": f"Xét điều kiện khen thưởng năm {ELIGIBILITY_YEAR}, mọi cá nhân và tập thể",
    "consolidated_report": f"Báo cáo tổng hợp năm {REPORT_YEAR} (.docx và .xlsx)",
    "register_export": f"Xuất Excel sổ khen thưởng năm {ELIGIBILITY_YEAR}",
    "registrations_export": f"Xuất Excel đăng ký thi đua năm {REPORT_YEAR}",
}


# No heavy operation may hold the benchmark longer than this; one that does is stopped
# and reported with the stack it was stopped in.
LIMIT_S = float(os.environ.get("BENCH_HEAVY_LIMIT", 300))


class Stopped(BaseException):
    """Not an Exception, so that Django does not turn it into a 500 page when it
    interrupts a view."""

    def __init__(self, stack: str) -> None:
        super().__init__("stopped")
        self.stack = stack


def _stop(signum, frame):
    raise Stopped("".join(traceback.format_stack(frame, limit=14)))


def timed(call, limit: float = LIMIT_S) -> tuple[float, object]:
    """(ms, value) of `call()`; raises Stopped once `limit` seconds have passed."""
    previous = signal.signal(signal.SIGALRM, _stop)
    signal.setitimer(signal.ITIMER_REAL, limit)
    started = time.perf_counter()
    try:
        value = call()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return (time.perf_counter() - started) * 1000, value


def eligibility() -> dict:
    from thidua.commendation.eligibility.loading import evaluate_subjects

    ms, results = timed(lambda: evaluate_subjects(ELIGIBILITY_YEAR))
    subjects = len({r.subject for r in results})
    params = {"year": ELIGIBILITY_YEAR, "on": timezone.localdate()}
    floor_ms = time_sql(sql.ELIGIBILITY_FACTS, params, runs=3)
    return {
        "key": "eligibility",
        "label": LABELS["eligibility"],
        "ms": ms,
        "floor_ms": floor_ms,
        "detail": f"{subjects} đối tượng, {len(results)} kết quả",
        "target_ms": 10_000,
        "target_ratio": 3.0,
        "profile_call": lambda: evaluate_subjects(ELIGIBILITY_YEAR),
    }


def consolidated_report() -> dict | None:
    from thidua.reports.consolidated_report_docx import ConsolidatedReportDocx
    from thidua.reports.consolidated_report_xlsx import ConsolidatedReportXlsx
    from thidua.reports.consolidation import consolidate
    from thidua.reports.enums import PeriodKind
    from thidua.reports.models import ReportingPeriod
    from thidua.reports.prefill import period_range

    period = ReportingPeriod.objects.filter(kind=PeriodKind.ANNUAL, year=REPORT_YEAR).select_related("plan").first()
    if period is None:
        return None

    def build():
        report = consolidate(period=period, actor=None)
        docx = ConsolidatedReportDocx(report).render()
        xlsx = ConsolidatedReportXlsx(report, report.dispatches.all()).render()
        return report, docx, xlsx

    start, end = period_range(period)
    params = {"plan": period.plan_id, "period": period.pk, "start": start, "end": end, "year": period.year}
    floor_ms = sum(time_sql(statement, params, runs=3) for statement in sql.CONSOLIDATED.values())
    item = {
        "key": "consolidated",
        "label": LABELS["consolidated_report"],
        "floor_ms": floor_ms,
        "target_ms": 15_000,
        "profile_call": build,
    }
    parts, sizes, report = {}, {}, None
    steps = [
        ("consolidate", lambda: consolidate(period=period, actor=None)),
        ("docx", lambda: ConsolidatedReportDocx(report).render()),
        ("xlsx", lambda: ConsolidatedReportXlsx(report, report.dispatches.all()).render()),
    ]
    for name, call in steps:
        try:
            parts[name], value = timed(call, LIMIT_S - sum(parts.values()) / 1000)
        except Stopped as stopped:
            parts[name] = LIMIT_S * 1000 - sum(parts.values())
            item |= {"stopped": stopped.stack, "stopped_in": name}
            break
        if name == "consolidate":
            report = value
        else:
            sizes[name] = len(value) // 1024
    units = len(report.figures.get("units", [])) if report else 0
    done = ", ".join(f"{k} {v:.0f} ms" + (f" ({sizes[k]} KB)" if k in sizes else "") for k, v in parts.items())
    return item | {"ms": sum(parts.values()), "parts": parts, "detail": f"{units} đơn vị; {done}"}


def registrations_export(office) -> dict:
    from thidua.plans.models import Plan

    plan = Plan.objects.current()
    client = client_for(office)
    path = f"/dang-ky-thi-dua/tong-hop/tai-ve.xlsx?nam={REPORT_YEAR}"
    ms, response = timed(lambda: client.get(path))
    floor_ms = time_sql(sql.REGISTRATIONS_EXPORT, {"plan": plan.pk, "year": REPORT_YEAR}, runs=3)
    return {
        "key": "registrations_xlsx",
        "label": LABELS["registrations_export"],
        "ms": ms,
        "floor_ms": floor_ms,
        "detail": f"{len(response.content) // 1024} KB, HTTP {response.status_code}",
        "target_ms": None,
        "profile_call": lambda: client.get(path),
    }


def register_export(office) -> dict | None:
    from django.urls import NoReverseMatch, reverse

    try:
        path = reverse("award_register_xlsx") + f"?year={ELIGIBILITY_YEAR}"
    except NoReverseMatch:
        return None
    client = client_for(office)
    ms, response = timed(lambda: client.get(path))
    floor_ms = time_sql(sql.REGISTER_EXPORT, {"year": ELIGIBILITY_YEAR}, runs=3)
    return {
        "key": "register_xlsx",
        "label": LABELS["register_export"],
        "ms": ms,
        "floor_ms": floor_ms,
        "detail": f"{len(response.content) // 1024} KB, HTTP {response.status_code}",
        "target_ms": None,
        "profile_call": lambda: client.get(path),
    }


def _bounded(measure, *args) -> dict | None:
    """The measurement, or, when it ran past the limit, what is known: the time spent
    and the stack where it was stopped."""
    try:
        return measure(*args)
    except Stopped as stopped:
        return {
            "key": measure.__name__,
            "label": LABELS[measure.__name__],
            "ms": LIMIT_S * 1000,
            "floor_ms": None,
            "stopped": stopped.stack,
            "target_ms": None,
            "profile_call": None,
        }


def _profile_bounded(call) -> str:
    """A cProfile of `call`, stopped like the measurement if it runs past the limit: the
    calls made until then are still listed."""
    holder = {}

    def run():
        try:
            timed(call, LIMIT_S)
        except Stopped as stopped:
            holder["stopped"] = stopped.stack

    text = profile(run)
    return text + ("\n(stopped after the time limit)" if holder else "")


def run_all(office) -> list[dict]:
    found = [
        _bounded(eligibility),
        _bounded(consolidated_report),
        _bounded(register_export, office),
        _bounded(registrations_export, office),
    ]
    found = [f for f in found if f]
    for item in found:
        call = item.pop("profile_call")
        missed = (
            item.get("stopped")
            or (item.get("target_ms") and item["ms"] > item["target_ms"])
            or (item.get("target_ratio") and item["floor_ms"] and item["ms"] > item["target_ratio"] * item["floor_ms"])
        )
        if missed and call and not item.get("stopped"):
            item["profile"] = _profile_bounded(call)
    if not any(f["key"] in ("register_xlsx", "register_export") for f in found):
        found.append({"key": "register_xlsx", "label": "Xuất Excel sổ khen thưởng", "not_built": True})
    return found
