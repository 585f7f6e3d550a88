from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HonoursConfig(AppConfig):
    name = "thidua.honours"
    verbose_name = _("Tôn vinh điển hình")
