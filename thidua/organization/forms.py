from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from thidua.organization.enums import Category
from thidua.organization.models import Unit


class PeopleFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm theo tên hoặc mã"), required=False, max_length=100)
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"), queryset=Unit.objects.none(), required=False, empty_label=_("Tất cả đơn vị")
    )
    category = forms.ChoiceField(
        label=_("Đối tượng"), required=False, choices=[("", _("Tất cả đối tượng")), *Category.choices]
    )

    def __init__(self, *args, units: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

    def apply(self, qs):
        data = self.cleaned_data
        if data.get("unit"):
            qs = qs.filter(unit__in=Unit.objects.subtree_ids([data["unit"]]))
        if data.get("category"):
            qs = qs.filter(category=data["category"])
        return qs.search(data.get("q") or "")
