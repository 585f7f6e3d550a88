from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DifficultiesConfig(AppConfig):
    name = "thidua.difficulties"
    verbose_name = _("Khó khăn, vướng mắc")
