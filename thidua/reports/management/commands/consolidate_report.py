"""`thidua consolidate_report --period ID --output FILE.docx|FILE.xlsx`: consolidate a
reporting period from the accepted unit reports and the recorded data, and write the
department's report as Word (official layout) or its figures as Excel."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import override

from thidua.reports.consolidated_report_docx import ConsolidatedReportDocx
from thidua.reports.consolidated_report_xlsx import ConsolidatedReportXlsx
from thidua.reports.consolidation import consolidate
from thidua.reports.models import ConsolidatedReport, ReportingPeriod


class Command(BaseCommand):
    help = "Lập báo cáo tổng hợp của một kỳ báo cáo và ghi ra tệp .docx (văn bản) hoặc .xlsx (số liệu)."

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, type=int, help="Mã số (ID) của kỳ báo cáo.")
        parser.add_argument("--output", required=True, type=Path, help="Tệp .docx hoặc .xlsx sẽ ghi ra.")

    def handle(self, *args, period: int, output: Path, **options):
        if output.suffix.lower() not in (".docx", ".xlsx"):
            raise CommandError("Tệp ra phải có đuôi .docx hoặc .xlsx.")
        chosen = ReportingPeriod.objects.select_related("plan__issuer").filter(pk=period).first()
        if chosen is None:
            raise CommandError(f"Không có kỳ báo cáo mã số {period}.")
        report = self._report(chosen)
        with override("vi"):
            data = (
                ConsolidatedReportDocx(report).render()
                if output.suffix.lower() == ".docx"
                else ConsolidatedReportXlsx(report, report.dispatches.all()).render()
            )
        try:
            output.write_bytes(data)
        except OSError as error:
            raise CommandError(f"Không ghi được tệp {output}: {error.strerror}.") from error
        self.stdout.write(f"Đã ghi {output}")

    def _report(self, period: ReportingPeriod) -> ConsolidatedReport:
        """Consolidated afresh, unless already issued: an issued report is written as issued."""
        issued = ConsolidatedReport.objects.filter(period=period).exclude(number_symbol="").first()
        if issued:
            return issued
        try:
            return consolidate(period=period, actor=None)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
