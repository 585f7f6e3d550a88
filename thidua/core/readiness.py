"""Is the database ready for the app? One sentence for the operator when it is not: it
cannot be opened, it was never created, or migrations are waiting."""

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.utils import DatabaseError


def database_problem(alias: str = DEFAULT_DB_ALIAS) -> str | None:
    """What stops the app from using the database, in one line; None when it is ready."""
    connection = connections[alias]
    if not connection.in_atomic_block:
        connection.close()  # a failed transaction must not hide the real state
    name = connection.settings_dict.get("NAME")
    try:
        tables = connection.introspection.table_names()
    except DatabaseError as error:
        return f"không mở được cơ sở dữ liệu {name} ({error}). Kiểm tra DATABASE_URL."
    if "django_migrations" not in tables:
        return f"cơ sở dữ liệu {name} chưa được tạo. Chạy «thidua migrate» (hoặc «make run») rồi thử lại."
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        return (
            f"cơ sở dữ liệu {name} chưa được cập nhật: còn {len(pending)} bước chuyển đổi chưa chạy. "
            "Chạy «thidua migrate» rồi thử lại."
        )
    return None
