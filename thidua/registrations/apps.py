from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "thidua.registrations"
    verbose_name = _("Đăng ký thi đua")
