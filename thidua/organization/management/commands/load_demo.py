from django.core.management.base import BaseCommand, CommandError

from thidua.organization.demo import ACCOUNTS, load_demo
from thidua.organization.models import Unit


class Command(BaseCommand):
    help = "Nạp cơ cấu tổ chức và tài khoản minh họa của Sở Tư pháp (chạy lại không tạo bản trùng)."

    def handle(self, *args, **options):
        agency = Unit.objects.filter(code="STP").first()
        if agency is None:
            raise CommandError("Chưa có đơn vị STP (Sở Tư pháp). Hãy chạy «thidua load_plan» trước.")
        summary = load_demo(agency)
        self.stdout.write(
            f"Dữ liệu minh họa: {summary['units']} đơn vị, thêm {summary['people_created']} cán bộ, "
            f"{summary['accounts']} tài khoản."
        )
        for account in ACCOUNTS:
            self.stdout.write(f"  {account.username:<14} {account.label}")
