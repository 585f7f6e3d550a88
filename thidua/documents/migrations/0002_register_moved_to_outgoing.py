"""The register of outgoing documents (numbers and issued documents) now belongs to the
`outgoing` app, which keeps its tables (`outgoing/0001`): removed from this app's
state only, nothing is dropped."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0001_initial'),
        ('outgoing', '0001_register_moved_from_documents'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='IssuedNumber'),
                migrations.DeleteModel(name='NumberCounter'),
            ],
            database_operations=[],
        ),
    ]
