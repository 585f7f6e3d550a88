"""The register of outgoing documents (sổ văn bản đi) leaves the `documents` app for
its own app. Its tables keep their names (`db_table`), so nothing in the database
changes: the models are only added to this app's state (`documents/0002` removes them
from that app's state), and their content types are renamed so that the activity
log's rows and the permissions about them follow the models."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

MODELS = ["issuednumber", "numbercounter"]


def _relabel(apps, schema_editor, old: str, new: str) -> None:
    content_types = apps.get_model("contenttypes", "ContentType").objects.using(schema_editor.connection.alias)
    for model in MODELS:
        # A fresh database has no content types yet (they are made after migrating).
        if not content_types.filter(app_label=new, model=model).exists():
            content_types.filter(app_label=old, model=model).update(app_label=new)


def forwards(apps, schema_editor):
    _relabel(apps, schema_editor, "documents", "outgoing")


def backwards(apps, schema_editor):
    _relabel(apps, schema_editor, "outgoing", "documents")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('documents', '0001_initial'),
        ('organization', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='IssuedNumber',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('doc_type', models.CharField(choices=[('BC', 'Báo cáo'), ('KH', 'Kế hoạch'), ('QĐ', 'Quyết định'), ('TTr', 'Tờ trình'), ('BB', 'Biên bản'), ('TB', 'Thông báo'), ('HD', 'Hướng dẫn'), ('GM', 'Giấy mời')], max_length=8, verbose_name='loại văn bản')),
                        ('year', models.PositiveSmallIntegerField(verbose_name='năm')),
                        ('number', models.PositiveIntegerField(verbose_name='số')),
                        ('number_symbol', models.CharField(max_length=64, verbose_name='số, ký hiệu')),
                        ('subject', models.CharField(max_length=500, verbose_name='trích yếu')),
                        ('issued_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='thời điểm cấp số')),
                        ('agency', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organization.unit', verbose_name='cơ quan ban hành')),
                        ('issued_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='người cấp số')),
                    ],
                    options={
                        'db_table': 'documents_issuednumber',
                        'verbose_name': 'số văn bản đã cấp',
                        'verbose_name_plural': 'số văn bản đã cấp',
                        'ordering': ['-year', 'doc_type', '-number'],
                        'constraints': [models.UniqueConstraint(fields=('agency', 'doc_type', 'year', 'number'), name='issued_number_unique')],
                    },
                ),
                migrations.CreateModel(
                    name='NumberCounter',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('doc_type', models.CharField(choices=[('BC', 'Báo cáo'), ('KH', 'Kế hoạch'), ('QĐ', 'Quyết định'), ('TTr', 'Tờ trình'), ('BB', 'Biên bản'), ('TB', 'Thông báo'), ('HD', 'Hướng dẫn'), ('GM', 'Giấy mời')], max_length=8, verbose_name='loại văn bản')),
                        ('year', models.PositiveSmallIntegerField(verbose_name='năm')),
                        ('last', models.PositiveIntegerField(default=0, verbose_name='số đã cấp gần nhất')),
                        ('agency', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organization.unit', verbose_name='cơ quan ban hành')),
                    ],
                    options={
                        'db_table': 'documents_numbercounter',
                        'verbose_name': 'bộ đếm số văn bản',
                        'verbose_name_plural': 'bộ đếm số văn bản',
                        'constraints': [models.UniqueConstraint(fields=('agency', 'doc_type', 'year'), name='number_counter_unique')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
