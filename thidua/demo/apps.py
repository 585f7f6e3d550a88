from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "thidua.demo"
    verbose_name = _("Dữ liệu minh họa")
