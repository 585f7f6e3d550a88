"""`make bench`: both scales on PostgreSQL, one table, `bench/RESULTS.md`.

    python -m bench.run [--scales department province] [--seed 2026] [--reuse] [--report-only]

For each scale a dedicated database (`thidua_bench_<scale>`) is dropped, created,
migrated and filled by the generator of `bench/synthetic/` (installed as an app by
THIDUA_BENCH=1, which every child process gets); then `bench/measure.py` measures it
(in-process, then through gunicorn), and this script prints the table and writes
RESULTS.md. `--reuse` keeps a database that already holds the scale's data;
`--report-only` rewrites RESULTS.md from the last run's JSON without measuring."""

import argparse
import datetime
import json
import os
import platform
import secrets
import subprocess
import sys
from pathlib import Path

import psycopg

from bench import report

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"
BIN = ROOT / ".venv" / "bin"
ADMIN_URL = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432/postgres")


def database_url(name: str) -> str:
    return ADMIN_URL.rsplit("/", 1)[0] + "/" + name


def environment(scale: str) -> dict:
    return dict(os.environ) | {
        "DATABASE_URL": database_url(f"thidua_bench_{scale}"),
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(40),
        "DEBUG": "0",
        "HTTPS": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
        "BENCH_SCALE": scale,
        "THIDUA_BENCH": "1",
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"),
        "PYTHONPATH": str(ROOT),
    }


def _admin(statement: str) -> None:
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(statement)


def _has_data(scale: str) -> bool:
    try:
        with psycopg.connect(database_url(f"thidua_bench_{scale}")) as conn:
            prefix = "GEN-D-" if scale == "department" else "GEN-P-"
            return (
                conn.execute("SELECT count(*) FROM organization_unit WHERE code LIKE %s", [prefix + "%"]).fetchone()[0]
                > 0
            )
    except psycopg.Error:
        return False


def _run(args: list, env: dict) -> None:
    print("$", " ".join(str(a) for a in args), file=sys.stderr, flush=True)
    subprocess.run([str(a) for a in args], env=env, cwd=ROOT, check=True)


def measure_scale(scale: str, seed: int, reuse: bool) -> dict:
    env = environment(scale)
    fresh = not (reuse and _has_data(scale))
    if fresh:
        _admin(f"DROP DATABASE IF EXISTS thidua_bench_{scale} WITH (FORCE)")
        _admin(f"CREATE DATABASE thidua_bench_{scale}")
        _run([BIN / "thidua", "migrate", "--noinput", "-v0"], env)
    out = OUT / f"{scale}.json"
    _run(
        [
            BIN / "python",
            "-m",
            "bench.measure",
            "--scale",
            scale,
            "--seed",
            seed,
            "--out",
            out,
            *(["--generate"] if fresh else []),
        ],
        env,
    )
    result = json.loads(out.read_text())
    if not fresh:  # keep the generation time of the run that built the database
        earlier = OUT / f"{scale}.generation.json"
        if earlier.exists():
            result["generation"] = json.loads(earlier.read_text())
    elif result.get("generation"):
        (OUT / f"{scale}.generation.json").write_text(json.dumps(result["generation"]))
    return result


def machine() -> dict:
    memory = next(
        (line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), "0"
    )
    with psycopg.connect(ADMIN_URL) as conn:
        version = conn.execute("SELECT version()").fetchone()[0]
    return {
        "uname": " ".join(platform.uname()),
        "cores": os.cpu_count(),
        "memory_gb": int(memory) / 1024 / 1024,
        "postgres": version,
        "python": platform.python_version(),
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", nargs="+", default=["department", "province"])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--report-only", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.report_only:
        run = json.loads((OUT / "run.json").read_text())
    else:
        _run([BIN / "thidua", "collectstatic", "--noinput", "-v0"], environment(args.scales[0]))
        run = {"machine": machine(), "seed": args.seed, "results": []}
        for scale in args.scales:
            run["results"].append(measure_scale(scale, args.seed, args.reuse))
        (OUT / "run.json").write_text(json.dumps(run, ensure_ascii=False, indent=1, default=str))
    print(report.table(run["results"]))
    report.write(ROOT / "bench" / "RESULTS.md", report.results_md(run, ROOT / "bench" / "notes.md"))
    print(f"\nWritten: {ROOT / 'bench' / 'RESULTS.md'}", file=sys.stderr)


if __name__ == "__main__":
    main()
