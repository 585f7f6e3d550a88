from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "thidua.plans"
    verbose_name = _("Kế hoạch thi đua")
