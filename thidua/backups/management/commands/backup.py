"""`thidua backup [--output FOLDER_OR_FILE.tar.gz] [--prune]`: one archive with the
database, every uploaded file and a manifest with checksums (docs/operations.md)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from thidua.backups import backup as backups
from thidua.backups.errors import BackupError


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và mọi tệp đính kèm vào một tệp .tar.gz, kèm bản kê có tổng kiểm SHA-256."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", type=Path, default=None, help="Thư mục (mặc định BACKUP_DIR) hoặc tên tệp .tar.gz."
        )
        parser.add_argument(
            "--prune",
            action="store_true",
            help="Sau khi sao lưu, xóa các bản cũ nhất trong thư mục đó, giữ BACKUP_KEEP bản mới nhất.",
        )

    def handle(self, *args, output: Path | None, prune: bool, **options):
        try:
            backup = backups.make_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                _("Đã sao lưu vào %(path)s (%(size)s): %(tables)s bảng, %(rows)s dòng, %(files)s tệp đính kèm.")
                % {
                    "path": backup.path,
                    "size": filesizeformat(backup.path.stat().st_size),
                    "tables": len(backup.manifest["row_counts"]),
                    "rows": backup.rows,
                    "files": backup.media_files,
                }
            )
        )
        storage = settings.STORAGES["default"]["BACKEND"]
        if storage != "django.core.files.storage.FileSystemStorage":
            self.stderr.write(
                _(
                    "Chú ý: tệp đính kèm được lưu ở %(storage)s, không nằm trong MEDIA_ROOT, nên không có trong "
                    "bản sao lưu này: hãy sao lưu kho đó bằng công cụ của nhà cung cấp."
                )
                % {"storage": storage}
            )
        if prune:
            for removed in backups.prune(backup.path.parent, settings.BACKUP_KEEP):
                self.stdout.write(_("Đã xóa bản sao lưu cũ %(name)s.") % {"name": removed.name})
