"""pg_dump and pg_restore: a missing or too old tool is refused with one clear line,
and the password reaches them through PGPASSWORD, never on the command line."""

import os
import stat

import pytest

from thidua.backups import postgres
from thidua.backups.errors import BackupError

SETTINGS = {
    "ENGINE": "django.db.backends.postgresql",
    "NAME": "thidua",
    "USER": "thidua",
    "PASSWORD": "bí-mật-42",
    "HOST": "db.example.vn",
    "PORT": "5432",
    "OPTIONS": {"sslmode": "require", "server_side_binding": True},
}


def _fake_tool(folder, name: str, version: str):
    """A stand-in for a PostgreSQL tool that records its arguments and PGPASSWORD."""
    script = folder / name
    script.write_text(
        f"#!/bin/sh\nif [ \"$1\" = --version ]; then echo '{name} (PostgreSQL) {version}'; exit 0; fi\n"
        f"printf '%s\\n' \"$@\" > {folder}/args\nprintf '%s' \"$PGPASSWORD\" > {folder}/password\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_major_versions_are_read_from_the_tools_and_the_server():
    assert postgres.major_of("pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)") == 15
    assert postgres.major_of("pg_restore (PostgreSQL) 17.2") == 17
    assert postgres.major_of("16.4") == 16


def test_a_missing_tool_is_named_with_the_package_to_install(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(BackupError, match="Không tìm thấy lệnh pg_dump: hãy cài gói postgresql-client") as refused:
        postgres.client("pg_dump", 15)
    assert "\n" not in str(refused.value)


def test_a_tool_older_than_the_server_is_refused(tmp_path, monkeypatch):
    _fake_tool(tmp_path, "pg_dump", "13.4")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BackupError, match="pg_dump 13 cũ hơn PostgreSQL 15: hãy cài postgresql-client-15"):
        postgres.client("pg_dump", 15)
    assert postgres.client("pg_dump", 13)[1] == "pg_dump (PostgreSQL) 13.4"


def test_the_password_goes_through_the_environment_only(tmp_path, monkeypatch):
    tool = _fake_tool(tmp_path, "pg_dump", "15.2")
    dbname = postgres.make_conninfo(**postgres.libpq_params(SETTINGS))
    postgres._run([str(tool), f"--dbname={dbname}"], SETTINGS)
    arguments = (tmp_path / "args").read_text()
    assert "bí-mật-42" not in arguments and "password" not in arguments
    assert "host=db.example.vn" in arguments and "sslmode=require" in arguments
    assert "server_side_binding" not in arguments
    assert (tmp_path / "password").read_text() == "bí-mật-42"
    assert os.environ.get("PGPASSWORD") != "bí-mật-42"


def test_a_failing_tool_reports_its_error_line(tmp_path):
    tool = tmp_path / "pg_restore"
    tool.write_text(
        "#!/bin/sh\necho 'pg_restore: connecting to database \"thidua\"' >&2\n"
        "echo 'pg_restore: error: could not execute query: ERROR:  permission denied' >&2\nexit 1\n"
    )
    tool.chmod(0o755)
    with pytest.raises(BackupError, match="pg_restore dừng với lỗi: pg_restore: error: could not execute query"):
        postgres._run([str(tool)], SETTINGS)


def test_extensions_are_left_to_create_extension_if_not_exists():
    listing = (
        "; Archive created at 2026-12-07\n"
        "3; 3079 16666 EXTENSION - pg_trgm \n"
        "4732; 0 0 COMMENT - EXTENSION pg_trgm \n"
        "2; 3079 16659 EXTENSION - unaccent \n"
        "4733; 0 0 COMMENT - EXTENSION unaccent \n"
        "418; 1255 16747 FUNCTION public thidua_fold(text) postgres\n"
        "223; 1259 16411 TABLE public auth_group postgres\n"
    )
    kept, extensions = postgres._without_extensions(listing)
    assert extensions == ["pg_trgm", "unaccent"]
    assert "EXTENSION" not in kept
    assert "FUNCTION public thidua_fold(text)" in kept and "TABLE public auth_group" in kept
