"""Forms of the office's honours pages. They shape input; the services decide."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from thidua.core.actions import add_errors
from thidua.honours.models import OutstandingExample
from thidua.organization.models import Person, Unit, User


class ExampleForm(forms.ModelForm):
    """An outstanding example: one person or one unit, the year, a title, the write-up
    and an optional photo (.jpg or .png)."""

    photo_upload = forms.FileField(
        label=_("Ảnh (không bắt buộc)"),
        required=False,
        help_text=_("Ảnh .jpg hoặc .png. Ảnh chỉ hiện công khai khi điển hình được công bố."),
    )

    class Meta:
        model = OutstandingExample
        fields = ["person", "unit", "year", "title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}
        labels = {"person": _("Cá nhân (hoặc chọn tập thể bên dưới)"), "unit": _("Tập thể")}
        error_messages = {
            "title": {"required": _("Hãy nhập tiêu đề điển hình.")},
            "text": {"required": _("Hãy viết bài giới thiệu điển hình.")},
            "year": {"required": _("Hãy nhập năm.")},
        }

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.visible_to(user).current().select_related("unit")
        self.fields["person"].label_from_instance = lambda p: f"{p.full_name} — {p.unit.name}"
        self.fields["unit"].queryset = Unit.objects.visible_to(user)
        for name in ("person", "unit"):
            self.fields[name].required = False
            self.fields[name].empty_label = _("— Không chọn —")


def example_errors(form: forms.Form, error: ValidationError) -> None:
    """A service's ValidationError on the example's form, where the photo is `photo_upload`."""
    if hasattr(error, "error_dict"):
        error = ValidationError(
            {"photo_upload" if name == "photo" else name: errors for name, errors in error.error_dict.items()}
        )
    add_errors(form, error)
