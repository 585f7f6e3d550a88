"""The archive file: one .tar.gz holding

    database/thidua.sqlite3   or   database/thidua.pgdump
    media/<path under MEDIA_ROOT>  (every uploaded file)
    manifest.json                  (last: it holds the checksums of all the others)

Writing hashes each file as it goes into the archive, so the checksum is of exactly
the bytes stored. Reading never extracts blindly: only regular files under these names
are accepted, and every byte is checked against the manifest."""

import gzip
import hashlib
import io
import os
import tarfile
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath

from django.utils.translation import gettext as _

from thidua.backups import manifest as manifests
from thidua.backups.errors import BackupError

DATABASE_DIR = "database"
MEDIA_DIR = "media"
_CHUNK = 1024 * 1024
# What reading a truncated, corrupted or foreign file raises (not disk errors).
_DAMAGED = (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile)


class _Hashing(io.RawIOBase):
    """Reads through a file, hashing what is read."""

    def __init__(self, handle):
        self.handle, self.sha256, self.size = handle, hashlib.sha256(), 0

    def read(self, size=-1):
        data = self.handle.read(size)
        self.sha256.update(data)
        self.size += len(data)
        return data


def media_files(media_root: Path) -> Iterator[tuple[Path, str]]:
    """(path, name in the archive) of every regular file under `media_root`, in a
    stable order. Links are left out: the storage never makes them."""
    if not media_root.is_dir():
        return
    for folder, subfolders, names in os.walk(media_root):
        subfolders.sort()
        for name in sorted(names):
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                yield path, f"{MEDIA_DIR}/{path.relative_to(media_root).as_posix()}"


def write(path: Path, *, database_file: Path, media_root: Path, describe: Callable[[str, dict], dict]) -> dict:
    """Write the archive at `path`; `describe(database_name, files)` returns the
    manifest. The archive is written beside as `<name>.partial`, readable by its owner
    only (it holds personal data and password hashes), and renamed when complete, so a
    half-written archive never carries the final name."""
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)  # left by a backup that was killed midway
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as raw:
            with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as tar:
                database_name = f"{DATABASE_DIR}/{database_file.name}"
                files = {database_name: _add(tar, database_file, database_name)}
                for file, name in media_files(media_root):
                    try:
                        files[name] = _add(tar, file, name)
                    except FileNotFoundError:  # deleted since the folder was listed
                        continue
                manifest = describe(database_name, files)
                content = manifests.dumps(manifest)
                info = tarfile.TarInfo(manifests.NAME)
                info.size, info.mode, info.mtime = len(content), 0o600, int(time.time())
                tar.addfile(info, io.BytesIO(content))
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return manifest


def verify(path: Path) -> dict:
    """Read the whole archive and return its manifest once every file in it matches
    its checksum and size, nothing is missing and nothing is extra. Nothing is written."""
    found: dict[str, dict] = {}
    read: list[dict] = []

    def visit(name, handle):
        if name in found or (name == manifests.NAME and read):
            raise BackupError(_("Bản sao lưu có hai mục cùng tên «%(name)s»: không khôi phục.") % {"name": name})
        if name == manifests.NAME:
            read.append(manifests.loads(handle.read()))
        else:
            found[name] = _digest(handle)

    _each_member(path, visit)
    if not read:
        raise BackupError(_("Tệp %(path)s không phải bản sao lưu Thi Đua: không có manifest.json.") % {"path": path})
    _compare(read[0], found)
    return read[0]


def extract(path: Path, manifest: dict, *, database_to: Path, media_to: Path) -> int:
    """Write the database file to `database_to` and the media files under `media_to`,
    checking each against the manifest again as it is written. Returns the number of
    media files written."""
    written = []

    def visit(name, handle):
        if name == manifests.NAME:
            return
        target = database_to if name == manifest["database"]["file"] else media_to / name.split("/", 1)[1]
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("xb") as out:
            digest = _digest(handle, out)
        _compare_one(name, manifest["files"].get(name), digest)
        if name.startswith(f"{MEDIA_DIR}/"):
            written.append(name)

    _each_member(path, visit)
    return len(written)


def _add(tar: tarfile.TarFile, file: Path, name: str) -> dict:
    info = tar.gettarinfo(str(file), arcname=name)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    with file.open("rb") as handle:
        reader = _Hashing(handle)
        tar.addfile(info, reader)
    return {"sha256": reader.sha256.hexdigest(), "size": reader.size}


def _each_member(path: Path, visit: Callable) -> None:
    """Call `visit(name, handle)` for each file of the archive, in order, reading it once
    from start to end; a damaged or foreign file stops with a message naming it."""
    if not path.is_file():
        raise BackupError(_("Không tìm thấy tệp sao lưu %(path)s.") % {"path": path})
    try:
        with tarfile.open(path, "r|gz") as tar:
            for member in tar:
                visit(_checked_name(member), tar.extractfile(member))
    except _DAMAGED as error:
        raise BackupError(
            _("Không đọc được %(path)s: tệp bị hỏng hoặc không phải bản sao lưu Thi Đua (%(error)s).")
            % {"path": path, "error": error or type(error).__name__}
        ) from error


def _checked_name(member: tarfile.TarInfo) -> str:
    name = member.name
    parts = PurePosixPath(name).parts
    allowed = member.isreg() and (
        name == manifests.NAME
        or (
            len(parts) >= 2
            and parts[0] in (DATABASE_DIR, MEDIA_DIR)
            and not name.startswith("/")
            and not any(part in ("", ".", "..") for part in parts)
        )
    )
    if not allowed:
        raise BackupError(_("Bản sao lưu có mục không hợp lệ «%(name)s»: không khôi phục.") % {"name": name})
    return name


def _digest(handle, copy_to=None) -> dict:
    sha256, size = hashlib.sha256(), 0
    while chunk := handle.read(_CHUNK):
        sha256.update(chunk)
        size += len(chunk)
        if copy_to is not None:
            copy_to.write(chunk)
    return {"sha256": sha256.hexdigest(), "size": size}


def _compare(manifest: dict, found: dict[str, dict]) -> None:
    listed = manifest["files"]
    for name in sorted(set(found) - set(listed)):
        raise BackupError(
            _("Tệp «%(name)s» có trong bản sao lưu nhưng không có trong manifest.json: không khôi phục.")
            % {"name": name}
        )
    for name in sorted(listed):
        if name not in found:
            raise BackupError(_("Thiếu tệp «%(name)s» mà manifest.json liệt kê: không khôi phục.") % {"name": name})
        _compare_one(name, listed[name], found[name])
    if manifest["database"].get("file") not in listed:
        raise BackupError(_("Bản sao lưu không có tệp cơ sở dữ liệu: không khôi phục."))


def _compare_one(name: str, expected: dict | None, digest: dict) -> None:
    if (
        not isinstance(expected, dict)
        or expected.get("sha256") != digest["sha256"]
        or expected.get("size", digest["size"]) != digest["size"]
    ):
        raise BackupError(
            _(
                "Tổng kiểm SHA-256 của «%(name)s» không khớp với manifest.json: tệp đã bị thay đổi hoặc "
                "hỏng; không khôi phục."
            )
            % {"name": name}
        )
