from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import DATE_FORMATS, DateInput


class ScheduleForm(forms.Form):
    review_date = forms.DateField(
        label=_("Ngày chốt số liệu"),
        input_formats=DATE_FORMATS,
        widget=DateInput(),
        error_messages={
            "required": _("Hãy chọn ngày chốt số liệu."),
            "invalid": _("Ngày không hợp lệ; hãy nhập theo dạng ngày/tháng/năm."),
        },
    )
