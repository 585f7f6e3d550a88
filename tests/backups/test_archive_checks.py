"""A restore checks the whole archive before it writes anything: a changed, missing,
extra or oddly named file, a damaged archive, an archive of a newer version or of the
other engine are refused with a message naming what is wrong, and the target database
and media folder stay as they were."""

import gzip
import io
import json
import sqlite3
import tarfile
from contextlib import closing
from pathlib import Path

import pytest
from django.utils import translation

from tests.backups.conftest import checksums, write_media
from thidua.backups import archive, manifest, sqlite
from thidua.backups.errors import BackupError
from thidua.backups.restore import restore_archive

PDF = "media/minh-chung/2026/bien-ban-hop.pdf"


@pytest.fixture
def made(tmp_path) -> Path:
    """An archive of a small SQLite database and the test files, as `thidua backup`
    writes it."""
    source = tmp_path / "source.sqlite3"
    with closing(sqlite3.connect(source)) as db:
        db.execute("CREATE TABLE organization_unit (id INTEGER PRIMARY KEY, name TEXT)")
        db.executemany("INSERT INTO organization_unit (name) VALUES (?)", [("Văn phòng Sở",), ("Thanh tra Sở",)])
        db.commit()
        copy = sqlite.copy(db, tmp_path / sqlite.ARCHIVED_NAME)
    path = tmp_path / "thidua-backup-20261207-020000.tar.gz"
    archive.write(
        path,
        database_file=copy.path,
        media_root=write_media(tmp_path / "media"),
        describe=lambda name, files: manifest.build(
            engine="sqlite", database_file=name, copy=copy, files=files, created_at="2026-12-07T02:00:00+07:00"
        ),
    )
    return path


@pytest.fixture
def target(tmp_path) -> dict:
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "target" / "db.sqlite3")}


def _members(path: Path) -> dict[str, bytes]:
    with tarfile.open(path, "r:gz") as tar:
        return {member.name: tar.extractfile(member).read() for member in tar}


