"""Forms of the difficulty pages. They only shape input; the services decide."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.forms import DATE_FORMATS, DateInput, text_box
from thidua.difficulties.enums import Openness
from thidua.difficulties.models import Difficulty
from thidua.organization.models import Unit


class DifficultyForm(forms.ModelForm):
    """What the unit writes. `unit` lists every unit so that raising for another unit
    reaches the service and is refused there (403), not hidden as a form error."""

    class Meta:
        model = Difficulty
        fields = ["unit", "title", "description", "proposal", "content_area", "source_label"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5}), "proposal": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "title": {"required": _("Hãy nhập tiêu đề khó khăn, vướng mắc.")},
            "description": {"required": _("Hãy mô tả khó khăn, vướng mắc.")},
            "proposal": {"required": _("Hãy ghi đề xuất, kiến nghị của đơn vị.")},
            "unit": {"required": _("Hãy chọn đơn vị nêu khó khăn.")},
        }

    def __init__(self, *args, plan, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.all()
        self.fields["unit"].widget.choices = [(u.pk, u.name) for u in units]
        if len(units) == 1:
            self.fields["unit"].initial = units[0].pk
        self.fields["content_area"].queryset = plan.content_areas.all()
        self.fields["content_area"].empty_label = _("— Không gắn với nội dung cụ thể —")
        if self.instance.pk:
            del self.fields["unit"]  # a difficulty stays with the unit that raised it


class ReviewForm(forms.Form):
    summary = text_box(_("Tổng hợp của Văn phòng Sở"), _("Hãy ghi phần tổng hợp của Văn phòng Sở."), rows=4)
    recommendation = text_box(
        _("Đề xuất của Văn phòng Sở"), _("Hãy ghi đề xuất của Văn phòng Sở để Giám đốc xem xét."), rows=3
    )


class DecideForm(forms.Form):
    decision = text_box(
        _("Ý kiến quyết định của Giám đốc"),
        _("Hãy ghi nội dung quyết định: đồng ý, không đồng ý hay giao ai làm gì, hạn nào."),
        rows=4,
    )
    decided_on = forms.DateField(
        label=_("Ngày quyết định"), input_formats=DATE_FORMATS, widget=DateInput(), initial=timezone.localdate
    )


class CloseForm(forms.Form):
    note = text_box(_("Kết quả thực hiện quyết định"), rows=2, required=False)


class FilterForm(forms.Form):
    tinh_trang = forms.ChoiceField(label=_("Tình trạng"), choices=Openness.choices, required=False)
    don_vi = forms.ModelChoiceField(
        label=_("Đơn vị"), queryset=Unit.objects.none(), required=False, empty_label=_("Tất cả đơn vị")
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["don_vi"].queryset = units

    def apply(self, qs):
        data = self.cleaned_data if self.is_valid() else {}
        openness = data.get("tinh_trang") or Openness.OPEN
        if openness == Openness.OPEN:
            qs = qs.filter(closed_on__isnull=True)  # the unit's own drafts are open too
        elif openness == Openness.CLOSED:
            qs = qs.closed()
        if data.get("don_vi"):
            qs = qs.filter(unit=data["don_vi"])
        return qs
