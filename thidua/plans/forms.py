"""Forms the office uses to edit a plan. Every message says what to fix."""

import datetime

from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from thidua.core import params
from thidua.core.forms import DateInput
from thidua.organization.enums import UnitKind
from thidua.organization.models import Unit
from thidua.plans import models
from thidua.plans.emphasis import passage
from thidua.plans.enums import SendChannel

YEAR_MIN, YEAR_MAX = params.YEARS


def _check_years(cleaned: dict, start: str, end: str, add_error) -> None:
    first, last = cleaned.get(start), cleaned.get(end)
    if first is not None and last is not None and last < first:
        add_error(
            end,
            gettext(
                "Năm kết thúc (%(last)s) đứng trước năm bắt đầu (%(first)s). Hãy nhập năm kết thúc từ %(first)s trở đi."
            )
            % {"first": first, "last": last},
        )


class PlanNumberForm(forms.Form):
    """The plan's own number and date, asked once and used by every document citing it."""

    number = forms.IntegerField(
        label=gettext_lazy("Số kế hoạch"),
        min_value=1,
        max_value=99999,
        help_text=gettext_lazy("Chỉ phần số, vd: 05 trong 05/KH-STP."),
    )
    date = forms.DateField(label=gettext_lazy("Ngày ban hành kế hoạch"), widget=DateInput())

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(
                gettext("Ngày ban hành không thể là ngày trong tương lai. Hãy nhập ngày ký kế hoạch.")
            )
        return date


class PlanForm(forms.ModelForm):
    class Meta:
        model = models.Plan
        fields = [
            "code",
            "document_type",
            "title",
            "issuer",
            "issuer_parent_name",
            "issuer_name",
            "number",
            "symbol",
            "place",
            "issued_day",
            "issued_month",
            "issued_year",
            "preamble",
            "signer_authority",
            "signer_title",
            "signer_name",
            "start_year",
            "end_year",
            "movements",
            "emphasis",
        ]
        widgets = {
            "emphasis": forms.Textarea(attrs={"rows": 4}),
            "title": forms.Textarea(attrs={"rows": 3}),
            "preamble": forms.Textarea(attrs={"rows": 5}),
            "movements": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = Unit.objects.filter(kind__in=[UnitKind.AGENCY, UnitKind.PROVINCE])
        for name in ("start_year", "end_year", "issued_year"):
            self.fields[name].min_value, self.fields[name].max_value = YEAR_MIN, YEAR_MAX
            self.fields[name].widget.attrs.update(min=YEAR_MIN, max=YEAR_MAX)
        self.fields["issued_day"].widget.attrs.update(min=1, max=31)
        self.fields["issued_month"].widget.attrs.update(min=1, max=12)

    def clean_number(self):
        number = self.cleaned_data["number"].strip()
        if number and params.to_int(number) is None:
            raise forms.ValidationError(gettext("Số văn bản chỉ gồm chữ số (vd: 05). Để trống nếu chưa cấp số."))
        return number

    def clean_emphasis(self):
        lines = [line.strip() for line in self.cleaned_data["emphasis"].splitlines() if line.strip()]
        unmarked = [line for line in lines if passage(line) is None]
        if unmarked:
            raise forms.ValidationError(
                gettext(
                    "Dòng «%(line)s» không có phần nào đặt giữa dấu * (in nghiêng) hay ** (in đậm). "
                    "Hãy đánh dấu phần cần nhấn mạnh, ví dụ “*xanh-số*”, hoặc xóa dòng đó."
                )
                % {"line": unmarked[0]}
            )
        return "\n".join(lines)

    def clean(self):
        cleaned = super().clean()
        _check_years(cleaned, "start_year", "end_year", self.add_error)
        day, month = cleaned.get("issued_day"), cleaned.get("issued_month")
        if day is not None and not 1 <= day <= 31:
            self.add_error("issued_day", gettext("Ngày ban hành phải từ 1 đến 31."))
        if month is not None and not 1 <= month <= 12:
            self.add_error("issued_month", gettext("Tháng ban hành phải từ 1 đến 12."))
        return cleaned


class PhaseForm(forms.ModelForm):
    class Meta:
        model = models.Phase
        fields = ["order", "name", "start_year", "end_year", "review_kind", "review_year", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        cleaned = super().clean()
        _check_years(cleaned, "start_year", "end_year", self.add_error)
        start, end, review = cleaned.get("start_year"), cleaned.get("end_year"), cleaned.get("review_year")
        if None not in (start, end, review) and not start <= review <= end:
            self.add_error(
                "review_year",
                gettext("Năm sơ kết/tổng kết (%(review)s) phải nằm trong giai đoạn %(start)s–%(end)s.")
                % {"review": review, "start": start, "end": end},
            )
        return cleaned


class BasePhaseFormSet(BaseInlineFormSet):
    """Phases of one plan must lie inside the plan's years and must not overlap."""

    def clean(self):
        super().clean()
        spans = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or form.errors:
                continue
            spans.append((data["start_year"], data["end_year"], data["name"], form))
        plan = self.instance
        for start, end, name, form in spans:
            if start < plan.start_year or end > plan.end_year:
                form.add_error(
                    None,
                    gettext(
                        "%(name)s (%(start)s–%(end)s) nằm ngoài thời gian của kế hoạch (%(plan_start)s–%(plan_end)s). "
                        "Hãy sửa năm cho khớp."
                    )
                    % {
                        "name": name,
                        "start": start,
                        "end": end,
                        "plan_start": plan.start_year,
                        "plan_end": plan.end_year,
                    },
                )
        spans.sort(key=lambda s: s[0])
        for (s1, e1, n1, _), (s2, e2, n2, f2) in zip(spans, spans[1:], strict=False):
            if s2 <= e1:
                f2.add_error(
                    None,
                    gettext(
                        "%(name)s (%(start)s–%(end)s) trùng thời gian với %(other)s (%(other_start)s–%(other_end)s). "
                        "Hãy cho %(name)s bắt đầu từ năm %(year)s."
                    )
                    % {
                        "name": n2,
                        "start": s2,
                        "end": e2,
                        "other": n1,
                        "other_start": s1,
                        "other_end": e1,
                        "year": e1 + 1,
                    },
                )


PhaseFormSet = inlineformset_factory(
    models.Plan, models.Phase, form=PhaseForm, formset=BasePhaseFormSet, extra=1, can_delete=True
)


def _part_form(model, fields, rows=4):
    return forms.modelform_factory(model, fields=fields, widgets={"text": forms.Textarea(attrs={"rows": rows})})


class ReportDutyForm(forms.ModelForm):
    """A report duty of the plan: its words, recipients, the day and month written in
    the plan and how the plan words them ("trước ngày" or "chậm nhất ngày")."""

    class Meta:
        model = models.ReportDuty
        fields = ["number", "order", "text", "recipients", "due_day", "due_month", "due_wording"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3}), "recipients": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "due_wording": gettext_lazy(
                "Theo đúng câu chữ của Kế hoạch: «trước ngày 15/12» thì gửi ngày 15/12 là muộn, hạn cuối là 14/12."
            )
        }

    def clean(self):
        cleaned = super().clean()
        day, month = cleaned.get("due_day"), cleaned.get("due_month")
        if day is None or month is None:
            return cleaned
        try:
            datetime.date(2028, month, day)  # a leap year, so 29/02 is a day that exists
        except ValueError:
            self.add_error(
                "due_day",
                gettext("Không có ngày %(day)s/%(month)s. Hãy nhập ngày và tháng như Kế hoạch ghi, ví dụ 15 và 12.")
                % {"day": day, "month": month},
            )
        return cleaned


