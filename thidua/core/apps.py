from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "thidua.core"
    verbose_name = "Hệ thống"

    def ready(self) -> None:
        from thidua.core import db_functions

        db_functions.register_sqlite_functions()
