"""The first versions of the catalogue and the eligibility rules (`docs/law.md`).
Only missing rows are added, so re-running never overwrites the office's edits."""

from django.db import migrations


def seed(apps, schema_editor):
    from thidua.commendation.seeding import load_catalogue

    load_catalogue(apps)


class Migration(migrations.Migration):

    dependencies = [
        ("commendation", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
