"""An adoption says since when the unit applies the initiative, with what result and
evidence: the short note becomes the result, and the date is taken from the day the
unit marked it for the rows already there."""

from django.db import migrations, models


def _applied_on_marked_day(apps, schema_editor):
    adoption = apps.get_model("initiatives", "Adoption")
    for row in adoption.objects.filter(applied_on__isnull=True):
        row.applied_on = row.created_at.date()
        row.save(update_fields=["applied_on"])


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0002_library_order_index"),
    ]

    operations = [
        migrations.RenameField(model_name="adoption", old_name="note", new_name="result"),
        migrations.AddField(
            model_name="adoption",
            name="applied_on",
            field=models.DateField(null=True, verbose_name="ngày áp dụng"),
        ),
        migrations.RunPython(_applied_on_marked_day, migrations.RunPython.noop),
    ]
