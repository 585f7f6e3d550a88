"""Forms of the commendation pages. Every message says what to fix."""

import json
from fractions import Fraction

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.commendation.enums import DisciplineForm, PendingKind, Verdict
from thidua.commendation.models import AwardRecord, AwardType, EligibilityRule, PendingFlag
from thidua.core import params
from thidua.core.codes import CommendationForm, CommendationKind, EmulationTitle, QualityRating
from thidua.core.forms import DateInput, text_box
from thidua.core.text import achievement_key_from

YEAR_MIN, YEAR_MAX = params.YEARS
AWARD_GROUPS = [
    (_("Danh hiệu thi đua"), EmulationTitle.choices),
    (_("Hình thức khen thưởng"), CommendationForm.choices),
]
CONFIRM_CHOICES = [("", _("Chưa xác nhận")), ("yes", _("Có")), ("no", _("Không"))]


def _dates_in_order(form, start: str, end: str) -> None:
    first, last = form.cleaned_data.get(start), form.cleaned_data.get(end)
    if first and last and last < first:
        form.add_error(
            end,
            gettext("Ngày kết thúc (%(last)s) trước ngày bắt đầu (%(first)s). Hãy chọn ngày từ %(first)s trở đi.")
            % {"first": first.strftime("%d/%m/%Y"), "last": last.strftime("%d/%m/%Y")},
        )


def year_field(**kwargs) -> forms.IntegerField:
    return forms.IntegerField(label=_("Năm"), min_value=YEAR_MIN, max_value=YEAR_MAX, **kwargs)


class VersionForm(forms.ModelForm):
    """A version of a catalogue row (award type, eligibility rule): the dates it is in
    force and a note, the last date not before the first."""

    VERSION_FIELDS = ["effective_from", "effective_to", "note"]
    VERSION_WIDGETS = {
        "effective_from": DateInput(),
        "effective_to": DateInput(),
        "note": forms.Textarea(attrs={"rows": 3}),
    }

    def clean(self):
        cleaned = super().clean()
        _dates_in_order(self, "effective_from", "effective_to")
        return cleaned


class AwardTypeForm(VersionForm):
    class Meta:
        model = AwardType
        fields = [
            "name",
            "subject",
            "route",
            "cash_multiple",
            "collective_cash_multiple",
            "cash_basis",
            "no_cash",
            "no_cash_reason",
            "yearly_cap",
            "article",
            *VersionForm.VERSION_FIELDS,
        ]
        widgets = VersionForm.VERSION_WIDGETS
        help_texts = {
            "effective_from": _(
                "Giữ nguyên ngày để sửa phiên bản này; chọn ngày khác để tạo phiên bản mới (phiên bản cũ giữ nguyên)."
            )
        }

    def clean(self):
        cleaned = super().clean()
        self._check_cash(cleaned)
        return cleaned

    def _check_cash(self, cleaned) -> None:
        """Money goes with an award only with its legal basis; "none" only with a reason."""
        multiples = [cleaned.get("cash_multiple"), cleaned.get("collective_cash_multiple")]
        for field, value in zip(("cash_multiple", "collective_cash_multiple"), multiples, strict=True):
            if value is not None and value <= 0:
                self.add_error(field, _("Hệ số phải lớn hơn 0; nếu không kèm tiền thưởng, hãy đánh dấu ô đó."))
        if cleaned.get("no_cash"):
            if any(m is not None for m in multiples):
                self.add_error("no_cash", _("Đã đánh dấu «không kèm tiền thưởng»: hãy xóa hệ số, hoặc bỏ dấu ở ô này."))
            if not (cleaned.get("no_cash_reason") or "").strip():
                self.add_error("no_cash_reason", _("Hãy ghi lý do không kèm tiền thưởng (vd: văn bản quy định)."))
        elif any(m is not None for m in multiples) and not (cleaned.get("cash_basis") or "").strip():
            self.add_error(
                "cash_basis",
                _("Hãy ghi căn cứ của hệ số (điều, khoản, văn bản), vd: Điều 54 Nghị định số 98/2023/NĐ-CP."),
            )
        if cleaned.get("collective_cash_multiple") is not None and cleaned.get("cash_multiple") is None:
            self.add_error("cash_multiple", _("Hãy nhập cả hệ số của cá nhân."))


