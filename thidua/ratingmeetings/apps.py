from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RatingMeetingsConfig(AppConfig):
    name = "thidua.ratingmeetings"
    verbose_name = _("Họp bình xét thi đua của đơn vị")
