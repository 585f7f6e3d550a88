"""`thidua import_organization FILE.xlsx`: import units and people from the Excel
template, all or nothing. Prints the counts, or every error with its row and column."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from thidua.organization.importing import import_workbook


class Command(BaseCommand):
    help = "Nhập đơn vị và cán bộ từ tệp Excel (.xlsx) theo tệp mẫu; có lỗi thì không nhập gì."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Tệp Excel .xlsx theo tệp mẫu.")
        parser.add_argument(
            "--user",
            default=None,
            help="Tên đăng nhập ghi vào nhật ký là người nhập (mặc định: để trống).",
        )

    def handle(self, *args, file: Path, user: str | None, **options):
        if not file.is_file():
            raise CommandError(f"Không tìm thấy tệp {file}.")
        with file.open("rb") as handle:
            result = import_workbook(handle, actor=self._actor(user))
        if result.errors:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(f"Không nhập gì: tệp có {len(result.errors)} lỗi, hãy sửa rồi nhập lại.")
        self.stdout.write(self.style.SUCCESS(result.summary()))

    def _actor(self, username: str | None):
        if username is None:
            return None
        actor = get_user_model().objects.filter(username=username).first()
        if actor is None:
            raise CommandError(f"Không có tài khoản «{username}».")
        return actor
