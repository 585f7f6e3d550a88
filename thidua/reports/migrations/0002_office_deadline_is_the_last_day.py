"""The office's deadline of a yearly period is now the last day on time. Periods opened
before took the day the plan writes ("trước ngày 15/12" gave 15/12), which is already
late; those still holding exactly that day move to the day before."""

import datetime

from django.db import migrations


def to_last_day(apps, schema_editor):
    period_model = apps.get_model("reports", "ReportingPeriod")
    duty_model = apps.get_model("plans", "ReportDuty")
    for period in period_model.objects.filter(kind="annual", office_due_date__isnull=False):
        duty = duty_model.objects.filter(plan_id=period.plan_id).order_by("order", "id").first()
        if duty is None or duty.due_wording != "before":
            continue
        written = datetime.date(period.year, duty.due_month, duty.due_day)
        if period.office_due_date == written:
            period.office_due_date = written - datetime.timedelta(days=1)
            period.save(update_fields=["office_due_date"])


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("plans", "0004_report_duty_wording_and_plan_dispatch"),
    ]

    operations = [migrations.RunPython(to_last_day, migrations.RunPython.noop)]
