"""A restore target of the same engine as the test database: a new SQLite file, or a
new PostgreSQL database `<test db>_restore` created and dropped around the test."""

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import psycopg
import pytest
from django.db import connection
from psycopg import sql

from thidua.backups import postgres

# Files of several kinds and depths, as the storage lays out evidence and attachments.
MEDIA = {
    "minh-chung/2026/bien-ban-hop.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 40,
    "minh-chung/2026/ảnh hiện trường.jpg": b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF" * 500,
    "jobs/bao-cao-tong-hop.docx": b"PK\x03\x04" + b"word/document.xml" * 100,
    "rong.txt": b"",
}


def write_media(root: Path) -> Path:
    for name, content in MEDIA.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return root


def checksums(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def source_media(tmp_path, settings) -> Path:
    settings.MEDIA_ROOT = write_media(tmp_path / "media")
    return settings.MEDIA_ROOT


@pytest.fixture
def target(tmp_path):
    """DATABASES-style settings of an empty database of the test database's engine."""
    source = connection.settings_dict
    if connection.vendor == "sqlite":
        yield {"ENGINE": source["ENGINE"], "NAME": str(tmp_path / "restored.sqlite3")}
        return
    name = f"{source['NAME']}_restore"
    admin_params = postgres.libpq_params({**source, "NAME": "postgres"})
    with psycopg.connect(**admin_params, password=source.get("PASSWORD") or None, autocommit=True) as admin:
        drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        admin.execute(drop)
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        try:
            yield {**source, "NAME": name}
        finally:
            admin.execute(drop)


def query(settings_dict: dict, statement: str) -> list[tuple]:
    """Rows of `statement` read straight from a database Django is not connected to."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        with closing(sqlite3.connect(settings_dict["NAME"])) as db:
            return db.execute(statement).fetchall()
    with psycopg.connect(**postgres.libpq_params(settings_dict), password=settings_dict.get("PASSWORD") or None) as db:
        return db.execute(statement).fetchall()
