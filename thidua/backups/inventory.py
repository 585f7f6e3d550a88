"""What a database holds, read over a plain DB-API connection (sqlite3 or psycopg), so
the same functions describe the database being backed up, the copy in an archive and
a restore target that Django is not connected to.

Both engines quote identifiers with double quotes and answer `connection.execute`."""

from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.utils.translation import gettext as _

from thidua.backups.engines import POSTGRESQL, SQLITE
from thidua.backups.errors import BackupError

# Rows that `migrate` writes by itself into a new database: content types and
# permissions (Django), and the first catalogue of titles and rules (commendation/0002).
# A database holding only these is still empty for a restore.
FILLED_BY_MIGRATE = frozenset(
    {
        "contenttypes.contenttype",
        "auth.permission",
        "commendation.awardtype",
        "commendation.eligibilityrule",
    }
)

_TABLES = {
    SQLITE: "SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, 7) != 'sqlite_' ORDER BY name",
    POSTGRESQL: "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename",
}


@dataclass(frozen=True)
class DatabaseCopy:
    """A consistent copy of the database in one file, and what it holds."""

    path: Path
    row_counts: dict[str, int]
    migrations: dict[str, str]
    details: dict[str, str]


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def tables(connection, engine: str) -> list[str]:
    return [row[0] for row in connection.execute(_TABLES[engine]).fetchall()]


def count(connection, table: str) -> int:
    return connection.execute(f"SELECT COUNT(*) FROM {quote(table)}").fetchone()[0]


def row_counts(connection, engine: str) -> dict[str, int]:
    return {table: count(connection, table) for table in tables(connection, engine)}


def latest_migrations(connection, engine: str) -> dict[str, str]:
    """The latest applied migration of each app (names start with a zero-padded number,
    so the greatest name is the latest); empty when the database was never migrated."""
    if "django_migrations" not in tables(connection, engine):
        return {}
    latest: dict[str, str] = {}
    for app, name in connection.execute("SELECT app, name FROM django_migrations").fetchall():
        latest[app] = max(latest.get(app, ""), name)
    return dict(sorted(latest.items()))


def data_tables() -> set[str]:
    """The tables of every installed model, except those `migrate` fills by itself."""
    return {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and model._meta.label_lower not in FILLED_BY_MIGRATE
    }


def tables_holding_data(connection, engine: str) -> dict[str, int]:
    wanted = data_tables()
    counts = {table: count(connection, table) for table in tables(connection, engine) if table in wanted}
    return {table: rows for table, rows in counts.items() if rows}


def refuse_if_holding_data(connection, engine: str, where: str) -> None:
    held = tables_holding_data(connection, engine)
    if held:
        shown = ", ".join(f"{table} ({rows})" for table, rows in sorted(held.items())[:5])
        raise BackupError(
            _(
                "Không khôi phục: cơ sở dữ liệu %(where)s đã có dữ liệu ở %(n)s bảng (%(shown)s). Chỉ khôi phục "
                "vào một cơ sở dữ liệu trống: hãy tạo cơ sở dữ liệu mới rồi chạy lại."
            )
            % {"where": where, "n": len(held), "shown": shown}
        )
