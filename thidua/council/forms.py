"""Forms of the council pages."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.commendation.models import AWARD_CODES
from thidua.core.codes import State
from thidua.core.forms import DateInput, TimeInput, text_box
from thidua.council.enums import CouncilRole
from thidua.council.services import council_roles
from thidua.council.tally import parse_share
from thidua.organization.models import User
from thidua.organization.rules import EVERYTHING, person_of, unit_scope
from thidua.proposals.models import Proposal


def account_label(user) -> str:
    person = person_of(user)
    if person is None:
        return user.username
    details = ", ".join(x for x in (person.position, person.unit.name) if x)
    return f"{person.full_name} ({details})"


def agency_accounts(actor):
    scope = unit_scope(actor)
    users = User.objects.filter(is_active=True)
    if scope is not EVERYTHING:
        users = users.filter(memberships__unit_id__in=scope)
    return users.select_related("person__unit").distinct().order_by("username")


def shares_text(shares: dict) -> str:
    return "; ".join(f"{code}={share}" for code, share in shares.items())


def parse_shares(text: str) -> dict:
    """'CSTD_TINH=9/10; CSTD_TQ=9/10' → {'CSTD_TINH': '9/10', …}."""
    codes = {code for code, _label in AWARD_CODES}
    found = {}
    for part in filter(None, (p.strip() for p in (text or "").replace("\n", ";").split(";"))):
        code, sep, share = part.partition("=")
        code = code.strip().upper()
        if not sep or code not in codes:
            raise forms.ValidationError(
                gettext("«%(part)s»: hãy viết MÃ=tỷ lệ, ví dụ CSTD_TINH=9/10.") % {"part": part}
            )
        try:
            found[code] = str(parse_share(share))
        except ValueError as error:
            raise forms.ValidationError(f"{code}: {error}") from None
    return found


class MeetingForm(forms.Form):
    title = forms.CharField(label=_("Tên phiên họp"), max_length=300)
    date = forms.DateField(label=_("Ngày họp"), widget=DateInput())
    year = forms.IntegerField(label=_("Năm xét khen thưởng"), min_value=2000, max_value=2100)
    place = forms.CharField(label=_("Địa điểm"), max_length=200, required=False)
    starts_at = forms.TimeField(label=_("Giờ bắt đầu"), required=False, widget=TimeInput())
    ends_at = forms.TimeField(
        label=_("Giờ kết thúc"), required=False, widget=TimeInput(), help_text=_("Ghi sau cuộc họp, nếu chưa biết.")
    )
    chair = forms.ModelChoiceField(label=_("Chủ tọa"), queryset=User.objects.none(), required=False)
    secretary = forms.ModelChoiceField(label=_("Thư ký"), queryset=User.objects.none(), required=False)
    members = forms.ModelMultipleChoiceField(
        label=_("Thành viên dự họp"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    present = forms.ModelMultipleChoiceField(
        label=_("Có mặt"), queryset=User.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    council_chair = forms.ModelChoiceField(
        label=_("Chủ tịch Hội đồng"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("Để trống: Giám đốc Sở trong số thành viên."),
    )
    vice_chairs = forms.ModelMultipleChoiceField(
        label=_("Phó Chủ tịch Hội đồng"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Thư ký phiên họp là Ủy viên, Thư ký Hội đồng; các thành viên khác là Ủy viên."),
    )
    quorum_share = forms.CharField(
        label=_("Tỷ lệ có mặt tối thiểu (của tổng số thành viên)"),
        max_length=16,
        help_text=_("Ví dụ 2/3. Thiết lập, lấy mặc định từ quy tắc R17."),
    )
    pass_share = forms.CharField(
        label=_("Tỷ lệ thông qua (số phiếu đồng ý vượt tỷ lệ này của TỔNG SỐ thành viên)"),
        max_length=16,
        help_text=_("Ví dụ 1/2 là quá nửa. Thiết lập (R17)."),
    )
    pass_share_by_award = forms.CharField(
        label=_("Ngưỡng riêng theo danh hiệu (ít nhất tỷ lệ này của tổng số thành viên)"),
        required=False,
        help_text=_("Ví dụ CSTD_TINH=9/10; CSTD_TQ=9/10 (mặc định theo NĐ 91/2017 — quy định cũ)."),
    )
    secret_ballot_awards = forms.MultipleChoiceField(
        label=_("Bỏ phiếu kín với"), choices=AWARD_CODES, required=False, widget=forms.CheckboxSelectMultiple
    )
    secret_ballot = forms.BooleanField(label=_("Bỏ phiếu kín với mọi đề nghị"), required=False)

    DETAILS = ("title", "date", "year", "place", "starts_at", "ends_at", "chair", "secretary", "secret_ballot")

    def __init__(self, *args, actor: User, **kwargs):
        super().__init__(*args, **kwargs)
        accounts = agency_accounts(actor)
        for name in ("chair", "secretary", "members", "present", "council_chair", "vice_chairs"):
            self.fields[name].queryset = accounts
            self.fields[name].label_from_instance = account_label

    def clean_quorum_share(self):
        return self._share("quorum_share")

    def clean_pass_share(self):
        return self._share("pass_share")

    def _share(self, name: str) -> str:
        try:
            return str(parse_share(self.cleaned_data[name]))
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_pass_share_by_award(self):
        return parse_shares(self.cleaned_data["pass_share_by_award"])

    def details(self) -> dict:
        """The meeting's own fields, as the services take them."""
        return {name: self.cleaned_data[name] for name in self.DETAILS}

    def clean(self):
        data = super().clean()
        check_times(self, data.get("starts_at"), data.get("ends_at"))
        members = set(data.get("members") or ())
        for name in ("council_chair", "vice_chairs"):
            chosen = data.get(name)
            chosen = [chosen] if isinstance(chosen, User) else list(chosen or ())
            if members and any(user not in members for user in chosen):
                self.add_error(name, gettext("Hãy chọn trong số thành viên dự họp."))
        return data

    def roles(self, secretary=None) -> dict[int, str]:
        """Seats on the council; `secretary` is the meeting's when the form names none."""
        data = self.cleaned_data
        secretary = data["secretary"] or secretary
        return council_roles(data["members"], data["council_chair"], data["vice_chairs"], secretary)

    def figures(self) -> dict:
        data = self.cleaned_data
        return {
            "quorum_share": data["quorum_share"],
            "pass_share": data["pass_share"],
            "pass_share_by_award": data["pass_share_by_award"],
            "secret_ballot_awards": list(data["secret_ballot_awards"]),
        }


