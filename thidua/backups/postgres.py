"""PostgreSQL through `pg_dump --format=custom` and `pg_restore`.

The connection comes from the Django settings; the password goes to the tools in the
PGPASSWORD environment variable, never on the command line (where `ps` shows it).
The row counts of the manifest are read in the very snapshot that pg_dump dumps
(`pg_export_snapshot` and `pg_dump --snapshot`), so they match the dump exactly even
while the application writes."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import psycopg
from django.utils.translation import gettext as _
from psycopg import sql
from psycopg.conninfo import make_conninfo

from thidua.backups import inventory
from thidua.backups.engines import POSTGRESQL
from thidua.backups.errors import BackupError

ARCHIVED_NAME = "thidua.pgdump"

# Keys of DATABASES[...]["OPTIONS"] that Django reads itself; the rest are libpq's.
_DJANGO_ONLY_OPTIONS = frozenset({"isolation_level", "server_side_binding", "pool", "assume_role", "cursor_factory"})

# Lines of `pg_restore --list` for extensions. They are created before the restore
# instead (CREATE EXTENSION IF NOT EXISTS): the application's database role owns its
# tables but not the extensions, so dropping or commenting them would fail.
_EXTENSION_LINE = re.compile(r"^\d+; \d+ \d+ (?:EXTENSION - (?P<name>\S+)|COMMENT - EXTENSION \S+)")


def libpq_params(settings_dict: dict) -> dict[str, str]:
    """Connection parameters without the password."""
    params = {
        "dbname": settings_dict.get("NAME"),
        "host": settings_dict.get("HOST"),
        "port": settings_dict.get("PORT"),
        "user": settings_dict.get("USER"),
    }
    for key, value in (settings_dict.get("OPTIONS") or {}).items():
        if key not in _DJANGO_ONLY_OPTIONS:
            params[key] = value
    return {key: str(value) for key, value in params.items() if value not in (None, "")}


def connect(settings_dict: dict) -> psycopg.Connection:
    try:
        return psycopg.connect(
            **libpq_params(settings_dict), password=settings_dict.get("PASSWORD") or None, autocommit=True
        )
    except psycopg.Error as error:
        raise BackupError(
            _("Không kết nối được PostgreSQL (%(db)s): %(error)s")
            % {"db": settings_dict.get("NAME"), "error": _first_line(error)}
        ) from error


def major_of(version_text: str) -> int:
    """15 from "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)" or from "15.20"."""
    found = re.search(r"\(PostgreSQL\)\s+(\d+)", version_text) or re.search(r"(\d+)", version_text)
    if not found:
        raise BackupError(_("Không đọc được phiên bản PostgreSQL từ «%(text)s».") % {"text": version_text.strip()})
    return int(found.group(1))


def client(tool: str, at_least: int) -> tuple[str, str]:
    """The path and `--version` line of pg_dump or pg_restore, refusing a missing tool
    or one older than `at_least` (a major version)."""
    path = shutil.which(tool)
    if path is None:
        raise BackupError(
            _("Không tìm thấy lệnh %(tool)s: hãy cài gói postgresql-client, phiên bản chính %(major)s trở lên.")
            % {"tool": tool, "major": at_least}
        )
    version = subprocess.run([path, "--version"], capture_output=True, text=True, check=False).stdout.strip()
    if major_of(version) < at_least:
        raise BackupError(
            _(
                "%(tool)s %(client)s cũ hơn PostgreSQL %(major)s: hãy cài postgresql-client-%(major)s "
                "(phiên bản chính phải từ %(major)s trở lên)."
            )
            % {"tool": tool, "client": major_of(version), "major": at_least}
        )
    return path, version


def copy(settings_dict: dict, destination: Path) -> inventory.DatabaseCopy:
    with connect(settings_dict) as connection:
        server = connection.execute("SHOW server_version").fetchone()[0]
        pg_dump, version = client("pg_dump", connection.info.server_version // 10000)
        connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        snapshot = connection.execute("SELECT pg_export_snapshot()").fetchone()[0]
        counts = inventory.row_counts(connection, POSTGRESQL)
        migrations = inventory.latest_migrations(connection, POSTGRESQL)
        # The transaction stays open while pg_dump reads the snapshot it exported.
        _run(
            [
                pg_dump,
                "--format=custom",
                f"--file={destination}",
                f"--snapshot={snapshot}",
                f"--dbname={make_conninfo(**libpq_params(settings_dict))}",
            ],
            settings_dict,
        )
        connection.execute("COMMIT")
    return inventory.DatabaseCopy(
        destination, counts, migrations, {"server_version": server, "pg_dump_version": version}
    )


def check_target(settings_dict: dict, manifest: dict) -> None:
    """Refuse a target holding the app's data, or migrated to another state than the
    archive's (its tables would not be those the archive recreates)."""
    with connect(settings_dict) as connection:
        where = settings_dict.get("NAME")
        inventory.refuse_if_holding_data(connection, POSTGRESQL, where)
        migrated = inventory.latest_migrations(connection, POSTGRESQL)
    if migrated and migrated != manifest["migrations"]:
        raise BackupError(
            _(
                "Không khôi phục: cơ sở dữ liệu %(where)s đã được migrate tới phiên bản khác bản sao lưu. Hãy tạo "
                "một cơ sở dữ liệu mới hoàn toàn trống (không chạy migrate), khôi phục, rồi mới chạy thidua migrate."
            )
            % {"where": where}
        )


