from django.core.management.base import BaseCommand

from thidua.core.translations import compile_all


class Command(BaseCommand):
    help = "Biên dịch các tệp bản dịch (.po → .mo) mà không cần gettext."

    def handle(self, *args, **options):
        written = compile_all()
        self.stdout.write(f"Đã biên dịch {len(written)} tệp bản dịch." if written else "Bản dịch đã mới nhất.")
