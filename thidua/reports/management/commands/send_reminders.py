"""`thidua send_reminders [--today YYYY-MM-DD]`: the daily reminder sweep. Safe to run
as often as wanted: a reminder already sent is never sent again, and an e-mail that
failed last time is tried again."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from thidua.reports.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Gửi lời nhắc hạn nộp báo cáo (trước hạn 7, 3, 1 ngày và khi quá hạn); chạy lại không gửi trùng."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Coi hôm nay là ngày này (YYYY-MM-DD), ví dụ để chạy bù.")
        parser.add_argument("--no-email", action="store_true", help="Chỉ tạo thông báo trong hệ thống, không gửi thư.")

    def handle(self, *args, today: str | None, no_email: bool, **options):
        day = _date(today) if today else None
        sweep = send_due_reminders(today=day, email=not no_email)
        self.stdout.write(
            f"Đã tạo {sweep.reminders} lời nhắc; gửi {sweep.mails} thư điện tử, {sweep.failed} thư lỗi (sẽ gửi lại), "
            f"gửi lại {sweep.retried} thư lỗi lần trước."
        )


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"Ngày «{text}» không đúng dạng YYYY-MM-DD.") from error
