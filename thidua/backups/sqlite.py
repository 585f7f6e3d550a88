"""SQLite through its online backup API (`sqlite3.Connection.backup`).

Copying the database file with `cp` can miss transactions committed to the WAL file
but not yet checkpointed, or catch a page half-written. The backup API copies every
page within one read transaction: in WAL mode the writers go on meanwhile and the copy
is the database as it stood when the copy began."""

import sqlite3
from contextlib import closing
from pathlib import Path

from django.utils.translation import gettext as _

from thidua.backups import inventory
from thidua.backups.engines import SQLITE
from thidua.backups.errors import BackupError

ARCHIVED_NAME = "thidua.sqlite3"


def copy(source: sqlite3.Connection, destination: Path) -> inventory.DatabaseCopy:
    """Copy the open database `source` into a new file, checked and described."""
    with closing(sqlite3.connect(destination)) as target:
        source.backup(target)  # all pages in one step: one consistent snapshot
        # A file that stands alone, with no -wal beside it.
        target.execute("PRAGMA journal_mode=DELETE")
        _check_integrity(target, destination)
        counts = inventory.row_counts(target, SQLITE)
        migrations = inventory.latest_migrations(target, SQLITE)
    return inventory.DatabaseCopy(destination, counts, migrations, {"sqlite_version": sqlite3.sqlite_version})


def target_path(settings_dict: dict) -> Path:
    name = str(settings_dict.get("NAME") or "")
    if not name or name == ":memory:" or "mode=memory" in name:
        raise BackupError(
            _("Không khôi phục vào cơ sở dữ liệu SQLite trong bộ nhớ: hãy đặt DATABASE_URL trỏ tới một tệp.")
        )
    return Path(name)


def check_target(settings_dict: dict, manifest: dict) -> None:
    """Refuse a target file that holds the app's data. A missing file is empty; the
    schema does not matter, since the restored file replaces it whole."""
    path = target_path(settings_dict)
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with closing(sqlite3.connect(path, timeout=20)) as connection:
            inventory.refuse_if_holding_data(connection, SQLITE, str(path))
    except sqlite3.DatabaseError as error:
        raise BackupError(
            _(
                "Không khôi phục: %(path)s không đọc được như một cơ sở dữ liệu SQLite (%(error)s); hãy "
                "chuyển tệp đó đi chỗ khác rồi chạy lại."
            )
            % {"path": path, "error": error}
        ) from error


def restore(staged: Path, settings_dict: dict, manifest: dict) -> None:
    """Write the archived file into the target through the backup API, so the target is
    replaced in one transaction. No Django connection may be open on it meanwhile."""
    path = target_path(settings_dict)
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(staged)) as source, closing(sqlite3.connect(path, timeout=20)) as target:
        _check_integrity(source, staged)
        source.backup(target)
        _check_integrity(target, path)


def row_counts(settings_dict: dict) -> dict[str, int]:
    with closing(sqlite3.connect(target_path(settings_dict), timeout=20)) as connection:
        return inventory.row_counts(connection, SQLITE)


def _check_integrity(connection: sqlite3.Connection, path: Path) -> None:
    problems = [row[0] for row in connection.execute("PRAGMA integrity_check").fetchall()]
    if problems != ["ok"]:
        raise BackupError(
            _("Cơ sở dữ liệu %(path)s không toàn vẹn (PRAGMA integrity_check): %(problem)s")
            % {"path": path, "problem": "; ".join(problems[:3])}
        )
