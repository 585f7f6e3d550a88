"""The archive's `manifest.json`: what the archive holds, made by which version, and a
SHA-256 checksum of every other file in it.

    {"format": 1, "created_at": "2026-12-07T02:00:00+07:00", "app_version": "0.1.0",
     "database": {"engine": "sqlite", "file": "database/thidua.sqlite3", ...},
     "migrations": {"core": "0003_fold_function", ...},
     "row_counts": {"organization_unit": 6, ...},
     "files": {"database/thidua.sqlite3": {"sha256": "…", "size": 123}, "media/…": {…}}}
"""

import json
import re

from django.db.migrations.loader import MigrationLoader
from django.utils.translation import gettext as _

import thidua
from thidua.backups.errors import BackupError
from thidua.backups.inventory import DatabaseCopy

NAME = "manifest.json"
# Raised when the layout of the archive changes; a restore refuses a newer format.
FORMAT_VERSION = 1
_REQUIRED = ("format", "created_at", "app_version", "database", "migrations", "row_counts", "files")


def build(*, engine: str, database_file: str, copy: DatabaseCopy, files: dict, created_at: str) -> dict:
    return {
        "format": FORMAT_VERSION,
        "created_at": created_at,
        "app_version": thidua.__version__,
        "database": {"engine": engine, "file": database_file, **copy.details},
        "migrations": copy.migrations,
        "row_counts": copy.row_counts,
        "files": files,
    }


def dumps(manifest: dict) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")


def loads(raw: bytes) -> dict:
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise BackupError(_("Bản kê manifest.json bị hỏng: %(error)s") % {"error": error}) from error
    missing = [key for key in _REQUIRED if not isinstance(manifest, dict) or key not in manifest]
    if missing or not isinstance(manifest.get("files"), dict) or "engine" not in manifest.get("database", {}):
        raise BackupError(_("Bản kê manifest.json thiếu mục: %(keys)s.") % {"keys": ", ".join(missing) or "files"})
    return manifest


def check_compatible(manifest: dict) -> None:
    """Refuse an archive this installation cannot read: a newer archive format, a newer
    version of Thi Đua, or migrations this code does not have (made by newer code)."""
    if not isinstance(manifest["format"], int) or manifest["format"] > FORMAT_VERSION:
        raise BackupError(
            _(
                "Bản sao lưu có định dạng %(format)s, mới hơn định dạng phiên bản này đọc được "
                "(%(known)s): hãy cập nhật Thi Đua trước."
            )
            % {"format": manifest["format"], "known": FORMAT_VERSION}
        )
    if version_key(manifest["app_version"]) > version_key(thidua.__version__):
        raise BackupError(
            _(
                "Bản sao lưu được tạo bởi Thi Đua %(archive)s, mới hơn phiên bản đang cài (%(installed)s): "
                "hãy cập nhật Thi Đua lên %(archive)s trở lên rồi khôi phục."
            )
            % {"archive": manifest["app_version"], "installed": thidua.__version__}
        )
    unknown = _unknown_migrations(manifest["migrations"])
    if unknown:
        raise BackupError(
            _(
                "Bản sao lưu có migration mà mã nguồn này không có (%(names)s): nó được tạo bởi một phiên "
                "bản mới hơn; hãy cập nhật Thi Đua trước."
            )
            % {"names": ", ".join(unknown)}
        )


def version_key(version: str) -> tuple[int, ...]:
    """(0, 10, 2) from "0.10.2": the number that starts each dotted part."""
    return tuple(int(found.group()) if (found := re.match(r"\d+", part)) else 0 for part in str(version).split("."))


def _unknown_migrations(latest: dict) -> list[str]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    installed = {app for app, _name in loader.disk_migrations}
    # A migration later squashed is still known, through the one that replaces it.
    known = set(loader.disk_migrations) | {
        replaced for migration in loader.disk_migrations.values() for replaced in migration.replaces
    }
    return sorted(f"{app}.{name}" for app, name in latest.items() if app in installed and (app, name) not in known)
