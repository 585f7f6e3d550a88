"""What the apps' forms share: the browser's date picker, which sends YYYY-MM-DD (and
the dd/mm/yyyy a user may type by hand where the browser shows a plain box), and the
upload of an Excel workbook to import."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.core.uploads import validate_spreadsheet

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class WorkbookForm(forms.Form):
    """The Excel workbook to import: an .xlsx, with the checks of what it holds that
    every uploaded file passes (`uploads.validate_spreadsheet`) before it is opened."""

    file = forms.FileField(label=_("Tệp Excel (.xlsx)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(
                gettext("Chỉ nhận tệp Excel .xlsx. Hãy lưu tệp dưới dạng Excel Workbook (.xlsx).")
            )
        validate_spreadsheet(upload)
        return upload


def text_box(label, missing=None, *, rows: int = 3, **kwargs) -> forms.CharField:
    """A paragraph to write in a box of `rows` lines; `missing` is the message that
    says what to write when the box is required and left empty."""
    if missing is not None:
        kwargs["error_messages"] = {"required": missing}
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": rows}), **kwargs)
