"""Forms of the registration pages. A refused form is shown again with everything that
was typed and a message saying what to fix."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.core.codes import COLLECTIVE_TITLES, INDIVIDUAL_TITLES, title_choices
from thidua.core.forms import DateInput, text_box
from thidua.registrations.enums import REGISTRATION_STATES
from thidua.registrations.models import RegistrationWindow, UnitRegistration
from thidua.registrations.services import title_error


class TitleField(forms.ChoiceField):
    """A title select that names the mistake when a code of the other kind is sent."""

    def __init__(self, *, titles, **kwargs):
        self.titles = titles
        blank = [("", _("— Chọn danh hiệu —"))]
        super().__init__(choices=blank + title_choices(titles), **kwargs)

    def validate(self, value):
        if value in self.empty_values:
            return super().validate(value)
        if problem := title_error(value, self.titles):
            raise forms.ValidationError(problem)


class UnitRegistrationForm(forms.Form):
    """The unit's title and one commitment per content area of the plan; a draft may be
    saved incomplete, completeness is checked when it is submitted."""

    title = TitleField(titles=COLLECTIVE_TITLES, required=False, label=_("Danh hiệu thi đua đơn vị đăng ký"))

    def __init__(self, *args, areas, registration: UnitRegistration | None = None, **kwargs):
        self.areas = list(areas)
        stored = {c.content_area_id: c.text for c in registration.commitments.all()} if registration else {}
        initial = {"title": registration.title if registration else ""}
        initial |= {self.key(area.pk): stored.get(area.pk, "") for area in self.areas}
        super().__init__(*args, initial=initial, **kwargs)
        for area in self.areas:
            self.fields[self.key(area.pk)] = text_box(
                gettext("Cam kết ở nội dung %(area)s") % {"area": area}, rows=3, required=False, help_text=area.text
            )

    @staticmethod
    def key(area_id: int) -> str:
        return f"area_{area_id}"

    def commitments(self) -> dict[int, str]:
        return {area.pk: self.cleaned_data.get(self.key(area.pk), "") for area in self.areas}


class PersonRegistrationForm(forms.Form):
    title = TitleField(
        titles=INDIVIDUAL_TITLES,
        label=_("Danh hiệu thi đua cá nhân đăng ký"),
        error_messages={"required": _("Hãy chọn danh hiệu đăng ký.")},
    )
    commitments = text_box(_("Cam kết cá nhân"), _("Hãy ghi cam kết cá nhân."), rows=5)


class ReturnForm(forms.Form):
    reason = text_box(
        _("Lý do trả lại"),
        _("Hãy ghi lý do trả lại để đơn vị biết cần sửa gì."),
        rows=4,
        help_text=_("Đơn vị sẽ thấy lý do này ngay đầu trang đăng ký của mình."),
    )


class WindowForm(forms.ModelForm):
    class Meta:
        model = RegistrationWindow
        fields = ["opens_on", "closes_on"]
        widgets = {"opens_on": DateInput(), "closes_on": DateInput()}


class OfficeFilterForm(forms.Form):
    trang_thai = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[("", _("Mọi trạng thái"))] + [(s.value, s.label) for s in REGISTRATION_STATES],
    )

    def apply(self, qs):
        state = self.cleaned_data.get("trang_thai") if self.is_valid() else ""
        return qs.filter(state=state) if state else qs
