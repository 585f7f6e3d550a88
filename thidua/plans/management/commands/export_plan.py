"""`thidua export_plan --output FILE.docx [--plan CODE]`: write the plan as a Word
document in the official layout, e.g. to print it or to send it for signing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.plans.models import Plan
from thidua.plans.plan_docx import PlanDocx


class Command(BaseCommand):
    help = "Xuất kế hoạch thi đua ra tệp Word (.docx) theo thể thức Nghị định 30/2020/NĐ-CP."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, type=Path, help="Tệp .docx sẽ ghi ra.")
        parser.add_argument("--plan", metavar="CODE", help="Mã kế hoạch (mặc định: kế hoạch của năm hiện tại).")

    def handle(self, *args, output: Path, plan: str | None, **options):
        chosen = _plan(plan)
        try:
            output.write_bytes(PlanDocx(chosen).render())
        except OSError as error:
            raise CommandError(f"Không ghi được tệp {output}: {error.strerror}.") from error
        self.stdout.write(f"Đã ghi {output}")


def _plan(code: str | None) -> Plan:
    if code:
        found = Plan.objects.filter(code=code).first()
        if found is None:
            raise CommandError(f"Không có kế hoạch mã “{code}”.")
        return found
    current = Plan.objects.current()
    if current is None:
        raise CommandError("Chưa có kế hoạch nào; hãy nạp kế hoạch trước (thidua load_plan).")
    return current
