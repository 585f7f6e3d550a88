"""The form to record or edit a result with its evidence files, and the return form.
A form refused for one field keeps everything else that was typed."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.core.db_functions import Fold
from thidua.core.forms import DateInput, text_box
from thidua.core.text import fold
from thidua.core.uploads import ALLOWED_TEXT
from thidua.indicators.numbers import DecimalTextField
from thidua.organization.models import User
from thidua.plans.enums import SubjectKind
from thidua.plans.models import ContentArea, Plan
from thidua.results import services

PERSONAL = "ca-nhan"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceFilesField(forms.FileField):
    """Several files in one input; each is checked and every bad file is named."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.pptx"}))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        uploads = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if self.required and not uploads:
            raise ValidationError(self.error_messages["required"], code="required")
        try:
            services.check_files(uploads)
        except ValidationError as exc:
            raise ValidationError(exc.messages) from exc
        return uploads


class ResultForm(forms.Form):
    subject = forms.ChoiceField(
        label=_("Kết quả của"),
        error_messages={
            "invalid_choice": _("Bạn chỉ ghi được kết quả của chính mình, hoặc của đơn vị mà bạn là thủ trưởng.")
        },
    )
    content_area = forms.ModelChoiceField(
        queryset=None, label=_("Nội dung thi đua"), empty_label=_("— Chọn nội dung thi đua —")
    )
    criterion = forms.TypedChoiceField(label=_("Tiêu chí thi đua"), required=False, coerce=int, empty_value=None)
    title = forms.CharField(label=_("Tên kết quả"), max_length=255)
    description = text_box(_("Mô tả"), rows=4)
    date = forms.DateField(label=_("Ngày đạt được"), widget=DateInput())
    quantity = DecimalTextField(
        label=_("Số lượng"), required=False, help_text=_("Nếu có, ví dụ 120 hồ sơ hoặc 12,5 triệu đồng.")
    )
    quantity_unit = forms.CharField(label=_("Đơn vị tính"), max_length=64, required=False)
    files = EvidenceFilesField(label=_("Tệp minh chứng"))

    def __init__(self, *args, plan: Plan, subjects: list[tuple[str, str]], entry=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan, self.entry = plan, entry
        self.fields["files"].help_text = gettext("Chọn được nhiều tệp một lúc: %(types)s.") % {"types": ALLOWED_TEXT}
        self.fields["content_area"].queryset = plan.content_areas.all()
        self._criteria = {c.pk: c for c in plan.criteria.all()}
        self.fields["criterion"].choices = self._criterion_choices()
        first, last = services.plan_period(plan)
        self.fields["date"].widget.attrs.update(min=first.isoformat(), max=min(last, timezone.localdate()).isoformat())
        if entry is not None:
            del self.fields["subject"]  # whose entry it is does not change
        else:
            self.fields["subject"].choices = subjects
            if len(subjects) == 1:
                self.fields["subject"].widget = forms.HiddenInput()

    def _criterion_choices(self) -> list:
        groups = {kind: [] for kind in SubjectKind}
        for criterion in self._criteria.values():
            groups[criterion.subject_kind].append((criterion.pk, f"{criterion.number}. {criterion.short_title}"))
        return [("", gettext("— Không gắn tiêu chí —"))] + [
            (gettext("Tiêu chí %(kind)s") % {"kind": SubjectKind(kind).label.lower()}, options)
            for kind, options in groups.items()
            if options
        ]

    def clean_criterion(self):
        pk = self.cleaned_data.get("criterion")
        return self._criteria.get(pk) if pk else None

    def is_personal(self) -> bool:
        if self.entry is not None:
            return self.entry.person_id is not None
        return self.cleaned_data.get("subject") == PERSONAL

    def clean(self):
        cleaned = super().clean()
        if self.entry is None and not cleaned.get("subject"):
            return cleaned
        try:
            services.check_entry(
                plan=self.plan,
                personal=self.is_personal(),
                content_area=cleaned.get("content_area"),
                criterion=cleaned.get("criterion"),
                date=cleaned.get("date"),
                quantity=cleaned.get("quantity"),
            )
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                if field not in self.errors:
                    self.add_error(field, messages)
        return cleaned

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in services.EDITABLE_FIELDS}

    @classmethod
    def initial_for(cls, entry) -> dict:
        return {name: getattr(entry, name) for name in services.EDITABLE_FIELDS} | {"criterion": entry.criterion_id}


class ReturnForm(forms.Form):
    reason = text_box(_("Lý do trả lại"), rows=2, max_length=2000)


APPLY_ON_CHANGE = {"data-auto-submit": ""}  # static/js/auto_submit.js


class ResultFilterForm(forms.Form):
    q = forms.CharField(
        required=False,
        max_length=200,
        label=_("Tìm"),
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Tên kết quả, người, đơn vị")}),
    )
    unit = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Đơn vị"),
        empty_label=_("Tất cả đơn vị"),
        widget=forms.Select(attrs=APPLY_ON_CHANGE),
    )
    state = forms.ChoiceField(required=False, label=_("Trạng thái"), widget=forms.Select(attrs=APPLY_ON_CHANGE))
    area = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Nội dung thi đua"),
        empty_label=_("Tất cả nội dung"),
        widget=forms.Select(attrs=APPLY_ON_CHANGE),
    )
    year = forms.TypedChoiceField(
        required=False, coerce=int, empty_value=None, label=_("Năm"), widget=forms.Select(attrs=APPLY_ON_CHANGE)
    )

    def __init__(self, *args, user: User, plan: Plan | None, **kwargs):
        super().__init__(*args, **kwargs)
        from thidua.organization.models import Unit
        from thidua.results.enums import STATES

        self.fields["unit"].queryset = Unit.objects.visible_to(user).exclude(kind__in=["province", "agency"])
        self.fields["state"].choices = [("", gettext("Mọi trạng thái"))] + [(s.value, s.label) for s in STATES]
        self.fields["area"].queryset = plan.content_areas.all() if plan else ContentArea.objects.none()
        years = range(plan.start_year, plan.end_year + 1) if plan else []
        self.fields["year"].choices = [("", gettext("Mọi năm"))] + [(y, y) for y in years]

    def apply(self, entries):
        data = self.cleaned_data
        filters = {
            "unit": data.get("unit"),
            "state": data.get("state") or None,
            "content_area": data.get("area"),
            "date__year": data.get("year"),
        }
        entries = entries.filter(**{key: value for key, value in filters.items() if value is not None})
        return search(entries, data.get("q", ""))


def search(entries, text: str):
    """Entries whose title, person or unit holds every word typed, with or without
    accents."""
    words = fold(text).split()
    if not words:
        return entries
    entries = entries.annotate(_title=Fold("title"), _person=Fold("person__full_name"), _unit=Fold("unit__name"))
    for word in words:
        entries = entries.filter(Q(_title__contains=word) | Q(_person__contains=word) | Q(_unit__contains=word))
    return entries
