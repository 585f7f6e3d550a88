from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverviewConfig(AppConfig):
    name = "thidua.overview"
    verbose_name = _("Tổng quan phong trào")
