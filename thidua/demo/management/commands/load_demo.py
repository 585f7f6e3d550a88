from importlib import import_module

from django.core.management.base import BaseCommand, CommandError

from thidua.demo.organization import ACCOUNTS, load_demo
from thidua.organization.models import Unit
from thidua.plans.models import Plan

# Each chapter of the demo year, in the order the story happens: registrations in
# May, results and indicators through the year, initiatives scored in October, reports,
# difficulties and self-inspection, then the ratings, scoring and awards of the year's
# end and what the office publishes.
STORY = [
    "thidua.demo.registrations",
    "thidua.demo.results",
    "thidua.demo.indicators",
    "thidua.demo.initiatives",
    "thidua.demo.reports",
    "thidua.demo.difficulties",
    "thidua.demo.inspections",
    "thidua.demo.commendation",
    "thidua.demo.proposals",
    "thidua.demo.evaluation",
    "thidua.demo.honours",
    "thidua.demo.reviews",
]


class Command(BaseCommand):
    help = "Nạp đơn vị, cán bộ, tài khoản và năm 2026 minh họa của Sở Tư pháp (chạy lại không tạo bản trùng)."

    def handle(self, *args, **options):
        agency = Unit.objects.filter(code="STP").first()
        plan = Plan.objects.current()
        if agency is None or plan is None:
            raise CommandError("Chưa có kế hoạch và đơn vị STP (Sở Tư pháp). Hãy chạy «thidua load_plan» trước.")
        summary = load_demo(agency)
        self.stdout.write(
            f"Dữ liệu minh họa: {summary['units']} đơn vị, thêm {summary['people_created']} cán bộ, "
            f"{summary['accounts']} tài khoản."
        )
        for module in STORY:
            self.stdout.write(import_module(module).load(plan))
        self.stdout.write("Tài khoản minh họa:")
        for account in ACCOUNTS:
            self.stdout.write(f"  {account.username:<14} {account.label}")