def restore(staged: Path, settings_dict: dict, manifest: dict) -> None:
    """pg_restore in one transaction: all of the archive or, on any error, nothing.
    `--clean --if-exists` replaces the tables an empty migrated database already has."""
    dumped_by = major_of(manifest["database"].get("pg_dump_version", "0"))
    pg_restore, _version = client("pg_restore", dumped_by)
    listing = _run([pg_restore, "--list", str(staged)], settings_dict).stdout
    kept, extensions = _without_extensions(listing)
    use_list = staged.with_name(staged.name + ".list")
    use_list.write_text(kept, encoding="utf-8")
    _create_extensions(settings_dict, extensions)
    _run(
        [
            pg_restore,
            "--no-owner",
            "--no-privileges",
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--exit-on-error",
            f"--use-list={use_list}",
            f"--dbname={make_conninfo(**libpq_params(settings_dict))}",
            str(staged),
        ],
        settings_dict,
    )


def row_counts(settings_dict: dict) -> dict[str, int]:
    with connect(settings_dict) as connection:
        return inventory.row_counts(connection, POSTGRESQL)


def _without_extensions(listing: str) -> tuple[str, list[str]]:
    kept, extensions = [], []
    for line in listing.splitlines():
        found = _EXTENSION_LINE.match(line)
        if not found:
            kept.append(line)
        elif found.group("name"):
            extensions.append(found.group("name"))
    return "\n".join(kept) + "\n", extensions


def _create_extensions(settings_dict: dict, extensions: list[str]) -> None:
    with connect(settings_dict) as connection:
        for name in extensions:
            try:
                connection.execute(sql.SQL("CREATE EXTENSION IF NOT EXISTS {}").format(sql.Identifier(name)))
            except psycopg.Error as error:
                raise BackupError(
                    _(
                        "Không tạo được phần mở rộng %(name)s trong cơ sở dữ liệu %(db)s (%(error)s): hãy nhờ người "
                        "quản trị PostgreSQL chạy «CREATE EXTENSION %(name)s;» trong cơ sở dữ "
                        "liệu đó rồi khôi phục lại."
                    )
                    % {"name": name, "db": settings_dict.get("NAME"), "error": _first_line(error)}
                ) from error


def _run(command: list[str], settings_dict: dict) -> subprocess.CompletedProcess:
    environment = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    done = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tool = Path(command[0]).name
        raise BackupError(_("%(tool)s dừng với lỗi: %(error)s") % {"tool": tool, "error": _first_line(done.stderr)})
    return done


def _first_line(error) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    # pg_restore prints "pg_restore: error: …" lines; the first says what failed.
    errors = [line for line in lines if "error" in line.lower()]
    return (errors or lines or [""])[0]
