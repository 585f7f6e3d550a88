"""Where archives go, what they are called, which old ones are deleted, and the nightly
job that makes them."""

import datetime
import stat
from unittest import mock

import pytest
from django.core.management import call_command

from thidua.backups.backup import archive_path, make_backup, prune
from thidua.backups.errors import BackupError

# 19:30 UTC is 02:30 the next morning in Asia/Ho_Chi_Minh.
NIGHT = datetime.datetime(2026, 12, 6, 19, 30, tzinfo=datetime.UTC)


def test_default_folder_and_name(settings, tmp_path):
    settings.BACKUP_DIR = tmp_path / "var" / "backups"
    path = archive_path(None, NIGHT)
    assert path == tmp_path / "var" / "backups" / "thidua-backup-20261207-023000.tar.gz"
    assert path.parent.is_dir()


def test_output_may_name_the_file_or_a_folder(tmp_path):
    assert archive_path(tmp_path / "usb" / "truoc-nang-cap.tar.gz", NIGHT) == tmp_path / "usb" / "truoc-nang-cap.tar.gz"
    assert archive_path(tmp_path / "usb", NIGHT).name == "thidua-backup-20261207-023000.tar.gz"
    with pytest.raises(BackupError, match="backup.zip"):
        archive_path(tmp_path / "backup.zip", NIGHT)


@pytest.mark.django_db(transaction=True)
def test_the_archive_is_private_and_never_overwritten(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    made = make_backup(tmp_path / "out", now=NIGHT)
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    first = made.path.read_bytes()
    with pytest.raises(BackupError, match="đã có"):
        make_backup(tmp_path / "out", now=NIGHT)
    assert made.path.read_bytes() == first
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [made.path.name]  # no temporary left


@pytest.mark.django_db(transaction=True)
def test_no_archive_inside_the_media_folder(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    with pytest.raises(BackupError, match="MEDIA_ROOT"):
        make_backup(tmp_path / "media" / "backups")
    assert not list((tmp_path / "media" / "backups").glob("*.tar.gz"))


@pytest.mark.django_db(transaction=True)
def test_files_kept_outside_media_root_are_named_as_not_in_the_archive(tmp_path, settings, capsys):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage"}}
    call_command("backup", "--output", str(tmp_path / "out"))
    assert "storages.backends.s3.S3Storage" in capsys.readouterr().err


def test_prune_keeps_the_newest_and_touches_nothing_else(tmp_path):
    names = [
        "thidua-backup-20261201-020000.tar.gz",
        "thidua-backup-20261203-020000.tar.gz",
        "thidua-backup-20261202-020000.tar.gz",
        "thidua-backup-20261204-020000.tar.gz",
    ]
    others = [
        "thidua-backup-20250101-020000.tar.gz.partial",
        "truoc-nang-cap.tar.gz",
        "ghi-chu.txt",
        "thidua-backup-2025.tar.gz",
    ]
    for name in names + others:
        (tmp_path / name).write_bytes(b"x")

    removed = prune(tmp_path, keep=2)

    assert sorted(path.name for path in removed) == names[:1] + names[2:3]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([names[1], names[3], *others])
    assert prune(tmp_path, keep=0) == [] and len(list(tmp_path.iterdir())) == 6


def test_beat_makes_a_backup_every_night_at_backup_hour(settings):
    from thidua.celery import _defaults

    settings.BACKUP_HOUR = 3
    entry = _defaults()["beat_schedule"]["backup-daily"]
    assert entry["task"] == "thidua.jobs.backup"
    assert entry["schedule"].hour == {3} and entry["schedule"].minute == {0}


def test_the_nightly_task_backs_up_and_prunes():
    from thidua.jobs import tasks

    with mock.patch("thidua.jobs.tasks.call_command") as command:
        tasks.backup()
    command.assert_called_once_with("backup", "--prune")
