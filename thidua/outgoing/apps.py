from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutgoingConfig(AppConfig):
    name = "thidua.outgoing"
    verbose_name = _("Sổ văn bản đi")
