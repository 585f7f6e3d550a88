from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.commendation.models import AWARD_CODES
from thidua.core.forms import DateInput
from thidua.organization.models import Person
from thidua.ratingmeetings import services
from thidua.ratingmeetings.models import RatingMeeting, RatingVote

# What a unit's meeting proposes for a person: the titles and forms its people receive.
PERSON_AWARDS = ("LDTT", "CSTDCS", "CSTD_TINH", "GK", "BK_TINH", "BK_BO", "BK_TTG")


class MeetingForm(forms.ModelForm):
    year = forms.IntegerField(label=_("Năm bình xét"), min_value=2000, max_value=2100)

    class Meta:
        model = RatingMeeting
        fields = [
            "date",
            "start_time",
            "end_time",
            "place",
            "chair",
            "secretary",
            "members_total",
            "present",
            "conclusion",
        ]
        widgets = {
            "date": DateInput(),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "conclusion": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        people = Person.objects.filter(unit=unit).order_by("full_name")
        self.fields["chair"].queryset = people
        self.fields["secretary"].queryset = people
        self.fields["members_total"].min_value = 1
        if self.instance.pk:
            self.fields["year"].initial = self.instance.year
            self.fields["year"].disabled = True

    def clean(self):
        data = super().clean()
        needed = ("date", "start_time", "end_time", "chair", "secretary", "members_total", "present")
        if all(data.get(name) is not None for name in needed):
            year = self.instance.year if self.instance.pk else data.get("year")
            if year:
                for name, message in services.meeting_errors(self.unit, year, data).items():
                    self.add_error(name, message)
        return data

    def validate_unique(self) -> None:
        """The service refuses a second meeting of the year with its own message."""


class UnitChoiceForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        from thidua.organization.models import Unit

        self.fields["unit"].queryset = Unit.objects.filter(pk__in=[u.pk for u in units]).order_by("order", "name")


class VoteForm(forms.ModelForm):
    award_code = forms.ChoiceField(label=_("Danh hiệu / hình thức"))

    class Meta:
        model = RatingVote
        fields = ["person", "award_code", "votes_for", "votes_against"]

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(unit_id=meeting.unit_id).order_by("full_name")
        self.fields["votes_against"].required = False  # left empty: none
        labels = dict(AWARD_CODES)
        self.fields["award_code"].choices = [(c, labels[c]) for c in PERSON_AWARDS if c in labels]

    def clean_votes_against(self) -> int:
        return self.cleaned_data.get("votes_against") or 0

    def validate_unique(self) -> None:
        """Recording a person's votes again replaces them (the service)."""