def meeting_initial(meeting=None, *, defaults: dict, members) -> dict:
    if meeting is None:
        today = timezone.localdate()
        members = list(members)
        return {
            "date": today,
            "year": today.year if today.month > 6 else today.year - 1,
            "members": members,
            "present": members,
            "quorum_share": defaults["quorum_share"],
            "pass_share": defaults["pass_share"],
            "pass_share_by_award": shares_text(defaults["pass_share_by_award"]),
            "secret_ballot_awards": defaults["secret_ballot_awards"],
            "title": gettext("Phiên họp Hội đồng Thi đua – Khen thưởng xét khen thưởng"),
        }
    seated = list(meeting.members.all())
    return {
        "title": meeting.title,
        "date": meeting.date,
        "year": meeting.year,
        "place": meeting.place,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "council_chair": next((m.user_id for m in seated if m.role == CouncilRole.CHAIR), None),
        "vice_chairs": [m.user_id for m in seated if m.role == CouncilRole.VICE_CHAIR],
        "chair": meeting.chair_id,
        "secretary": meeting.secretary_id,
        "members": [m.user_id for m in seated],
        "present": [m.user_id for m in seated if m.present],
        "quorum_share": meeting.quorum_share,
        "pass_share": meeting.pass_share,
        "pass_share_by_award": shares_text(meeting.pass_share_by_award or {}),
        "secret_ballot_awards": meeting.secret_ballot_awards,
        "secret_ballot": meeting.secret_ballot,
    }


class AgendaForm(forms.Form):
    proposals = forms.ModelMultipleChoiceField(
        label=_("Đề nghị đã được Văn phòng tiếp nhận"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["proposals"]
        field.queryset = Proposal.objects.to_pick(user, State.ACCEPTED)
        field.label_from_instance = lambda p: (
            f"{p.subject} ({p.subject_unit.name}) — {p.get_award_code_display()} {p.year}"
        )


class CloseForm(forms.Form):
    on = forms.DateField(label=_("Ngày biên bản"), widget=DateInput(), initial=timezone.localdate)
    starts_at = forms.TimeField(label=_("Giờ bắt đầu"), widget=TimeInput())
    ends_at = forms.TimeField(label=_("Giờ kết thúc"), widget=TimeInput())
    conclusion = text_box(_("Kết luận thêm (không bắt buộc)"), rows=3, required=False)

    def clean(self):
        data = super().clean()
        check_times(self, data.get("starts_at"), data.get("ends_at"))
        return data


def check_times(form, starts_at, ends_at) -> None:
    if starts_at and ends_at and ends_at <= starts_at:
        form.add_error("ends_at", gettext("Giờ kết thúc phải sau giờ bắt đầu."))


def close_form(meeting, data=None) -> CloseForm:
    return CloseForm(data, initial={"starts_at": meeting.starts_at, "ends_at": meeting.ends_at})


class ToCouncilForm(forms.Form):
    meeting = forms.ModelChoiceField(label=_("Phiên họp Hội đồng"), queryset=None)

    def __init__(self, *args, **kwargs):
        from thidua.council.models import Meeting

        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.filter(minutes_number="").order_by("-date")
