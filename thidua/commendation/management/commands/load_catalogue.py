"""`thidua load_catalogue`: add the missing titles, forms and eligibility rules of the
first stored versions; stored rows are never changed."""

from django.core.management.base import BaseCommand

from thidua.commendation.seeding import load_catalogue


class Command(BaseCommand):
    help = "Nạp danh mục danh hiệu, hình thức khen thưởng và quy tắc xét điều kiện (chỉ thêm phần còn thiếu)."

    def handle(self, *args, **options):
        created = load_catalogue()
        self.stdout.write(f"Danh mục: thêm {created['awards']} danh hiệu/hình thức, {created['rules']} quy tắc.")
