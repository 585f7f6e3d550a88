"""Forms of the proposal, decision, register and settings pages. The rules live in the
services; a refused form comes back with everything typed and the reason."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.commendation import catalogue
from thidua.commendation.eligibility.loading import COLLECTIVE_KINDS
from thidua.commendation.eligibility.procedure import DOCUMENTS, SIMPLIFIED_CASES
from thidua.commendation.enums import AwardCategory, Route
from thidua.core import params
from thidua.core.codes import State
from thidua.core.forms import DateInput, text_box
from thidua.core.text import achievement_key_from
from thidua.core.uploads import ALLOWED_TEXT
from thidua.organization.models import Person, Unit, User
from thidua.outgoing.forms import number_field
from thidua.outgoing.models import DocumentType
from thidua.plans.models import Plan
from thidua.proposals import certificate_blank, rules
from thidua.proposals.enums import KIND_CHOICES, STATES
from thidua.proposals.models import Proposal, Rounding

YEAR_MIN, YEAR_MAX = params.YEARS
SIMPLIFIED_CHOICES = [("", _("Không (hồ sơ đầy đủ theo Điều 84)"))] + [(k, v) for k, v in SIMPLIFIED_CASES.items()]


def year_field(**kwargs) -> forms.IntegerField:
    return forms.IntegerField(label=_("Năm thành tích"), min_value=YEAR_MIN, max_value=YEAR_MAX, **kwargs)


def award_choices(on=None) -> list:
    """Titles and forms in two groups, never mixed, each with who decides it."""
    groups = []
    for label, category in (
        (_("Danh hiệu thi đua"), AwardCategory.TITLE),
        (_("Hình thức khen thưởng"), AwardCategory.FORM),
    ):
        groups.append(
            (
                label,
                [
                    (a.code, f"{a.name} — {Route(a.route).label}")
                    for a in catalogue.in_force(on)
                    if a.category == category
                ],
            )
        )
    return groups


class ProposalForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Cá nhân"), queryset=Person.objects.none(), required=False)
    unit = forms.ModelChoiceField(label=_("hoặc tập thể"), queryset=Unit.objects.none(), required=False)
    award_code = forms.ChoiceField(label=_("Danh hiệu thi đua hoặc hình thức khen thưởng"))
    year = year_field()
    kind = forms.ChoiceField(label=_("Loại hình khen thưởng"), choices=KIND_CHOICES)
    simplified_case = forms.ChoiceField(
        label=_("Thủ tục đơn giản (Điều 85)"), choices=SIMPLIFIED_CHOICES, required=False
    )
    achievement_key = forms.CharField(
        label=_("Thành tích riêng (nếu có)"),
        max_length=80,
        required=False,
        help_text=_(
            "Để trống với khen thưởng hằng năm. Với thành tích đột xuất hay theo đợt, ghi tên thành tích "
            "bằng lời (vd. «Cứu nạn trong lũ tháng 9/2026»), để một thành tích không được khen hai lần."
        ),
    )

    def __init__(self, *args, user: User, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("year", timezone.localdate().year)
        super().__init__(*args, **kwargs)
        units = rules.proposable_units(user)
        self.fields["person"].queryset = (
            Person.objects.current().filter(unit__in=units).select_related("unit").order_by("unit__order", "full_name")
        )
        self.fields["person"].label_from_instance = lambda p: f"{p.full_name} — {p.unit.name}"
        self.fields["unit"].queryset = units.filter(kind__in=COLLECTIVE_KINDS).order_by("order", "name")
        self.fields["award_code"].choices = [("", "—")] + award_choices()

    def clean(self):
        data = super().clean()
        if bool(data.get("person")) == bool(data.get("unit")):
            raise forms.ValidationError(gettext("Hãy chọn một cá nhân hoặc một tập thể (chỉ một)."))
        if data.get("achievement_key") and data.get("kind") and data.get("year"):
            data["achievement_key"] = achievement_key_from(
                data["achievement_key"], kind=data["kind"], year=data["year"]
            )
        return data

    @property
    def subject(self):
        return self.cleaned_data.get("person") or self.cleaned_data.get("unit")


class ProposalEditForm(forms.Form):
    report_text = text_box(
        _("Báo cáo thành tích"),
        rows=18,
        required=False,
        help_text=_("Mỗi dòng là một đoạn; dòng bắt đầu bằng «I.» hoặc «1.» là đề mục trong tệp Word."),
    )
    simplified_case = forms.ChoiceField(
        label=_("Thủ tục đơn giản (Điều 85)"), choices=SIMPLIFIED_CHOICES, required=False
    )


class ReasonForm(forms.Form):
    reason = text_box(_("Lý do"), rows=2, required=False)


class ReturnManyForm(forms.Form):
    """The one reason that goes with every proposal returned together."""

    reason = text_box(_("Lý do trả lại"), _("Hãy ghi lý do trả lại để đơn vị biết cần bổ sung gì."), rows=3)


class AcceptForm(forms.Form):
    override_reason = text_box(_("Lý do vẫn đề nghị (chỉ khi không đủ điều kiện)"), rows=2, required=False)


class OverrideForm(forms.Form):
    override_reason = text_box(_("Lý do đề nghị dù không đủ điều kiện"), rows=2, required=False)


class ForwardForm(forms.Form):
    note = forms.CharField(label=_("Tờ trình (số, ngày) — không bắt buộc"), max_length=300, required=False)


class ExternalDecisionForm(forms.Form):
    number_symbol = forms.CharField(label=_("Số quyết định"), max_length=64, required=False)
    date = forms.DateField(label=_("Ngày quyết định"), widget=DateInput(), required=False)
    issuer = forms.CharField(
        label=_("Cấp quyết định"), max_length=200, required=False, initial=_("Chủ tịch UBND tỉnh Tuyên Quang")
    )


class AttachForm(forms.Form):
    document = forms.ChoiceField(label=_("Thành phần hồ sơ"), choices=[])
    file = forms.FileField(label=_("Tệp"), help_text=_("Nhận các tệp %(types)s.") % {"types": ALLOWED_TEXT})

    def __init__(self, *args, codes=None, **kwargs):
        super().__init__(*args, **kwargs)
        ordered = list(codes or []) + [c for c in DOCUMENTS if c not in (codes or [])]
        self.fields["document"].choices = [(c, DOCUMENTS[c]) for c in ordered]


class ProposalFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm theo tên"), required=False)
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=YEAR_MIN, max_value=YEAR_MAX)
    state = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=[("", _("Tất cả"))] + [(s.value, s.label) for s in STATES]
    )
    # applies as soon as it is changed (static/js/auto_submit.js)
    award = forms.ChoiceField(
        label=_("Danh hiệu, hình thức"), required=False, widget=forms.Select(attrs={"data-auto-submit": ""})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award"].choices = [("", _("Tất cả"))] + award_choices()


class DecisionIssueForm(forms.Form):
    proposals = forms.ModelMultipleChoiceField(
        label=_("Các đề nghị đã được phê duyệt"), queryset=None, widget=forms.CheckboxSelectMultiple, required=False
    )
    date = forms.DateField(label=_("Ngày ký quyết định"), widget=DateInput())
    summary = forms.CharField(
        label=_("Trích yếu"),
        max_length=300,
        required=False,
        help_text=_("Để trống: «Về việc khen thưởng thành tích năm …»."),
    )

    def __init__(self, *args, user: User, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("date", timezone.localdate())
        super().__init__(*args, **kwargs)
        field = self.fields["proposals"]
        field.queryset = Proposal.objects.to_pick(user, State.APPROVED)
        field.label_from_instance = lambda p: f"{p.subject} — {p.get_award_code_display()} {p.year}"
        plan = Plan.objects.current()
        self.fields["number"] = number_field(plan.issuer if plan else None, DocumentType.QD)
        self.order_fields(["proposals", "date", "number", "summary"])


class RevocationForm(forms.Form):
    """The director's decision revoking awards of `decision`: all of them (ticked by
    default) or those kept ticked, with the date, the number and the reason."""

    proposals = forms.ModelMultipleChoiceField(
        label=_("Các khen thưởng bị hủy bỏ"), queryset=None, widget=forms.CheckboxSelectMultiple, required=False
    )
    date = forms.DateField(label=_("Ngày ký quyết định hủy bỏ"), widget=DateInput())
    reason = text_box(
        _("Lý do hủy bỏ"),
        _("Hãy ghi lý do hủy bỏ (căn cứ khoản 2 Điều 93 Luật Thi đua, khen thưởng)."),
        help_text=_("Ví dụ: kê khai gian dối thành tích; hồ sơ có thông tin sai sự thật; có kết luận vi phạm."),
    )

    def __init__(self, *args, decision, revocable, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("date", timezone.localdate())
        kwargs["initial"].setdefault("proposals", list(revocable))
        super().__init__(*args, **kwargs)
        field = self.fields["proposals"]
        field.queryset = revocable
        field.label_from_instance = lambda p: f"{p.decided_name} — {p.get_award_code_display()} {p.year}"
        plan = Plan.objects.current()
        self.fields["number"] = number_field(plan.issuer if plan else None, DocumentType.QD)
        self.order_fields(["proposals", "date", "number", "reason"])


class RegisterFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm theo tên hoặc số quyết định"), required=False)
    year = forms.IntegerField(label=_("Năm thành tích"), required=False, min_value=YEAR_MIN, max_value=YEAR_MAX)
    award = forms.ChoiceField(label=_("Danh hiệu, hình thức"), required=False)
    subject = forms.ChoiceField(
        label=_("Đối tượng"),
        required=False,
        choices=[("", _("Cá nhân và tập thể")), ("ca-nhan", _("Cá nhân")), ("tap-the", _("Tập thể"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award"].choices = [("", _("Tất cả"))] + award_choices()


class BaseSalaryForm(forms.Form):
    amount = forms.DecimalField(label=_("Mức lương cơ sở (đồng)"), max_digits=12, decimal_places=0, min_value=1)
    effective_from = forms.DateField(label=_("Áp dụng từ ngày"), widget=DateInput())
    basis = forms.CharField(
        label=_("Văn bản quy định"),
        max_length=300,
        required=False,
        help_text=_("Số, ký hiệu của văn bản, vd: Nghị định số 73/2024/NĐ-CP."),
    )
    basis_date = forms.DateField(label=_("Ngày ban hành văn bản"), widget=DateInput(), required=False)


class PaymentRuleForm(forms.Form):
    effective_from = forms.DateField(label=_("Áp dụng từ ngày"), widget=DateInput())
    highest_only = forms.TypedChoiceField(
        label=_("Một thành tích được tặng nhiều danh hiệu, hình thức trong một quyết định"),
        choices=[
            ("1", _("Chỉ chi mức tiền thưởng cao nhất")),
            ("0", _("Chi tiền thưởng của từng danh hiệu, hình thức")),
        ],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    highest_only_basis = forms.CharField(label=_("Căn cứ của nguyên tắc chi"), max_length=300)
    rounding = forms.ChoiceField(label=_("Làm tròn mức thưởng"), choices=Rounding.choices)
    rounding_basis = forms.CharField(label=_("Căn cứ của cách làm tròn"), max_length=300)


class TemplateForm(forms.Form):
    file = forms.FileField(label=_("Mẫu Giấy khen đã sửa (.docx)"))


def _mm(label, **limits) -> forms.DecimalField:
    return forms.DecimalField(label=label, max_digits=4, decimal_places=1, **limits)


class BlankLayoutForm(forms.Form):
    """The blank's size, the printer's shift and, for each text, where it goes on the
    blank (`certificate_blank.FIELDS`), in mm from the blank's top-left corner."""

    width_mm = _mm(_("Chiều rộng phôi (mm)"))
    height_mm = _mm(_("Chiều cao phôi (mm)"))
    offset_x_mm = _mm(_("Máy in lệch sang phải (mm, âm nếu lệch sang trái)"))
    offset_y_mm = _mm(_("Máy in lệch xuống dưới (mm, âm nếu lệch lên trên)"))

    def __init__(self, *args, blank=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in certificate_blank.FIELDS:
            self.fields[f"{name}_x"] = _mm(_("%(text)s: cách mép trái (mm)") % {"text": label})
            self.fields[f"{name}_y"] = _mm(_("%(text)s: cách mép trên (mm)") % {"text": label})
            self.fields[f"{name}_w"] = _mm(_("%(text)s: bề rộng (mm, 0 nếu phôi đã in sẵn)") % {"text": label})
            self.fields[f"{name}_size"] = _mm(_("%(text)s: cỡ chữ") % {"text": label})
            self.fields[f"{name}_bold"] = forms.BooleanField(
                label=_("%(text)s: in đậm") % {"text": label}, required=False
            )
        if blank is not None and not self.is_bound:
            self.initial.update(_initial(blank))

    def rows(self):
        """The fields of each text, one row of the settings page's table."""
        return [
            (label, [self[f"{name}_{part}"] for part in ("x", "y", "w", "size", "bold")])
            for name, label in certificate_blank.FIELDS
        ]

    def layout(self) -> dict:
        data = self.cleaned_data
        return {
            "width_mm": data["width_mm"],
            "height_mm": data["height_mm"],
            "offset_x_mm": data["offset_x_mm"],
            "offset_y_mm": data["offset_y_mm"],
            "spots": {
                name: tuple(data[f"{name}_{part}"] for part in ("x", "y", "w", "size", "bold"))
                for name, _label in certificate_blank.FIELDS
            },
        }


def _initial(blank) -> dict:
    values = {"width_mm": blank.width, "height_mm": blank.height, "offset_x_mm": blank.offset_x}
    values["offset_y_mm"] = blank.offset_y
    for name, spot in blank.spots.items():
        values.update({f"{name}_x": spot.x, f"{name}_y": spot.y, f"{name}_w": spot.width})
        values.update({f"{name}_size": spot.size, f"{name}_bold": spot.bold})
    return values


class RoundForm(forms.Form):
    """A unit's round: the year, one award per person or collective proposed (left
    empty: not proposed), and the Tờ trình and Biên bản bình xét attached once."""

    year = year_field()
    to_trinh = forms.FileField(
        label=_("Tờ trình của đơn vị (dùng chung cho cả đợt)"),
        error_messages={"required": _("Hãy đính kèm Tờ trình của đơn vị: một tờ trình dùng chung cho cả đợt.")},
    )
    bien_ban_binh_xet = forms.FileField(label=_("Biên bản họp bình xét (dùng chung cho cả đợt)"), required=False)

    def __init__(self, *args, unit: Unit, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("year", timezone.localdate().year)
        super().__init__(*args, **kwargs)
        self.unit = unit
        choices = [("", _("— không đề nghị —"))] + award_choices()
        self.people = list(Person.objects.current().filter(unit=unit).order_by("full_name"))
        for person in self.people:
            self.fields[f"p{person.pk}"] = forms.ChoiceField(label=person.full_name, choices=choices, required=False)
        if unit.kind in COLLECTIVE_KINDS:
            self.fields[f"u{unit.pk}"] = forms.ChoiceField(label=unit.name, choices=choices, required=False)

    def rows(self):
        """Each person, then the unit itself, with its award field."""
        return [self[name] for name in self.fields if name[0] in "pu" and name[1:].isdigit()]

    def entries(self) -> list[tuple]:
        subjects = {f"p{p.pk}": p for p in self.people} | {f"u{self.unit.pk}": self.unit}
        return [(subjects[name], code) for name, code in self.cleaned_data.items() if name in subjects and code]

    def shared_files(self) -> dict:
        return {
            "to_trinh": self.cleaned_data.get("to_trinh"),
            "bien_ban_binh_xet": self.cleaned_data.get("bien_ban_binh_xet"),
        }
