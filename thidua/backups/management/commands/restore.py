"""`thidua restore ARCHIVE`: restore a backup into an empty database and an empty media
folder, after checking every checksum; then compare the row counts with the manifest.
Stop the web, worker and beat services first (docs/operations.md).

`thidua restore --check ARCHIVE` only checks the archive and changes nothing."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils.translation import gettext as _

from thidua.backups.errors import BackupError
from thidua.backups.restore import check_archive, restore_archive


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu (.tar.gz) vào cơ sở dữ liệu trống và thư mục tệp đính kèm trống, "
        "sau khi kiểm tra tổng kiểm của từng tệp."
    )
    # Nothing here may open the database: an SQLite file is replaced under it.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="Tệp sao lưu do thidua backup tạo.")
        parser.add_argument(
            "--check",
            action="store_true",
            help="Chỉ kiểm tra tổng kiểm và phiên bản của bản sao lưu, không khôi phục gì.",
        )

    def handle(self, *args, archive: Path, check: bool, **options):
        if check:
            self._check(archive)
            return
        database = dict(connections["default"].settings_dict)
        connections.close_all()
        try:
            restored = restore_archive(
                archive, database=database, media_root=Path(settings.MEDIA_ROOT), say=self.stdout.write
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        finally:
            connections.close_all()
        manifest = restored.manifest
        if restored.mismatches:
            shown = "; ".join(
                f"{table}: {expected} → {found}"
                for table, (expected, found) in sorted(restored.mismatches.items())[:10]
            )
            raise CommandError(
                _(
                    "Đã khôi phục nhưng số dòng của %(n)s bảng khác bản kê (%(shown)s): đừng dùng cơ sở "
                    "dữ liệu này, hãy kiểm tra bản sao lưu."
                )
                % {"n": len(restored.mismatches), "shown": shown}
            )
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Đã khôi phục bản sao lưu lúc %(created)s (Thi Đua %(version)s, "
                    "%(engine)s): %(tables)s bảng, %(rows)s "
                    "dòng, %(files)s tệp đính kèm; số dòng từng bảng khớp với bản kê."
                )
                % {
                    "created": manifest["created_at"],
                    "version": manifest["app_version"],
                    "engine": manifest["database"]["engine"],
                    "tables": len(manifest["row_counts"]),
                    "rows": restored.rows,
                    "files": restored.media_files,
                }
            )
        )
        self.stdout.write(
            _(
                "Tiếp theo: chạy «thidua migrate» (đưa cơ sở dữ liệu lên phiên bản mã nguồn đang cài), "
                "rồi khởi động lại các dịch vụ."
            )
        )

    def _check(self, archive: Path) -> None:
        try:
            manifest = check_archive(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        media = sum(name.startswith("media/") for name in manifest["files"])
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Bản sao lưu %(path)s nguyên vẹn: tạo lúc %(created)s (Thi Đua %(version)s, "
                    "%(engine)s), %(tables)s bảng, "
                    "%(rows)s dòng, %(files)s tệp đính kèm; mọi tổng kiểm SHA-256 đều khớp."
                )
                % {
                    "path": archive,
                    "created": manifest["created_at"],
                    "version": manifest["app_version"],
                    "engine": manifest["database"]["engine"],
                    "tables": len(manifest["row_counts"]),
                    "rows": sum(manifest["row_counts"].values()),
                    "files": media,
                }
            )
        )
