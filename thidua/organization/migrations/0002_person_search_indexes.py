"""Indexes behind the people search (`PersonQuerySet.search`), on PostgreSQL only.

The search folds each name with `thidua_fold` and looks for every typed word anywhere
in it (`LIKE '%word%'`), or for the word as a person's code (`UPPER(code) = UPPER(word)`).
A trigram GIN index on the folded name serves the first, a b-tree on the upper-cased
code the second; with both, PostgreSQL combines them (BitmapOr per word, BitmapAnd
across words) instead of folding all 50,000 names of a province on every search
(bench/RESULTS.md: 400 ms → 4 ms). SQLite has no such indexes and keeps its plain scan."""

from django.db import migrations

CREATE = [
    "CREATE INDEX IF NOT EXISTS person_folded_name_trgm ON organization_person "
    "USING gin (thidua_fold(full_name) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS person_code_upper ON organization_person (upper(code))",
]
DROP = ["DROP INDEX IF EXISTS person_folded_name_trgm", "DROP INDEX IF EXISTS person_code_upper"]


class PostgresOnlySQL(migrations.RunSQL):
    """RunSQL that does nothing on another database."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("organization", "0001_initial"),
        ("core", "0003_fold_function"),  # thidua_fold and pg_trgm
    ]
    operations = [PostgresOnlySQL(sql=CREATE, reverse_sql=DROP)]