def _rewrite(path: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    return path


def _with_manifest(path: Path, change) -> Path:
    members = _members(path)
    described = json.loads(members["manifest.json"])
    change(described)
    members["manifest.json"] = json.dumps(described).encode()
    return _rewrite(path, members)


def _refused(path: Path, target: dict, media: Path, match: str) -> None:
    with pytest.raises(BackupError, match=match):
        restore_archive(path, database=target, media_root=media)
    assert not Path(target["NAME"]).exists()
    assert not media.exists() or checksums(media) == {}


def test_the_manifest_lists_every_file_with_its_checksum(made, tmp_path):
    described = archive.verify(made)
    assert sorted(described["files"]) == sorted(
        ["database/thidua.sqlite3", *(f"media/{name}" for name in checksums(tmp_path / "media"))]
    )
    assert described["files"][PDF]["sha256"] == checksums(tmp_path / "media")[PDF[6:]]
    assert described["row_counts"] == {"organization_unit": 2}


def test_a_good_archive_is_restored(made, target, tmp_path):
    restored = restore_archive(made, database=target, media_root=tmp_path / "restored")
    assert restored.mismatches == {} and restored.row_counts == {"organization_unit": 2}
    assert checksums(tmp_path / "restored") == checksums(tmp_path / "media")
    assert not [path for path in (tmp_path / "restored").iterdir() if path.name.startswith(".thidua-restore-")]


def test_a_changed_file_is_refused_by_name(made, target, tmp_path):
    members = _members(made)
    members[PDF] = members[PDF].replace(b"%PDF-1.7", b"%PDF-1.6")
    _refused(_rewrite(made, members), target, tmp_path / "restored", "bien-ban-hop.pdf.*không khớp")


def test_the_refusal_reads_in_english_for_an_english_operator(made, target, tmp_path):
    members = _members(made)
    members[PDF] = b"changed"
    with translation.override("en"), pytest.raises(BackupError, match="bien-ban-hop.pdf” does not match manifest"):
        restore_archive(_rewrite(made, members), database=target, media_root=tmp_path / "restored")


def test_a_changed_database_file_is_refused(made, target, tmp_path):
    members = _members(made)
    members["database/thidua.sqlite3"] += b"\0"
    _refused(_rewrite(made, members), target, tmp_path / "restored", "database/thidua.sqlite3.*không khớp")


def test_a_missing_file_is_refused_by_name(made, target, tmp_path):
    members = _members(made)
    del members["media/rong.txt"]
    _refused(_rewrite(made, members), target, tmp_path / "restored", "Thiếu tệp «media/rong.txt»")


def test_a_file_not_in_the_manifest_is_refused_by_name(made, target, tmp_path):
    members = _members(made)
    members["media/them.exe"] = b"MZ"
    _refused(_rewrite(made, members), target, tmp_path / "restored", "media/them.exe.*không có trong manifest")


def test_a_name_given_twice_is_refused(made, target, tmp_path):
    members = list(_members(made).items())
    with tarfile.open(made, "w:gz") as tar:
        for name, content in [*members[:2], (members[1][0], b"second copy"), *members[2:]]:
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    _refused(made, target, tmp_path / "restored", f"hai mục cùng tên «{members[1][0]}»")


def test_a_name_leaving_the_media_folder_is_refused(made, target, tmp_path):
    members = _members(made)
    members["media/../../etc/cron.d/x"] = b"* * * * * root true"
    _refused(_rewrite(made, members), target, tmp_path / "restored", "không hợp lệ")
    assert not (tmp_path / "etc").exists()


def test_a_truncated_archive_is_refused(made, target, tmp_path):
    made.write_bytes(made.read_bytes()[: made.stat().st_size // 2])
    _refused(made, target, tmp_path / "restored", "hỏng")


def test_a_file_that_is_no_archive_is_refused(tmp_path, target):
    other = tmp_path / "notes.tar.gz"
    other.write_bytes(gzip.compress(b"not a tar file at all" * 50))
    _refused(other, target, tmp_path / "restored", "hỏng hoặc không phải bản sao lưu")


def test_an_archive_of_a_newer_version_is_refused(made, target, tmp_path):
    _with_manifest(made, lambda described: described.update(app_version="99.1.0"))
    _refused(made, target, tmp_path / "restored", "Thi Đua 99.1.0, mới hơn")


def test_an_archive_with_an_unknown_migration_is_refused(made, target, tmp_path):
    _with_manifest(made, lambda described: described["migrations"].update(organization="0099_from_the_future"))
    _refused(made, target, tmp_path / "restored", "organization.0099_from_the_future")


def test_an_archive_of_a_newer_format_is_refused(made, target, tmp_path):
    _with_manifest(made, lambda described: described.update(format=2))
    _refused(made, target, tmp_path / "restored", "định dạng 2")


def test_a_postgresql_archive_is_not_restored_into_sqlite(made, target, tmp_path):
    _with_manifest(made, lambda described: described["database"].update(engine="postgresql"))
    _refused(made, target, tmp_path / "restored", "khôi phục chéo SQLite ↔ PostgreSQL không được hỗ trợ")


def test_a_target_file_that_is_no_database_is_left_alone(made, target, tmp_path):
    Path(target["NAME"]).parent.mkdir()
    Path(target["NAME"]).write_bytes(b"ghi chu, khong phai co so du lieu" * 200)
    with pytest.raises(BackupError, match="không đọc được như một cơ sở dữ liệu SQLite"):
        restore_archive(made, database=target, media_root=tmp_path / "restored")
    assert Path(target["NAME"]).read_bytes() == b"ghi chu, khong phai co so du lieu" * 200


def test_an_in_memory_database_is_no_target(made, tmp_path):
    in_memory = {"ENGINE": "django.db.backends.sqlite3", "NAME": "file:memorydb_default?mode=memory&cache=shared"}
    with pytest.raises(BackupError, match="trong bộ nhớ"):
        restore_archive(made, database=in_memory, media_root=tmp_path / "restored")


def test_version_order():
    assert manifest.version_key("0.10.0") > manifest.version_key("0.9.3")
    assert manifest.version_key("1.0.0rc1") == (1, 0, 0)
