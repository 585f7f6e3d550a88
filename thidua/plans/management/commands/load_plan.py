"""`thidua load_plan [PATH]`: store a plan from its YAML file, once.

Run on every start of the application; a plan already stored is left as the office
edited it."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.plans.loading import DEFAULT_PLAN_FILE, PlanFileError, load_plan


class Command(BaseCommand):
    help = "Nạp kế hoạch thi đua từ tệp YAML (mặc định: kế hoạch của Sở Tư pháp tỉnh Tuyên Quang)."

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            type=Path,
            default=DEFAULT_PLAN_FILE,
            help=f"Tệp kế hoạch (mặc định: {DEFAULT_PLAN_FILE}).",
        )

    def handle(self, *args, path: Path, **options):
        try:
            plan, created = load_plan(path)
        except PlanFileError as error:
            raise CommandError(str(error)) from error
        if created:
            self.stdout.write(self.style.SUCCESS(f"Đã nạp kế hoạch “{plan.code}” từ tệp {path}."))
        else:
            self.stdout.write(f"Kế hoạch “{plan.code}” đã có sẵn; giữ nguyên, không thay đổi gì.")
