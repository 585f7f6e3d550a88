"""The one table of a benchmark run, and `bench/RESULTS.md`."""

from pathlib import Path

TARGET_RSS_MB = 300


def _ms(value) -> str:
    if value is None:
        return "—"
    return f"{value / 1000:.2f} s" if value >= 10_000 else f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"


def _ratio(value, floor) -> str:
    return f"{value / floor:.1f}×" if value and floor else "—"


def _met(ok) -> str:
    return "—" if ok is None else ("yes" if ok else "**no**")


def page_rows(scale: str, pages: dict) -> list[list[str]]:
    rows = []
    for page in pages.values():
        if page.get("not_built"):
            rows.append([scale, page["label"], "", "not built yet", "", "", "", "", "", "", "", "", ""])
            continue
        for users in (1, 20):
            load, floor = page.get(f"load_{users}") or {}, page.get(f"floor_{users}") or {}
            target = page["target_p95_ms"] if users == 20 else None
            met = None if target is None or load.get("p95") is None else load["p95"] <= target
            floor_text = f"{_ms(floor.get('p95'))} / {floor.get('rps', 0):.0f}/s" if floor else "—"
            errors = f" ({load['errors']} err)" if load.get("errors") else ""
            rows.append(
                [
                    scale,
                    f"{page['label']} `{page['path']}`",
                    str(users),
                    _ms(load.get("p50")),
                    _ms(load.get("p95")),
                    _ms(load.get("p99")),
                    f"{load.get('rps', 0):.0f}{errors}",
                    floor_text,
                    _ratio(load.get("p95"), floor.get("p95")),
                    f"{page['queries']} ({page.get('floor_queries', '—')})",
                    _ms(page.get("sql_ms")),
                    f"p95 ≤ {target:.0f} ms" if target else "",
                    _met(met),
                ]
            )
    return rows


def heavy_rows(scale: str, heavy: list[dict]) -> list[list[str]]:
    rows = []
    for item in heavy:
        if item.get("not_built"):
            rows.append([scale, item["label"], "", "not built yet", "", "", "", "", "", "", "", "", ""])
            continue
        if item.get("stopped"):
            where = f" in {item['stopped_in']}" if item.get("stopped_in") else ""
            rows.append(
                [
                    scale,
                    item["label"],
                    "—",
                    f"> {item['ms'] / 1000:.0f} s (stopped{where})",
                    "",
                    "",
                    "",
                    f"SQL {_ms(item.get('floor_ms'))}",
                    "—",
                    "",
                    "",
                    f"≤ {item['target_ms'] / 1000:.0f} s" if item.get("target_ms") else "",
                    "**no**" if item.get("target_ms") else "—",
                ]
            )
            continue
        targets, met = [], []
        if item.get("target_ms"):
            targets.append(f"≤ {item['target_ms'] / 1000:.0f} s")
            met.append(item["ms"] <= item["target_ms"])
        if item.get("target_ratio"):
            targets.append(f"≤ {item['target_ratio']:.0f}× floor")
            met.append(item["ms"] <= item["target_ratio"] * item["floor_ms"])
        rows.append(
            [
                scale,
                item["label"],
                "—",
                _ms(item["ms"]),
                "",
                "",
                "",
                f"SQL {_ms(item['floor_ms'])}",
                _ratio(item["ms"], item["floor_ms"]),
                "",
                "",
                ", ".join(targets),
                _met(all(met) if met else None),
            ]
        )
    return rows


def other_rows(scale: str, result: dict) -> list[list[str]]:
    server = result.get("server", {})
    rss = server.get("peak_rss_mb")
    rows = [
        [
            scale,
            f"Peak RSS of a gunicorn worker ({server.get('workers', '?')} workers)",
            "",
            f"{rss:.0f} MB" if rss else "—",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            f"< {TARGET_RSS_MB} MB",
            _met(rss < TARGET_RSS_MB if rss else None),
        ]
    ]
    generation = result.get("generation")
    if generation:
        rows.append(
            [
                scale,
                "Generating the data (`generate_data`)",
                "",
                _ms(generation["seconds"] * 1000),
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "minutes",
                _met(generation["seconds"] < 600),
            ]
        )
    return rows


HEADER = [
    "Scale",
    "Measured",
    "Users",
    "p50 / time",
    "p95",
    "p99",
    "req/s",
    "Floor p95 / req/s",
    "Ratio",
    "Queries (floor)",
    "SQL alone",
    "Target",
    "Met",
]


def table(results: list[dict]) -> str:
    rows = []
    for result in results:
        rows += page_rows(result["scale"], result["pages"]) + heavy_rows(result["scale"], result["heavy"])
        rows += other_rows(result["scale"], result)
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "|".join("---" for _ in HEADER) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def query_independence(results: list[dict]) -> list[str]:
    """Pages whose number of queries changed between the scales."""
    by_scale = {r["scale"]: r["pages"] for r in results}
    if len(by_scale) < 2:
        return []
    first, *others = by_scale.values()
    notes = []
    for key, page in first.items():
        counts = [page.get("queries")] + [other.get(key, {}).get("queries") for other in others]
        if None not in counts and len(set(counts)) > 1:
            notes.append(f"{page['label']}: {' → '.join(str(c) for c in counts)} queries")
    return notes


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _machine(run: dict) -> list[str]:
    m = run["machine"]
    workers = {r["scale"]: r.get("server", {}).get("workers") for r in run["results"]}
    return [
        f"- Date: {m['date']}",
        f"- Machine: `{m['uname']}`",
        f"- Cores: {m['cores']}; memory: {m['memory_gb']:.1f} GB; Python {m['python']}",
        f"- Database: {m['postgres']}",
        "- Server: gunicorn with `deploy/gunicorn.conf.py` on 127.0.0.1, workers: "
        + ", ".join(f"{s} {w}" for s, w in workers.items()),
        f"- Data: `generate_data --scale <scale> --seed {run['seed']}` in a fresh database per scale",
        "- Load average of the machine while the load ran (1 min, at start and end): "
        + ", ".join(f"{r['scale']} {r.get('server', {}).get('loadavg', '?')}" for r in run["results"]),
    ]


