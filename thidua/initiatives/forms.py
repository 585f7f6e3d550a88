"""Forms of the initiative pages. The rules themselves live in `services`; the forms
call the same checks so that a refused form comes back with everything typed."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseFormSet, formset_factory
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.core.codes import Scope
from thidua.core.forms import DateInput, text_box
from thidua.core.uploads import ALLOWED_TEXT, evidence_problems
from thidua.initiatives import rules, services
from thidua.initiatives.enums import SCORE_MAX, SCORE_MIN, Tag
from thidua.initiatives.models import WIDER_SCOPES, Initiative
from thidua.organization.models import Person, Unit, User
from thidua.organization.rules import person_of
from thidua.plans.models import ContentArea, Plan

BENEFITS = ["hours_saved", "cost_saved", "paper_saved", "people_served"]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked like any evidence file."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else [data] if data else []
        cleaned = [super(MultipleFileField, self).clean(upload, initial) for upload in uploads]
        if problems := evidence_problems(cleaned):
            raise ValidationError(problems)
        return cleaned


class InitiativeForm(forms.ModelForm):
    tags = forms.MultipleChoiceField(
        label=_("Lĩnh vực"), choices=Tag.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    attachments = MultipleFileField(label=_("Tệp đính kèm"), required=False)

    class Meta:
        model = Initiative
        fields = services.DATA_FIELDS
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 4}),
            "solution": forms.Textarea(attrs={"rows": 5}),
            "novelty": forms.Textarea(attrs={"rows": 3}),
            "applied_since": DateInput(),
        }

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        units = rules.creatable_units(user)
        areas = ContentArea.objects.filter(plan=Plan.objects.current())
        if self.instance.pk:
            units = units | Unit.objects.filter(pk=self.instance.unit_id)
            areas = areas | ContentArea.objects.filter(pk=self.instance.content_area_id)
            self.initial.setdefault("tags", self.instance.tag_list)
        self.fields["unit"].queryset = units.distinct()
        self.fields["content_area"].queryset = areas.distinct()
        self.fields["attachments"].help_text = gettext(
            "Có thể chọn nhiều tệp (%(types)s). Nếu biểu mẫu bị từ chối, hãy chọn lại tệp."
        ) % {"types": ALLOWED_TEXT}
        for name in BENEFITS:
            label = self.fields[name].label
            self.fields[name].error_messages["min_value"] = gettext(
                "«%(field)s» không được âm. Để trống nếu chưa đo được."
            ) % {"field": label}
            self.fields[name].widget.attrs["min"] = 0

    def clean_tags(self):
        return services.normalise_tags(self.cleaned_data["tags"])

    def data_for_service(self) -> dict:
        return {name: self.cleaned_data[name] for name in services.DATA_FIELDS}


class AuthorForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Tác giả"), queryset=Person.objects.none())
    share = forms.IntegerField(
        label=_("Tỷ lệ đóng góp (%)"),
        min_value=1,
        max_value=100,
        error_messages={
            "min_value": _("Tỷ lệ đóng góp phải từ 1 đến 100%%."),
            "max_value": _("Tỷ lệ đóng góp phải từ 1 đến 100%%."),
            "invalid": _("Tỷ lệ đóng góp là một số nguyên, vd: 60."),
        },
    )

    def has_changed(self):
        # A row counts when it is filled in, even if it equals its initial value (the
        # current authors shown for editing): otherwise the formset would skip it.
        if not self.is_bound:
            return super().has_changed()
        return any(self.data.get(self.add_prefix(name), "").strip() for name in ("person", "share"))


class BaseAuthorFormSet(BaseFormSet):
    """The author rows; empty rows are ignored, the filled ones must pass
    `services.check_authors` (no one twice, shares adding to 100)."""

    def __init__(self, *args, people, **kwargs):
        self.people = people
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "use_required_attribute": False}

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.fields["person"].queryset = self.people
        return form

    def clean(self):
        if any(self.errors):
            return
        services.check_authors(self.authors())

    def authors(self) -> list[services.AuthorShare]:
        return [
            services.AuthorShare(f.cleaned_data["person"], f.cleaned_data["share"])
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]


AuthorFormSet = formset_factory(AuthorForm, formset=BaseAuthorFormSet, extra=3)


def author_formset(data, *, user: User, initiative: Initiative | None) -> BaseAuthorFormSet:
    people = Person.objects.visible_to(user).current()
    initial = None
    if initiative is not None:
        current = list(initiative.authors.all())
        people = people | Person.objects.filter(pk__in=[a.person_id for a in current])
        initial = [{"person": a.person_id, "share": a.share} for a in current]
    else:
        own = person_of(user)
        initial = [{"person": own.pk, "share": 100}] if own else None
    return AuthorFormSet(data, people=people.distinct().select_related("unit"), initial=initial, prefix="authors")


class RecogniseForm(forms.Form):
    """The department's recognition: at cơ sở scope only (a wider scope comes from the
    province's or ministry's decision, `HigherRecognitionForm`)."""

    scope = forms.ChoiceField(
        label=_("Phạm vi ảnh hưởng"),
        choices=[(Scope.CO_SO.value, Scope.CO_SO.label)],
        initial=Scope.CO_SO,
        required=False,
        help_text=_("Sở công nhận ở phạm vi cơ sở; phạm vi tỉnh, toàn quốc ghi từ quyết định của UBND tỉnh hoặc Bộ."),
        error_messages={
            "invalid_choice": _(
                "Văn phòng Sở chỉ ghi công nhận sáng kiến ở phạm vi cơ sở. Phạm vi tỉnh hoặc toàn quốc chỉ được "
                "ghi từ quyết định của UBND tỉnh hoặc Bộ."
            ),
        },
    )
    decision_number = forms.CharField(label=_("Số quyết định công nhận"), max_length=64, required=False)
    decision_date = forms.DateField(label=_("Ngày quyết định"), required=False, widget=DateInput())

    def clean_scope(self):
        return self.cleaned_data["scope"] or Scope.CO_SO


class HigherRecognitionForm(forms.Form):
    """The province's or ministry's decision, as the office received it."""

    scope = forms.ChoiceField(
        label=_("Phạm vi được công nhận"),
        choices=[("", "—"), *[(s.value, s.label) for s in WIDER_SCOPES]],
        required=False,
    )
    issuer = forms.CharField(
        label=_("Cơ quan, người ký quyết định"),
        max_length=200,
        required=False,
        help_text=_("vd: Chủ tịch UBND tỉnh Tuyên Quang; Bộ trưởng Bộ Tư pháp."),
    )
    number = forms.CharField(label=_("Số quyết định"), max_length=64, required=False)
    date = forms.DateField(label=_("Ngày quyết định"), required=False, widget=DateInput())
    file = forms.FileField(label=_("Tệp quyết định (không bắt buộc)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = gettext(
            "Bản quét hoặc bản điện tử của quyết định (%(types)s). Nếu biểu mẫu bị từ chối, hãy chọn lại tệp."
        ) % {"types": ALLOWED_TEXT}


class CommaDecimalField(forms.DecimalField):
    """A decimal typed the Vietnamese way ("17,5") or with a point."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})

    def to_python(self, value):
        return super().to_python(value.strip().replace(",", ".") if isinstance(value, str) else value)