# The plan's parts the office edits one at a time, by the name used in the URL.
PART_FORMS = {
    "noi-dung": (models.ContentArea, _part_form(models.ContentArea, ["number", "order", "short_title", "text"])),
    "tieu-chi": (
        models.Criterion,
        _part_form(
            models.Criterion,
            ["subject_kind", "person_kind", "when_assigned", "number", "order", "short_title", "text"],
        ),
    ),
    "muc": (models.PlanItem, _part_form(models.PlanItem, ["kind", "number", "order", "heading", "text"])),
    "can-cu": (models.LegalBasis, _part_form(models.LegalBasis, ["order", "text"])),
    "noi-nhan": (models.Recipient, _part_form(models.Recipient, ["order", "text"], rows=1)),
    "nghia-vu-bao-cao": (models.ReportDuty, ReportDutyForm),
}


class MovementForm(forms.ModelForm):
    class Meta:
        model = models.Movement
        fields = [
            "code",
            "name",
            "decision_number",
            "decision_date",
            "decision_issuer",
            "decision_text",
            "start_year",
            "end_year",
        ]
        widgets = {
            "name": forms.Textarea(attrs={"rows": 2}),
            "decision_text": forms.Textarea(attrs={"rows": 3}),
            "decision_date": forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
        }

    def clean(self):
        cleaned = super().clean()
        _check_years(cleaned, "start_year", "end_year", self.add_error)
        return cleaned


class PlanDispatchForm(forms.Form):
    """Where the signed plan went: a recipient of its Nơi nhận (the website to publish
    on is one of them), how, when, and the published page's address."""

    recipient = forms.ChoiceField(label=gettext_lazy("Nơi nhận"))
    channel = forms.ChoiceField(label=gettext_lazy("Hình thức gửi"), choices=SendChannel.choices)
    sent_on = forms.DateField(label=gettext_lazy("Ngày gửi, ngày đăng"), widget=DateInput())
    url = forms.URLField(
        label=gettext_lazy("Địa chỉ trang đã đăng"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=gettext_lazy(
            "Bắt buộc khi đăng trên Trang Thông tin điện tử, ví dụ https://sotuphap.tuyenquang.gov.vn/…"
        ),
        error_messages={"invalid": gettext_lazy("Địa chỉ trang không hợp lệ; hãy dán đầy đủ, bắt đầu bằng https://.")},
    )
    reference = forms.CharField(label=gettext_lazy("Số hiệu gửi (nếu có)"), max_length=128, required=False)

    def __init__(self, *args, recipients: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].choices = [(r, r) for r in recipients]
