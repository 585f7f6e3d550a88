from django import forms
from django.utils.translation import gettext_lazy as _

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ScheduleForm(forms.Form):
    review_date = forms.DateField(label=_("Ngày chốt số liệu"), input_formats=DATE_FORMATS, widget=DateInput(),
                                  error_messages={"required": _("Hãy chọn ngày chốt số liệu."),
                                                  "invalid": _("Ngày không hợp lệ; hãy nhập theo dạng ngày/tháng/năm.")})
