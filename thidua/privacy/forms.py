from django import forms
from django.utils.translation import gettext_lazy as _


class AnonymiseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Tôi hiểu rằng việc ẩn danh hóa không thể hoàn tác."),
        error_messages={"required": _("Hãy đánh dấu ô xác nhận để ẩn danh hóa: việc này không thể hoàn tác.")},
    )
