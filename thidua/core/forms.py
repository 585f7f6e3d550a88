"""What the apps' forms share: the browser's date picker, which sends YYYY-MM-DD, and
the dd/mm/yyyy a user may type by hand where the browser shows a plain box."""

from django import forms

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)
