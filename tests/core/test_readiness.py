"""A `thidua` command run before the database exists says what to do in one line."""

import os
import subprocess
import sys

import pytest

from thidua.core.readiness import database_problem


def _thidua(*args: str, database_url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DEBUG": "1", "DATABASE_URL": database_url}
    env.pop("THIDUA_TESTING", None)
    return subprocess.run([sys.executable, "-m", "thidua", *args], env=env, capture_output=True, text=True, timeout=120)


def test_a_command_on_a_database_never_created_says_so_in_one_line(tmp_path):
    database = tmp_path / "not-yet" / "thidua.sqlite3"
    run = _thidua("unlock_account", "giamdoc", database_url=f"sqlite:///{database}")
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [
        f"thidua: cơ sở dữ liệu {database} chưa được tạo. Chạy «thidua migrate» (hoặc «make run») rồi thử lại."
    ]
    assert "Traceback" not in run.stderr


def test_a_fresh_clone_gets_the_folder_of_its_sqlite_database(tmp_path):
    database = tmp_path / "var" / "thidua.sqlite3"
    run = _thidua("migrate", "--noinput", "-v0", database_url=f"sqlite:///{database}")
    assert run.returncode == 0, run.stderr
    assert database.exists()


@pytest.mark.django_db
def test_the_migrated_test_database_is_ready():
    assert database_problem() is None
