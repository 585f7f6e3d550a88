"""The office's forms of the register, and the number field of every issuing form."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.core import params
from thidua.core.forms import DateInput
from thidua.organization.models import Unit
from thidua.outgoing.models import DocumentType
from thidua.outgoing.numbering import agency_symbol, format_number, next_number

YEAR_MIN, YEAR_MAX = params.YEARS
NUMBER_MAX = 99999


def number_field(agency: Unit | None, doc_type: str, on: datetime.date | None = None) -> forms.IntegerField:
    """The optional number of an issuing form: empty takes the next free number, which
    the help text proposes; a number already in the register is refused by the service."""
    help_text = _("Để trống để lấy số tiếp theo trong sổ văn bản đi.")
    if agency is not None:
        year = (on or timezone.localdate()).year
        proposed = format_number(next_number(agency, doc_type, year), doc_type, agency_symbol(agency))
        help_text = gettext("Để trống để lấy số tiếp theo còn trống: %(number)s.") % {"number": proposed}
    return forms.IntegerField(
        label=_("Số văn bản"), required=False, min_value=1, max_value=NUMBER_MAX, help_text=help_text
    )


class OutsideNumberForm(forms.Form):
    doc_type = forms.ChoiceField(label=_("Loại văn bản"), choices=DocumentType.choices)
    number = forms.IntegerField(label=_("Số đã cấp"), min_value=1, max_value=NUMBER_MAX)
    date = forms.DateField(label=_("Ngày văn bản"), widget=DateInput())
    subject = forms.CharField(label=_("Trích yếu"), max_length=500)


class NextNumberForm(forms.Form):
    doc_type = forms.ChoiceField(label=_("Loại văn bản"), choices=DocumentType.choices)
    year = forms.IntegerField(label=_("Năm"), min_value=YEAR_MIN, max_value=YEAR_MAX)
    number = forms.IntegerField(label=_("Số tiếp theo"), min_value=1, max_value=NUMBER_MAX)


class SignedCopyForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp PDF đã ký"),
        help_text=_("Bản quét của bản giấy đã ký, hoặc tệp PDF đã ký số bằng USB token."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
    )
