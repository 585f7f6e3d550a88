"""The office's indicator form (with a target box for each year of the plan) and the
unit's form for a quarter's values. Refused forms keep everything typed."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.indicators import services
from thidua.indicators.models import Indicator
from thidua.indicators.numbers import DecimalTextField
from thidua.plans.models import Plan


class IndicatorForm(forms.ModelForm):
    baseline_value = DecimalTextField(label=_("Giá trị gốc"), required=False)

    class Meta:
        model = Indicator
        fields = [*services.DEFINITION_FIELDS, "order"]

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["content_area"].queryset = plan.content_areas.all()
        self.fields["baseline_year"].widget.attrs.update(min=plan.start_year - 10, max=plan.end_year)
        stored = {t.year: t.value for t in self.instance.targets.all()} if self.instance.pk else {}
        for year in self.years:
            self.fields[f"target_{year}"] = DecimalTextField(
                label=gettext("Mục tiêu năm %(year)s") % {"year": year}, required=False, initial=stored.get(year)
            )

    @property
    def years(self) -> range:
        return range(self.plan.start_year, self.plan.end_year + 1)

    def target_fields(self):
        return [self[f"target_{year}"] for year in self.years]

    SOURCE_FIELDS = ("target_source", "target_reference", "is_illustrative")

    def source_fields(self):
        return [self[name] for name in self.SOURCE_FIELDS]

    @property
    def boxed_names(self) -> set[str]:
        """The fields shown in the targets' box rather than in the main grid."""
        return {*self.SOURCE_FIELDS, *(f"target_{year}" for year in self.years)}

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        taken = Indicator.objects.filter(plan=self.plan, code__iexact=code).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                gettext("Mã «%(code)s» đã dùng cho chỉ tiêu khác trong kế hoạch này.") % {"code": code}
            )
        return code

    def clean_baseline_year(self):
        year = self.cleaned_data.get("baseline_year")
        if year is not None and not self.plan.start_year - 10 <= year <= self.plan.end_year:
            raise forms.ValidationError(
                gettext("Năm gốc phải từ %(first)s đến %(last)s.")
                % {"first": self.plan.start_year - 10, "last": self.plan.end_year}
            )
        return year

    def clean(self):
        cleaned = super().clean()
        probe = Indicator(
            name=cleaned.get("name") or "",
            is_percentage=cleaned.get("is_percentage", False),
            allows_negative=cleaned.get("allows_negative", False),
        )
        for name in ["baseline_value", *(f"target_{y}" for y in self.years)]:
            if cleaned.get(name) is not None:
                try:
                    services.check_value(indicator=probe, value=cleaned[name])
                except forms.ValidationError as exc:
                    self.add_error(name, exc)
        return cleaned

    def targets(self) -> dict:
        return {year: self.cleaned_data.get(f"target_{year}") for year in self.years}


class ValuesForm(forms.Form):
    """One quarter of one unit: a box per indicator. An empty box keeps what is stored."""

    year = forms.IntegerField(label=_("Năm"))
    quarter = forms.IntegerField(label=_("Quý"))
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)

    def __init__(self, *args, plan: Plan, indicators: list[Indicator], stored: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan, self.indicators = plan, indicators
        self.fields["year"].widget.attrs.update(min=plan.start_year, max=plan.end_year)
        self.fields["quarter"].widget.attrs.update(min=1, max=4)
        for indicator in indicators:
            self.fields[self.key(indicator)] = DecimalTextField(
                label=indicator.name,
                required=False,
                initial=stored.get(indicator.pk),
                help_text=indicator.unit_of_measure,
            )

    @staticmethod
    def key(indicator: Indicator) -> str:
        return f"value_{indicator.pk}"

    def value_fields(self):
        return [(indicator, self[self.key(indicator)]) for indicator in self.indicators]

    def clean_year(self):
        year = self.cleaned_data["year"]
        if error := services.year_error(self.plan, year):
            raise forms.ValidationError(error)
        return year

    def clean_quarter(self):
        quarter = self.cleaned_data["quarter"]
        if error := services.quarter_error(quarter):
            raise forms.ValidationError(error)
        return quarter

    def clean(self):
        cleaned = super().clean()
        for indicator in self.indicators:
            value = cleaned.get(self.key(indicator))
            if value is not None:
                try:
                    services.check_value(indicator=indicator, value=value)
                except forms.ValidationError as exc:
                    self.add_error(self.key(indicator), exc)
        return cleaned

    def rows(self) -> list:
        quarter = self.cleaned_data["quarter"]
        return [
            (i, quarter, self.cleaned_data[self.key(i)])
            for i in self.indicators
            if self.cleaned_data.get(self.key(i)) is not None
        ]
