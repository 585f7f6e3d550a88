from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "thidua.jobs"
    verbose_name = _("Tác vụ nền")
