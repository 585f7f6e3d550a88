from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "thidua.core"
    verbose_name = _("Hệ thống")

    def ready(self) -> None:
        from thidua.core import db_functions

        db_functions.register_sqlite_functions()
