"""Forms of the self-inspection pages. They only shape input; the services decide."""

from django import forms
from django.forms import formset_factory, modelformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import DATE_FORMATS, DateInput, text_box
from thidua.core.uploads import validate_evidence
from thidua.inspections.enums import AnswerResult, Severity
from thidua.inspections.models import Answer
from thidua.organization.enums import UnitKind
from thidua.organization.models import Unit


def _date(label, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, input_formats=DATE_FORMATS, widget=DateInput(), **kwargs)


class InspectionForm(forms.Form):
    title = forms.CharField(
        label=_("Tên đợt tự kiểm tra"), max_length=255, error_messages={"required": _("Hãy nhập tên đợt tự kiểm tra.")}
    )
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    starts_on = _date(_("Từ ngày"))
    ends_on = _date(_("Đến ngày"))
    units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị được kiểm tra"),
        queryset=Unit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Hãy chọn ít nhất một đơn vị được kiểm tra.")},
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = units.exclude(
            kind__in=[UnitKind.PROVINCE, UnitKind.AGENCY, UnitKind.LEADERSHIP]
        )
        self.fields["year"].initial = timezone.localdate().year


class ItemForm(forms.Form):
    text = text_box(_("Nội dung kiểm tra"), rows=2, required=False)
    content_area = forms.ModelChoiceField(
        label=_("Nội dung thi đua"), queryset=None, required=False, empty_label=_("—")
    )
    criterion = forms.ModelChoiceField(label=_("Tiêu chí thi đua"), queryset=None, required=False, empty_label=_("—"))

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["content_area"].queryset = plan.content_areas.all()
        self.fields["criterion"].queryset = plan.criteria.all()


ItemFormSet = formset_factory(ItemForm, extra=6, max_num=40)


class AnswerForm(forms.ModelForm):
    # A plain file field, not the model's: the service checks and stores the file.
    evidence_file = forms.FileField(label=_("Minh chứng (tệp mới)"), required=False, widget=forms.FileInput)

    class Meta:
        model = Answer
        fields = ["result", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["result"].choices = [("", _("— Chưa trả lời —")), *AnswerResult.choices]

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if upload:
            validate_evidence(upload)
        return upload


AnswerFormSet = modelformset_factory(Answer, form=AnswerForm, extra=0, can_delete=False)


class FindingForm(forms.Form):
    text = text_box(_("Nội dung phát hiện"), _("Hãy ghi nội dung phát hiện."), rows=2)
    severity = forms.ChoiceField(label=_("Mức độ"), choices=Severity.choices, initial=Severity.MEDIUM)


class ActionForm(forms.Form):
    text = text_box(_("Việc cần làm"), _("Hãy ghi việc cần làm."), rows=2)
    owner = forms.ModelChoiceField(
        label=_("Người phụ trách"),
        queryset=None,
        error_messages={"required": _("Hãy chọn người phụ trách của đơn vị.")},
    )
    due_on = _date(_("Hạn hoàn thành"), error_messages={"required": _("Hãy chọn hạn hoàn thành.")})
    finding = forms.ModelChoiceField(
        label=_("Khắc phục phát hiện"),
        queryset=None,
        required=False,
        empty_label=_("— Không gắn với phát hiện cụ thể —"),
    )

    def __init__(self, *args, checklist, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = checklist.unit.people.current()
        self.fields["finding"].queryset = checklist.findings.all()


class DoneForm(forms.Form):
    note = text_box(_("Kết quả đã thực hiện"), _("Hãy ghi kết quả đã thực hiện."), rows=3)
    on = _date(_("Ngày hoàn thành"), initial=timezone.localdate)


class ReturnForm(forms.Form):
    reason = text_box(_("Lý do trả lại"), _("Hãy ghi lý do trả lại để đơn vị biết cần sửa gì."), rows=2)


class ActionFilterForm(forms.Form):
    qua_han = forms.BooleanField(label=_("Chỉ việc quá hạn"), required=False)
    don_vi = forms.ModelChoiceField(
        label=_("Đơn vị"), queryset=Unit.objects.none(), required=False, empty_label=_("Tất cả đơn vị")
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["don_vi"].queryset = units

    def apply(self, qs, today):
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("qua_han"):
            qs = qs.overdue(on=today)
        if data.get("don_vi"):
            qs = qs.filter(checklist__unit=data["don_vi"])
        return qs
