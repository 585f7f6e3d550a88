"""Everything measured on one scale's database, written as JSON:

    python -m bench.measure --scale province --out var/bench/province.json [--generate]

Run by `bench/run.py` with DATABASE_URL pointing at that scale's database and
DJANGO_SETTINGS_MODULE=bench.settings."""

import argparse
import json
import os
import sys
import time
from pathlib import Path

import django

SECONDS = float(os.environ.get("BENCH_SECONDS", 10))
WARMUP = float(os.environ.get("BENCH_WARMUP", 2))
USERS = (1, 20)


def generate(scale: str, seed: int) -> dict:
    from bench.synthetic.generator import generate as build

    started = time.perf_counter()
    summary = build(scale, seed, stream=sys.stderr)
    return {
        "seconds": time.perf_counter() - started,
        "parts": summary.seconds,
        "counts": summary.counts,
        "office": summary.office_username,
    }


def office_user(scale: str):
    from bench.synthetic.shape import SCALES
    from thidua.organization.models import User

    return User.objects.get(username=f"{SCALES[scale].prefix.lower()}-vanphong")


def in_process(office) -> dict:
    """Queries per request, the SQL floor's own time and the slowest query of each page."""
    from bench import pages

    client = pages.client_for(office)
    found = {}
    for page in pages.PAGES:
        path = page.path()
        if path is None:
            found[page.key] = {"label": page.label, "not_built": True}
            continue
        queries, status, ms = pages.count_queries(client, path)
        row = {
            "label": page.label,
            "path": path,
            "queries": queries,
            "status": status,
            "in_process_ms": ms,
            "floor_path": page.floor_path,
            "target_p95_ms": page.target_p95_ms,
        }
        if page.floor_path:
            row["floor_queries"] = pages.count_queries(client, page.floor_path)[0]
            row["sql_ms"] = pages.time_sql(page.statement(), page.sql_params(office))
        row["slowest_sql"] = pages.slowest_query(client, path)
        found[page.key] = row
    return found


def under_load(rows: dict, office_name: str, password: str) -> dict:
    from bench import load
    from bench.server import MemorySampler, Server

    env = dict(os.environ) | {"LOG_LEVEL": "INFO"}
    log_dir = Path(os.environ.get("BENCH_LOG_DIR", "var/bench")) / os.environ.get("BENCH_SCALE", "scale")
    server = Server(env, log_dir, workers=int(os.environ["BENCH_WORKERS"]) if os.environ.get("BENCH_WORKERS") else None)
    server.start()
    load_before = os.getloadavg()[0]
    try:
        cookie = server.sign_in(office_name, password)
        with MemorySampler(server) as memory:
            for row in rows.values():
                if row.get("not_built"):
                    continue
                for users in USERS:
                    row[f"load_{users}"] = load.run(
                        server.port, row["path"], users=users, seconds=SECONDS, warmup=WARMUP, cookie=cookie
                    ).summary()
                    if row.get("floor_path"):
                        row[f"floor_{users}"] = load.run(
                            server.port, row["floor_path"], users=users, seconds=SECONDS, warmup=WARMUP, cookie=cookie
                        ).summary()
        workers = len(server.workers())
        load_after = os.getloadavg()[0]
    finally:
        server.stop()
    return {
        "workers": workers,
        "peak_rss_mb": memory.max_mb,
        "loadavg": f"{load_before:.1f} → {load_after:.1f}",
        "rss_by_worker_mb": {str(k): round(v, 1) for k, v in memory.peak.items()},
    }


def profiles_for_misses(rows: dict, office) -> None:
    from bench import pages

    client = pages.client_for(office)
    for row in rows.values():
        p95 = (row.get("load_20") or {}).get("p95")
        if p95 and p95 > row["target_p95_ms"]:
            row["profile"] = pages.profile(lambda path=row["path"]: client.get(path))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", required=True)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--generate", action="store_true")
    args = parser.parse_args()
    django.setup()
    from django.conf import settings

    from bench import explain, heavy

    result = {"scale": args.scale}
    if args.generate:
        result["generation"] = generate(args.scale, args.seed)
    office = office_user(args.scale)
    result["pages"] = in_process(office)
    result["explain"] = explain.plans(result["pages"])
    result["server"] = under_load(result["pages"], office.username, settings.DEMO_PASSWORD)
    profiles_for_misses(result["pages"], office)
    result["heavy"] = heavy.run_all(office)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1, default=str))


if __name__ == "__main__":
    main()