class EligibilityRuleForm(VersionForm):
    parameters = text_box(_("Tham số (JSON)"), rows=8, required=False)

    class Meta:
        model = EligibilityRule
        fields = ["name", "article", "confidence", "office_confirmed", "parameters", *VersionForm.VERSION_FIELDS]
        widgets = VersionForm.VERSION_WIDGETS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._stored_parameters = dict(self.instance.parameters or {})
        if not self.is_bound:
            self.initial["parameters"] = json.dumps(self._stored_parameters, ensure_ascii=False, indent=2)

    def clean_parameters(self):
        text = self.cleaned_data["parameters"].strip() or "{}"
        try:
            value = json.loads(text)
        except ValueError as error:
            raise forms.ValidationError(
                gettext('Tham số không phải JSON hợp lệ (%(error)s). Hãy sửa lại, ví dụ {"consecutive": 3}.')
                % {"error": error}
            ) from None
        if not isinstance(value, dict):
            raise forms.ValidationError(gettext("Tham số phải là một đối tượng JSON {…}."))
        return _check_parameter_types(value, self._stored_parameters)


def _check_parameter_types(value: dict, stored: dict) -> dict:
    """Each parameter keeps the kind of value it had (a number stays a number), and a
    share is a number from 0 to 1, so the engine never meets a value it cannot use."""
    problems = []
    for key, old in stored.items():
        new = value.get(key, old)
        if old is not None and new is not None and _kind(new) != _kind(old):
            problems.append(
                gettext("«%(key)s» phải cùng kiểu với giá trị cũ (%(old)s).")
                % {"key": key, "old": json.dumps(old, ensure_ascii=False)}
            )
        elif "share" in key and isinstance(new, str) and not _is_share(new):
            problems.append(gettext('«%(key)s» phải là tỷ lệ từ 0 đến 1, ví dụ "0.70".') % {"key": key})
    if problems:
        raise forms.ValidationError(problems)
    return value


def _kind(value) -> str:
    if isinstance(value, bool):
        return "bool"
    return "number" if isinstance(value, int | float) else type(value).__name__


def _is_share(text: str) -> bool:
    try:
        return 0 <= Fraction(text) <= 1
    except (ValueError, ZeroDivisionError):
        return False


class AwardRecordForm(forms.Form):
    code = forms.ChoiceField(label=_("Danh hiệu / hình thức"), choices=AWARD_GROUPS)
    year = year_field(help_text=_("Năm của thành tích được khen (năm cuối nếu thành tích nhiều năm)."))
    kind = forms.ChoiceField(
        label=_("Loại hình khen thưởng"), choices=CommendationKind.choices, initial=CommendationKind.CONG_TRANG
    )
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=50, required=False)
    decision_date = forms.DateField(label=_("Ngày quyết định"), required=False, widget=DateInput())
    issuer = forms.CharField(label=_("Cấp quyết định"), max_length=200, required=False)
    before_system = forms.BooleanField(label=_("Khen thưởng trước khi có hệ thống"), required=False)
    achievement_key = forms.CharField(
        label=_("Thành tích riêng (nếu có)"),
        max_length=100,
        required=False,
        help_text=_(
            "Để trống: danh hiệu tính theo năm; các hình thức cùng loại hình trong một năm là cùng một "
            "thành tích. Với một thành tích khác (vd. đột xuất), ghi tên thành tích bằng lời."
        ),
    )

    def clean(self):
        data = super().clean()
        if data.get("achievement_key") and data.get("kind") and data.get("year"):
            data["achievement_key"] = achievement_key_from(
                data["achievement_key"], kind=data["kind"], year=data["year"]
            )
        return data

    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)

    @classmethod
    def for_record(cls, record: AwardRecord, data=None) -> "AwardRecordForm":
        initial = {name: getattr(record, name) for name in cls.base_fields if name != "code"}
        return cls(data, initial=initial | {"code": record.award_type.code})