def _generation(results: list[dict]) -> list[str]:
    lines = []
    for result in results:
        g = result.get("generation")
        if not g:
            continue
        parts = ", ".join(f"{k} {v:.1f} s" for k, v in g["parts"].items())
        counts = "; ".join(f"{v:,} {k}".replace(",", " ") for k, v in g["counts"].items())
        lines += [
            f"- **{result['scale']}**: {g['seconds']:.0f} s in all (with the commit). Parts: {parts}.",
            f"  Rows: {counts}.",
        ]
    return lines


def _targets(results: list[dict]) -> list[str]:
    lines = []
    for result in results:
        if result["scale"] != "province":
            continue
        for page in result["pages"].values():
            p95 = (page.get("load_20") or {}).get("p95")
            if p95 is not None:
                ok = p95 <= page["target_p95_ms"]
                lines.append(
                    f"- {'met' if ok else '**missed**'}: {page['label']} p95 at 20 users {_ms(p95)} "
                    f"(target ≤ {page['target_p95_ms']:.0f} ms)"
                )
        for item in result["heavy"]:
            if item.get("stopped"):
                lines.append(f"- **missed**: {item['label']} did not finish: stopped after {item['ms'] / 1000:.0f} s")
                continue
            if item.get("target_ms"):
                ok = item["ms"] <= item["target_ms"]
                lines.append(
                    f"- {'met' if ok else '**missed**'}: {item['label']} {_ms(item['ms'])} "
                    f"(target ≤ {item['target_ms'] / 1000:.0f} s)"
                )
            if item.get("target_ratio"):
                ratio = item["ms"] / item["floor_ms"]
                ok = ratio <= item["target_ratio"]
                lines.append(
                    f"- {'met' if ok else '**missed**'}: {item['label']} is {ratio:.1f}× its SQL floor "
                    f"(target ≤ {item['target_ratio']:.0f}×)"
                )
        rss = result.get("server", {}).get("peak_rss_mb")
        if rss:
            lines.append(
                f"- {'met' if rss < TARGET_RSS_MB else '**missed**'}: peak RSS per worker {rss:.0f} MB "
                f"(target < {TARGET_RSS_MB} MB)"
            )
    changed = query_independence(results)
    lines.append(
        "- "
        + (
            "**missed**: queries per page change with the data size: " + "; ".join(changed)
            if changed
            else "met: queries per page are the same at both scales"
        )
    )
    return lines


def _profiles(results: list[dict]) -> list[str]:
    lines = []
    for result in results:
        items = [p for p in result["pages"].values() if p.get("profile")] + [
            h for h in result["heavy"] if h.get("profile")
        ]
        for item in items:
            lines += [f"### {result['scale']}: {item['label']}", "", "```", item["profile"], "```", ""]
        for item in result["heavy"]:
            if item.get("stopped"):
                lines += [
                    f"### {result['scale']}: {item['label']} — stopped after {item['ms'] / 1000:.0f} s",
                    "",
                    "The stack at the moment it was stopped:",
                    "",
                    "```",
                    item["stopped"].rstrip(),
                    "```",
                    "",
                ]
    return lines or ["No target was missed, so nothing was profiled."]


def _plans(results: list[dict]) -> list[str]:
    lines = []
    for result in results:
        for case in result.get("explain", []):
            lines += [f"### {result['scale']}: {case['label']}", ""]
            if case.get("before"):
                lines += [
                    f"Without {', '.join(case['indexes'])} (dropped inside a rolled-back transaction): "
                    f"{case['before_ms']:.1f} ms",
                    "",
                    "```",
                    _trim(case["before"]),
                    "```",
                    "",
                ]
            lines += [f"As deployed: {case['after_ms']:.1f} ms", "", "```", _trim(case["after"]), "```", ""]
    return lines


def _trim(plan: str, limit: int = 30, width: int = 200) -> str:
    # The office's scope is a list of up to 1,500 unit ids: long lines are cut.
    rows = [row if len(row) <= width else row[:width] + " …" for row in plan.splitlines()]
    return "\n".join(rows[:limit] + ([f"… ({len(rows) - limit} more lines)"] if len(rows) > limit else []))


def results_md(run: dict, notes: Path) -> str:
    results = run["results"]
    parts = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`bench/run.py`); every figure below comes from "
        "that one run. `bench/README.md` says what each column means.",
        "",
        *_machine(run),
        "",
        "## The table",
        "",
        table(results),
        "",
        "## Targets at province scale",
        "",
        *_targets(results),
        "",
        "## Generating the data",
        "",
        *_generation(results),
        "",
    ]
    if notes.exists():
        parts += [notes.read_text(encoding="utf-8").rstrip(), ""]
    parts += [
        "## Profiles of what missed its target",
        "",
        "cProfile of one in-process run, sorted by cumulative time (the top of the list).",
        "",
        *_profiles(results),
        "",
        "## Query plans",
        "",
        *_plans(results),
    ]
    return "\n".join(parts).rstrip() + "\n"
