"""Back up the test database (SQLite, or PostgreSQL when DATABASE_URL is set) and its
uploaded files, restore into an empty database and an empty folder, and find the same
rows in every table and the same bytes in every file."""

import hashlib
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from tests.backups.conftest import MEDIA, checksums, query
from thidua.backups.backup import ARCHIVE_NAME, make_backup
from thidua.backups.errors import BackupError
from thidua.backups.restore import restore_archive
from thidua.core.history import save_with_history
from thidua.organization.models import Unit
from thidua.plans.loading import load_plan

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def data(org):
    """The personas' department, the real plan, and an edit in the activity log."""
    load_plan()
    unit = org.units.b
    unit.name = "Trung tâm Trợ giúp pháp lý nhà nước"
    save_with_history(unit, actor=org.users.officer)
    return org


def _source_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


def test_restore_gives_back_every_row_and_every_file(data, source_media, target, tmp_path):
    made = make_backup(tmp_path / "backups")
    assert ARCHIVE_NAME.match(made.path.name)
    restored_media = tmp_path / "restored-media"

    restored = restore_archive(made.path, database=target, media_root=restored_media)

    source = _source_counts()
    assert restored.mismatches == {}
    assert made.manifest["row_counts"] == source
    target_counts = {table: query(target, f'SELECT COUNT(*) FROM "{table}"')[0][0] for table in source}
    assert target_counts == source
    assert source["organization_unit"] == 6 and source["organization_user"] == 6
    assert source["core_activitylog"] >= 1 and source["plans_criterion"] > 0
    names = query(target, "SELECT name FROM organization_unit WHERE code = 'TGPL'")
    assert names == [("Trung tâm Trợ giúp pháp lý nhà nước",)]
    assert checksums(restored_media) == checksums(source_media)
    assert len(checksums(restored_media)) == len(MEDIA) == restored.media_files


def test_manifest_describes_the_archive(data, source_media, tmp_path):
    manifest = make_backup(tmp_path).manifest

    assert manifest["format"] == 1 and manifest["app_version"] == "0.1.0"
    assert manifest["database"]["engine"] == ("sqlite" if connection.vendor == "sqlite" else "postgresql")
    latest = MigrationLoader(connection).graph.leaf_nodes()
    assert {app: name for app, name in latest if app in ("core", "organization")} == {
        "core": manifest["migrations"]["core"],
        "organization": manifest["migrations"]["organization"],
    }
    assert manifest["row_counts"]["organization_person"] == 7
    pdf = "media/minh-chung/2026/bien-ban-hop.pdf"
    assert manifest["files"][pdf] == {"sha256": hashlib.sha256(MEDIA[pdf[6:]]).hexdigest(), "size": len(MEDIA[pdf[6:]])}
    assert manifest["database"]["file"] in manifest["files"]


def test_a_database_with_data_is_refused(data, source_media, target, tmp_path):
    made = make_backup(tmp_path / "backups")
    restore_archive(made.path, database=target, media_root=tmp_path / "first")
    units_before = query(target, "SELECT COUNT(*) FROM organization_unit")

    with pytest.raises(BackupError, match=r"đã có dữ liệu.*organization_unit \(6\)"):
        restore_archive(made.path, database=target, media_root=tmp_path / "second")

    assert query(target, "SELECT COUNT(*) FROM organization_unit") == units_before
    assert not (tmp_path / "second").exists()


def test_a_media_folder_with_files_is_refused(data, source_media, target, tmp_path):
    made = make_backup(tmp_path / "backups")
    occupied = tmp_path / "occupied"
    (occupied / "old").mkdir(parents=True)
    (occupied / "old" / "scan.pdf").write_bytes(b"%PDF")

    with pytest.raises(BackupError, match="scan.pdf"):
        restore_archive(made.path, database=target, media_root=occupied)

    assert checksums(occupied) == {"old/scan.pdf": hashlib.sha256(b"%PDF").hexdigest()}
    assert _untouched(target)


def _untouched(target) -> bool:
    if target["ENGINE"].endswith("sqlite3"):
        return not Path(target["NAME"]).exists()
    return query(target, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()") == [(0,)]


def test_the_commands_back_up_prune_and_refuse_a_database_in_use(data, source_media, tmp_path, settings, capsys):
    settings.BACKUP_KEEP = 1
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "thidua-backup-20200101-020000.tar.gz").write_bytes(b"old")

    call_command("backup", "--output", str(folder), "--prune")

    output = capsys.readouterr().out
    assert "Đã sao lưu vào" in output and "4 tệp đính kèm" in output
    assert "Đã xóa bản sao lưu cũ thidua-backup-20200101-020000.tar.gz" in output
    archives = sorted(folder.iterdir())
    assert len(archives) == 1 and ARCHIVE_NAME.match(archives[0].name)
    call_command("restore", "--check", str(archives[0]))
    checked = capsys.readouterr().out
    assert "nguyên vẹn" in checked and "4 tệp đính kèm" in checked and "Thi Đua 0.1.0" in checked
    # The test database holds the department: restoring over it is refused.
    with pytest.raises(Exception, match="Không khôi phục"):
        call_command("restore", str(archives[0]))
    assert Unit.objects.count() == 6