class DisciplineRecordForm(forms.Form):
    form = forms.ChoiceField(label=_("Hình thức kỷ luật"), choices=DisciplineForm.choices)
    date = forms.DateField(label=_("Ngày quyết định"), widget=DateInput())
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=50, required=False)
    text = text_box(_("Nội dung"), rows=3)


class PendingFlagForm(forms.ModelForm):
    class Meta:
        model = PendingFlag
        fields = ["kind", "from_date", "to_date", "note"]
        widgets = {"from_date": DateInput(), "to_date": DateInput(), "note": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        cleaned = super().clean()
        _dates_in_order(self, "from_date", "to_date")
        return cleaned


PendingFlagForm.base_fields["kind"].choices = PendingKind.choices


def _confirm(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


def confirm_value(value: bool | None) -> str:
    return {True: "yes", False: "no"}.get(value, "")


class RatingsForm(forms.Form):
    """The ratings of a unit's people for one year (and, for the office, the unit's)."""

    def __init__(self, *args, people, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.people, self.unit = people, unit
        for person in people:
            self._subject_fields(f"p{person.pk}", person.full_name, unity=False)
        if unit is not None:
            self._subject_fields("unit", unit.name, unity=True)

    def _subject_fields(self, prefix: str, name: str, *, unity: bool) -> None:
        # The table's cells have no <label>: each box names its column and its row for a
        # screen reader ("Xếp loại — Nguyễn Văn A").
        def named(column) -> forms.Select:
            return forms.Select(attrs={"aria-label": f"{column} — {name}"})

        self.fields[f"{prefix}_rating"] = forms.ChoiceField(
            label=name,
            required=False,
            choices=[("", _("— chưa xếp loại —")), *QualityRating.choices],
            widget=named(gettext("Xếp loại")),
        )
        self.fields[f"{prefix}_movement"] = forms.ChoiceField(
            label=_("Tích cực tham gia phong trào"),
            required=False,
            choices=CONFIRM_CHOICES,
            widget=named(gettext("Tích cực tham gia phong trào")),
        )
        if unity:
            self.fields[f"{prefix}_unity"] = forms.ChoiceField(
                label=_("Nội bộ đoàn kết"),
                required=False,
                choices=CONFIRM_CHOICES,
                widget=named(gettext("Nội bộ đoàn kết")),
            )

    def rows(self) -> list[dict]:
        """For the template: one row per subject with its bound fields."""
        rows = [
            {"subject": p, "rating": self[f"p{p.pk}_rating"], "movement": self[f"p{p.pk}_movement"]}
            for p in self.people
        ]
        if self.unit is not None:
            rows.append(
                {
                    "subject": self.unit,
                    "rating": self["unit_rating"],
                    "movement": self["unit_movement"],
                    "unity": self["unit_unity"],
                }
            )
        return rows

    def entries(self) -> list[tuple]:
        """(subject, rating, movement, unity) for every subject given a rating."""
        data = self.cleaned_data
        entries = [(p, data[f"p{p.pk}_rating"], _confirm(data[f"p{p.pk}_movement"]), None) for p in self.people]
        if self.unit is not None:
            entries.append(
                (self.unit, data["unit_rating"], _confirm(data["unit_movement"]), _confirm(data["unit_unity"]))
            )
        return [entry for entry in entries if entry[1]]


class RatingsPickForm(forms.Form):
    year = year_field()
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"),
        queryset=None,
        error_messages={
            "invalid_choice": _("Bạn không được nhập xếp loại cho đơn vị này. Hãy chọn một đơn vị trong danh sách.")
        },
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class EligibilityFilterForm(forms.Form):
    year = year_field()
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None, required=False, empty_label=_("Tất cả đơn vị"))
    award = forms.ChoiceField(
        label=_("Danh hiệu / hình thức"), required=False, choices=[("", _("Tất cả")), *AWARD_GROUPS]
    )
    verdict = forms.ChoiceField(label=_("Kết quả"), required=False, choices=[("", _("Tất cả")), *Verdict.choices])
    q = forms.CharField(label=_("Tìm theo tên hoặc mã"), required=False, max_length=100)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
