"""The office's forms: the texts of one document type, and one legal basis."""

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import DateInput
from thidua.wording.registry import DocumentType


class TextsForm(forms.Form):
    """One field per text of the document, filled with the text in force."""

    def __init__(self, *args, document: DocumentType, **kwargs):
        super().__init__(*args, **kwargs)
        self.document = document
        in_force = document.in_force().raw
        for text in document.texts:
            rows = max(2, min(8, in_force[text.key].count("\n") + 2))
            help_parts = [text.help] if text.help else []
            if text.fields:
                help_parts.append(_("Chỗ điền: ") + ", ".join("{" + name + "}" for name in text.fields))
            if text.lines:
                help_parts.append(_("Mỗi dòng một mục."))
            self.fields[text.key] = forms.CharField(
                label=text.label,
                initial=in_force[text.key],
                required=False,
                strip=False,
                max_length=4000,
                widget=forms.Textarea(attrs={"rows": rows}),
                help_text=" ".join(str(part) for part in help_parts),
            )


class BasisForm(forms.Form):
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=64, help_text=_("Ví dụ 12/2024/QĐ-UBND"))
    signed_on = forms.DateField(label=_("Ngày ban hành"), widget=DateInput())
    issuer = forms.CharField(
        label=_("Cơ quan, người ban hành"), max_length=200, help_text=_("Ví dụ UBND tỉnh Tuyên Quang")
    )
    subject = forms.CharField(
        label=_("Trích yếu (sau tên cơ quan ban hành)"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Ví dụ: ban hành Quy định về công tác thi đua, khen thưởng trên địa bàn tỉnh Tuyên Quang"),
    )
