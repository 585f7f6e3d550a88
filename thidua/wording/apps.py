from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordingConfig(AppConfig):
    name = "thidua.wording"
    verbose_name = _("Câu chữ văn bản")

    def ready(self) -> None:
        # Each app declares its documents' fixed texts in its own `wording.py`, next to
        # the documents; importing them here fills the registry without this app
        # importing any app above it.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("wording")