class RecognitionRuleForm(forms.Form):
    quorum_numerator = forms.IntegerField(label=_("Tỷ lệ thành viên phải chấm: tử số"), min_value=1)
    quorum_denominator = forms.IntegerField(label=_("Tỷ lệ thành viên phải chấm: mẫu số"), min_value=1)
    min_average = CommaDecimalField(
        label=_("Điểm trung bình tối thiểu để công nhận (trên 30)"),
        min_value=0,
        max_value=30,
        decimal_places=1,
        max_digits=4,
    )
    basis = forms.CharField(
        label=_("Căn cứ"),
        max_length=300,
        required=False,
        help_text=_("Văn bản và điều khoản quy định cách Hội đồng sáng kiến xét, vd: Quy chế của Hội đồng, Điều 7."),
    )
    confirmed = forms.BooleanField(label=_("Văn phòng đã đối chiếu với văn bản"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        messages = {
            "quorum_numerator": gettext("Tử số là số nguyên từ 1 trở lên, vd: 1 (trong «1/2»)."),
            "quorum_denominator": gettext("Mẫu số là số nguyên từ 1 trở lên, vd: 2 (trong «1/2»)."),
            "min_average": gettext("Điểm trung bình tối thiểu là số từ 0 đến 30, vd: 15 hoặc 17,5."),
        }
        for name, message in messages.items():
            self.fields[name].error_messages.update(
                required=message, invalid=message, min_value=message, max_value=message
            )
        self.fields["min_average"].error_messages.update(max_decimal_places=messages["min_average"])


class ReasonForm(forms.Form):
    reason = text_box(_("Lý do"), rows=3, required=False)


class ScoreForm(forms.Form):
    novelty = forms.IntegerField(label=_("Tính mới"), min_value=SCORE_MIN, max_value=SCORE_MAX)
    effectiveness = forms.IntegerField(label=_("Hiệu quả"), min_value=SCORE_MIN, max_value=SCORE_MAX)
    applicability = forms.IntegerField(label=_("Phạm vi áp dụng"), min_value=SCORE_MIN, max_value=SCORE_MAX)
    comment = text_box(_("Nhận xét"), rows=3, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in services.CRITERIA:
            field = self.fields[name]
            message = gettext("Điểm «%(criterion)s» phải là số nguyên từ %(low)s đến %(high)s.") % {
                "criterion": field.label,
                "low": SCORE_MIN,
                "high": SCORE_MAX,
            }
            field.error_messages.update(min_value=message, max_value=message, invalid=message, required=message)


class ConflictForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do xung đột lợi ích"),
        max_length=500,
        required=False,
        help_text=_("vd: người thân của tác giả; đã góp ý xây dựng sáng kiến."),
    )


class AdoptionForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị áp dụng"), queryset=Unit.objects.none())
    applied_on = forms.DateField(label=_("Ngày bắt đầu áp dụng"), required=False, widget=DateInput())
    result = text_box(
        _("Kết quả áp dụng"),
        rows=3,
        required=False,
        help_text=_("vd: 1.250 hồ sơ đã tra cứu điện tử, mỗi hồ sơ rút từ 2 giờ xuống 15 phút."),
    )
    evidence = forms.FileField(label=_("Minh chứng (không bắt buộc)"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].help_text = gettext("Tệp %(types)s. Nếu biểu mẫu bị từ chối, hãy chọn lại tệp.") % {
            "types": ALLOWED_TEXT
        }
        self.fields["unit"].queryset = units
        only = list(units[:2])
        if len(only) == 1:  # the usual case: preselect the one unit the account works in
            self.fields["unit"].initial = only[0].pk


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm theo tên, vấn đề, giải pháp"), required=False)
    content_area = forms.ModelChoiceField(
        label=_("Nội dung thi đua"), required=False, queryset=ContentArea.objects.none(), empty_label=_("Tất cả")
    )
    tag = forms.ChoiceField(label=_("Lĩnh vực"), required=False, choices=[("", _("Tất cả")), *Tag.choices])
    scope = forms.ChoiceField(label=_("Phạm vi"), required=False, choices=[("", _("Tất cả")), *Scope.choices])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["content_area"].queryset = ContentArea.objects.filter(
            pk__in=Initiative.objects.recognised().values("content_area_id")
        )

    def apply(self, qs):
        data = self.cleaned_data
        if data.get("q"):
            qs = qs.search(data["q"])
        if data.get("content_area"):
            qs = qs.filter(content_area=data["content_area"])
        if data.get("tag"):
            qs = qs.with_tag(data["tag"])
        if data.get("scope"):
            qs = qs.filter(scope=data["scope"])
        return qs
