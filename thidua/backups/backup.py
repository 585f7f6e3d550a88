"""Making a backup archive, and keeping only the newest ones in the backup folder."""

import datetime
import logging
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.backups import archive, postgres, sqlite
from thidua.backups import manifest as manifests
from thidua.backups.engines import SQLITE, engine_of
from thidua.backups.errors import BackupError

log = logging.getLogger(__name__)

# The names `thidua backup` gives; only files named so are ever deleted by pruning.
ARCHIVE_NAME = re.compile(r"^thidua-backup-\d{8}-\d{6}\.tar\.gz$")
SUFFIX = ".tar.gz"


@dataclass(frozen=True)
class Backup:
    path: Path
    manifest: dict

    @property
    def rows(self) -> int:
        return sum(self.manifest["row_counts"].values())

    @property
    def media_files(self) -> int:
        return sum(name.startswith(f"{archive.MEDIA_DIR}/") for name in self.manifest["files"])


def archive_name(now: datetime.datetime) -> str:
    return f"thidua-backup-{timezone.localtime(now):%Y%m%d-%H%M%S}{SUFFIX}"


def archive_path(output: Path | None, now: datetime.datetime) -> Path:
    """`output` is a folder (created if missing) or a file name ending in .tar.gz;
    by default the folder BACKUP_DIR, with a name holding the date and time."""
    output = Path(output) if output else Path(settings.BACKUP_DIR)
    if output.name.endswith(SUFFIX) and not output.is_dir():
        output.parent.mkdir(parents=True, exist_ok=True)
        return output
    if output.suffix and not output.is_dir():
        raise BackupError(
            _(
                "Bản sao lưu là tệp .tar.gz: hãy cho --output một thư mục hoặc một tên tệp kết thúc "
                "bằng .tar.gz, không phải «%(name)s»."
            )
            % {"name": output.name}
        )
    output.mkdir(parents=True, exist_ok=True, mode=0o700)
    return output / archive_name(now)


def make_backup(
    output: Path | None = None,
    *,
    using: str = "default",
    media_root: Path | None = None,
    now: datetime.datetime | None = None,
) -> Backup:
    """Write one archive with the database of connection `using`, every file under
    `media_root` (MEDIA_ROOT by default) and the manifest. Side effects: the archive
    file, and a temporary folder beside it while it is made."""
    connection = connections[using]
    engine = engine_of(connection.settings_dict)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    now = now or timezone.now()
    path = archive_path(output, now)
    _refuse_inside_media(path, media_root)
    if path.exists():
        raise BackupError(_("Tệp %(path)s đã có: không ghi đè một bản sao lưu.") % {"path": path})
    # Beside the archive, not in /tmp: the folder has room for the archive anyway.
    with tempfile.TemporaryDirectory(prefix=".thidua-backup-", dir=path.parent) as work:
        if engine == SQLITE:
            connection.ensure_connection()
            copy = sqlite.copy(connection.connection, Path(work) / sqlite.ARCHIVED_NAME)
        else:
            copy = postgres.copy(connection.settings_dict, Path(work) / postgres.ARCHIVED_NAME)
        created_at = timezone.localtime(now).isoformat(timespec="seconds")
        written = archive.write(
            path,
            database_file=copy.path,
            media_root=media_root,
            describe=lambda name, files: manifests.build(
                engine=engine, database_file=name, copy=copy, files=files, created_at=created_at
            ),
        )
    backup = Backup(path, written)
    log.info("Backup written to %s: %s rows, %s media files", path, backup.rows, backup.media_files)
    return backup


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete the oldest archives of `folder` beyond the newest `keep` (0 keeps all).
    Only files named as `thidua backup` names them are considered; the timestamp in
    the name orders them."""
    if keep <= 0:
        return []
    archives = sorted(path for path in Path(folder).iterdir() if path.is_file() and ARCHIVE_NAME.match(path.name))
    removed = archives[:-keep]
    for path in removed:
        path.unlink()
        log.info("Old backup deleted: %s", path)
    return removed


def _refuse_inside_media(path: Path, media_root: Path) -> None:
    # An archive inside MEDIA_ROOT would be copied into every later archive.
    if path.resolve().is_relative_to(media_root.resolve()):
        raise BackupError(
            _("Không lưu bản sao lưu trong MEDIA_ROOT (%(media)s): hãy chọn một thư mục khác.") % {"media": media_root}
        )
