"""The name as awarded, on each award of a person in the register (`AwardRecord`), so
that anonymising a person who has left keeps the register of awards whole. Existing
awards take the person's present name."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill_names(apps, schema_editor):
    AwardRecord = apps.get_model("commendation", "AwardRecord")
    Person = apps.get_model("organization", "Person")
    name = Subquery(Person.objects.filter(pk=OuterRef("person_id")).values("full_name")[:1])
    AwardRecord.objects.filter(person__isnull=False, recipient_name="").update(recipient_name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("commendation", "0003_list_order_indexes"),
        ("organization", "0004_person_anonymisation"),
    ]

    operations = [
        migrations.AddField(
            model_name="awardrecord",
            name="recipient_name",
            field=models.CharField(blank=True, max_length=200, verbose_name="họ và tên người được khen thưởng"),
        ),
        migrations.RunPython(fill_names, migrations.RunPython.noop),
    ]
