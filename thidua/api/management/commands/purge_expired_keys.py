"""`thidua purge_expired_keys`: forgets API Idempotency-Keys and page form tokens older
than 24 hours. Run by beat every hour, or by cron/the systemd timer without Redis; an
expired key is ignored even before it is purged, so missing a run changes nothing."""

from django.core.management.base import BaseCommand

from thidua.api import idempotency
from thidua.core import form_tokens


class Command(BaseCommand):
    help = "Xóa các khóa Idempotency-Key của API và mã một lần của biểu mẫu đã quá 24 giờ."

    def handle(self, *args, **options):
        keys, tokens = idempotency.purge_expired(), form_tokens.purge_expired()
        self.stdout.write(f"Đã xóa {keys} khóa Idempotency-Key và {tokens} mã biểu mẫu quá hạn.")
