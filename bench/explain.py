"""Query plans before and after the indexes added for the benchmark, from the same
database in the same run: each query is explained with its indexes, then again inside a
transaction that drops them and is rolled back, so nothing is changed."""

from dataclasses import dataclass

from django.db import connection, transaction


@dataclass(frozen=True)
class Case:
    label: str
    page: str  # the page whose slowest query is explained
    indexes: tuple[str, ...]


CASES = [
    Case("Tìm cán bộ: chỉ mục trigram trên thidua_fold(full_name)", "people", ("person_folded_name_trgm",)),
    Case("Bảng tình hình báo cáo", "board", ()),
    Case("Trang chủ Văn phòng", "home", ()),
    Case("Sổ khen thưởng", "register", ()),
    Case("Danh sách đề nghị khen thưởng", "proposals", ()),
]


def _explain(statement: str) -> tuple[str, float | None]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING ON) " + statement)
        lines = [row[0] for row in cursor.fetchall()]
    total = next((float(line.split(":")[1].split()[0]) for line in lines if line.startswith("Execution Time")), None)
    return "\n".join(lines), total


def _existing(names: tuple[str, ...]) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname = ANY(%s)", [list(names)])
        return [row[0] for row in cursor.fetchall()]


def _without(statement: str, indexes: list[str]) -> tuple[str, float | None]:
    with transaction.atomic():
        with connection.cursor() as cursor:
            for name in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
        plan = _explain(statement)
        transaction.set_rollback(True)
    return plan


def plans(pages: dict) -> list[dict]:
    found = []
    for case in CASES:
        statement = (pages.get(case.page) or {}).get("slowest_sql")
        if not statement:
            continue
        after, after_ms = _explain(statement)
        item = {"label": case.label, "sql": statement, "after": after, "after_ms": after_ms}
        present = _existing(case.indexes) if case.indexes else []
        if present:
            item["before"], item["before_ms"] = _without(statement, present)
            item["indexes"] = present
        found.append(item)
    return found
