"""Forms of the reports pages. Checks that need the database (dates against the plan,
one period per kind and year, required sections) live in the services, whose
ValidationErrors the views attach to these forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import DateInput, text_box
from thidua.organization.models import Person, Unit
from thidua.outgoing.forms import number_field
from thidua.outgoing.models import DocumentType
from thidua.reports.enums import DEFAULT_REQUIRED, TEXT_SECTIONS, Channel, PeriodKind, Section
from thidua.reports.models import ConsolidatedReport

SECTION_CHOICES = [(s.value, s.label) for s in Section]


class PeriodForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại kỳ báo cáo"), choices=PeriodKind.choices)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    title = forms.CharField(
        label=_("Tên kỳ báo cáo"),
        max_length=255,
        required=False,
        help_text=_("Để trống để đặt tên theo loại và năm, ví dụ «Báo cáo năm 2026»."),
    )
    due_date = forms.DateField(
        label=_("Hạn nộp của các đơn vị"),
        widget=DateInput(),
        help_text=_("Báo cáo gửi đến 23:59 ngày này là đúng hạn."),
    )
    office_due_date = forms.DateField(
        label=_("Hạn Văn phòng Sở gửi báo cáo tổng hợp"),
        widget=DateInput(),
        required=False,
        help_text=_(
            "Ngày cuối cùng còn đúng hạn. Với báo cáo năm, để trống để lấy hạn theo kế hoạch: «trước ngày 15/12» "
            "nghĩa là chậm nhất ngày 14/12."
        ),
    )
    required_sections = forms.MultipleChoiceField(
        label=_("Phần bắt buộc phải điền"),
        choices=SECTION_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        initial=DEFAULT_REQUIRED,
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị phải báo cáo"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = units
        self.fields["units"].initial = [u.pk for u in units]


class PeriodEditForm(forms.Form):
    title = forms.CharField(label=_("Tên kỳ báo cáo"), max_length=255)
    due_date = forms.DateField(label=_("Hạn nộp của các đơn vị"), widget=DateInput())
    office_due_date = forms.DateField(
        label=_("Hạn Văn phòng Sở gửi báo cáo tổng hợp"),
        widget=DateInput(),
        required=False,
        help_text=_("Ngày cuối cùng còn đúng hạn."),
    )
    required_sections = forms.MultipleChoiceField(
        label=_("Phần bắt buộc phải điền"), choices=SECTION_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )


class ReportContentForm(forms.Form):
    """One text box per content area of the plan, then one per other section. Boxes are
    optional here: which sections must be filled is checked when the report is sent."""

    def __init__(self, *args, areas, required: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.areas = areas
        for area in areas:
            self.fields[f"area_{area.pk}"] = self._box(str(area), 4)
        for section in TEXT_SECTIONS:
            self.fields[section.value] = self._box(section.label, 5)
        self.required_sections = required

    @staticmethod
    def _box(label, rows: int) -> forms.CharField:
        return text_box(label, rows=rows, required=False)

    @classmethod
    def initial_from(cls, content: dict, areas) -> dict:
        results = content.get(Section.RESULTS) or {}
        initial = {f"area_{a.pk}": results.get(str(a.pk), "") for a in areas}
        return initial | {s.value: content.get(s.value, "") for s in TEXT_SECTIONS}

    def content(self) -> dict:
        data = self.cleaned_data
        results = {str(a.pk): data.get(f"area_{a.pk}", "") for a in self.areas}
        return {Section.RESULTS.value: results} | {s.value: data.get(s.value, "") for s in TEXT_SECTIONS}

    def area_fields(self):
        return [self[f"area_{a.pk}"] for a in self.areas]

    def section_fields(self):
        return [self[s.value] for s in TEXT_SECTIONS]


class ReturnForm(forms.Form):
    reason = text_box(_("Lý do trả lại"), _("Hãy ghi lý do trả lại để đơn vị biết cần sửa gì."), rows=3)


class OwnerForm(forms.Form):
    owner = forms.ModelChoiceField(label=_("Người phụ trách"), queryset=Person.objects.none())

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = Person.objects.current().filter(unit=unit).order_by("full_name")


class ConsolidatedTextsForm(forms.ModelForm):
    class Meta:
        model = ConsolidatedReport
        fields = [
            "summary",
            "addressees",
            "recipients",
            "overview",
            "results_text",
            "limitations",
            "tasks_ahead",
            "proposals",
        ]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields if name != "summary"}


class IssueForm(forms.Form):
    issued_on = forms.DateField(
        label=_("Ngày ban hành"), widget=DateInput(), error_messages={"required": _("Hãy nhập ngày ban hành.")}
    )

    def __init__(self, *args, agency: Unit | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"] = number_field(agency, DocumentType.BC)


class DispatchForm(forms.Form):
    recipient = forms.ChoiceField(label=_("Nơi nhận"))
    channel = forms.ChoiceField(label=_("Hình thức gửi"), choices=Channel.choices)
    sent_on = forms.DateField(label=_("Ngày gửi"), widget=DateInput())
    reference = forms.CharField(
        label=_("Số hiệu gửi (nếu có)"),
        max_length=128,
        required=False,
        help_text=_("Ví dụ mã văn bản điện tử trên eDoc hoặc số bưu gửi."),
    )

    def __init__(self, *args, recipients: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].choices = [(r, r) for r in recipients]
