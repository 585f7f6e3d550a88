from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "thidua.core"
    verbose_name = _("Hệ thống")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import pre_save

        from thidua.core import db_functions
        from thidua.core.middleware import seen_at_sign_in
        from thidua.core.unicode_text import normalise_instance

        db_functions.register_sqlite_functions()
        user_logged_in.connect(seen_at_sign_in, dispatch_uid="thidua-seen-at-sign-in")
        # Every model's text in NFC (core/unicode_text.py): no sender, so every model.
        pre_save.connect(normalise_instance, dispatch_uid="thidua-text-nfc")
