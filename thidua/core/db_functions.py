"""`thidua_fold(text)`: the same search folding in SQL on both databases.

On PostgreSQL it is an immutable SQL function over `unaccent` (created by a migration),
so it can back an index; on SQLite the Python `fold` is registered under the same name
on every new connection."""

from django.db.backends.signals import connection_created
from django.db.models import CharField, Func

from thidua.core.text import fold


class Fold(Func):
    function = "thidua_fold"
    output_field = CharField()


def _register(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("thidua_fold", 1, fold, deterministic=True)


def register_sqlite_functions() -> None:
    connection_created.connect(_register, dispatch_uid="thidua_fold_sqlite")
