"""Restoring an archive into an empty database and an empty media folder.

Everything that can refuse is checked before anything is written: every checksum, the
archive's format and version, the engine, the target database and the media folder.
The files are then unpacked into a staging folder inside MEDIA_ROOT, the database is
restored in one transaction, and only then are the media files moved into place. A
failure up to the database restore leaves the target as it was."""

import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.utils.translation import gettext as _

from thidua.backups import archive, postgres, sqlite
from thidua.backups import manifest as manifests
from thidua.backups.engines import SQLITE, engine_of
from thidua.backups.errors import BackupError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Restored:
    manifest: dict
    row_counts: dict[str, int]
    media_files: int
    # table: (rows in the manifest, rows found after the restore), for tables that differ
    mismatches: dict[str, tuple[int, int | None]] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return sum(self.row_counts.get(table, 0) for table in self.manifest["row_counts"])


def check_archive(path: Path) -> dict:
    """Every checksum and the archive's compatibility with this installation; returns
    the manifest. Writes nothing (for archives copied elsewhere, or before a restore)."""
    manifest = archive.verify(Path(path))
    manifests.check_compatible(manifest)
    return manifest


def restore_archive(
    path: Path, *, database: dict, media_root: Path, say: Callable[[str], None] = lambda message: None
) -> Restored:
    """Restore the archive at `path` into the database described by `database` (a
    DATABASES entry) and into `media_root`. No Django connection may be open on an
    SQLite target. Side effects: the database and the media files, nothing else."""
    path, media_root = Path(path), Path(media_root)
    say(_("Kiểm tra tổng kiểm SHA-256 của từng tệp trong %(path)s…") % {"path": path})
    manifest = check_archive(path)
    engine = engine_of(database)
    backend = _backend(manifest, engine)
    backend.check_target(database, manifest)
    _refuse_media_with_files(media_root)

    media_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".thidua-restore-", dir=media_root))
    try:
        staged = staging / PurePosixPath(manifest["database"]["file"]).name
        media_files = archive.extract(path, manifest, database_to=staged, media_to=staging / archive.MEDIA_DIR)
        say(_("Khôi phục cơ sở dữ liệu (%(engine)s)…") % {"engine": engine})
        backend.restore(staged, database, manifest)
        say(_("Đặt %(n)s tệp đính kèm vào %(media)s…") % {"n": media_files, "media": media_root})
        _move_files(staging / archive.MEDIA_DIR, media_root)
    finally:
        shutil.rmtree(staging, ignore_errors=True)

    counts = backend.row_counts(database)
    expected = manifest["row_counts"]
    mismatches = {table: (rows, counts.get(table)) for table, rows in expected.items() if counts.get(table) != rows}
    log.info(
        "Backup %s restored: %s tables, %s media files, %s tables differ from the manifest",
        path,
        len(expected),
        media_files,
        len(mismatches),
    )
    return Restored(manifest, counts, media_files, mismatches)


def _backend(manifest: dict, engine: str):
    archived = manifest["database"]["engine"]
    if archived != engine:
        raise BackupError(
            _(
                "Bản sao lưu là của %(archived)s, còn cơ sở dữ liệu đích là %(engine)s: chỉ khôi phục "
                "được vào cùng loại cơ sở dữ liệu (khôi phục chéo SQLite ↔ PostgreSQL không được hỗ trợ)."
            )
            % {"archived": archived, "engine": engine}
        )
    return sqlite if engine == SQLITE else postgres


def _refuse_media_with_files(media_root: Path) -> None:
    present = next(archive.media_files(media_root), None)
    if present:
        raise BackupError(
            _(
                "Không khôi phục: thư mục tệp đính kèm %(media)s đã có tệp (ví dụ %(file)s). Chỉ khôi "
                "phục vào một thư mục trống."
            )
            % {"media": media_root, "file": present[0]}
        )


def _move_files(source: Path, destination: Path) -> None:
    # Renames within one file system (the staging folder is inside MEDIA_ROOT).
    for path, name in archive.media_files(source):
        target = destination / name.split("/", 1)[1]
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, target)
