"""Forms of sign-in, the second step, the second factor and passwords, with their
messages in Vietnamese."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from thidua.accounts import slowdown


class SignInForm(auth_forms.AuthenticationForm):
    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra lại (phân biệt chữ hoa, "
            "chữ thường). Sau 5 lần sai liên tiếp, việc đăng nhập từ máy này sẽ bị tạm khóa."
        ),
        "inactive": _("Tài khoản này đã bị vô hiệu hóa. Hãy liên hệ quản trị hệ thống."),
    }

    def clean(self):
        # Checked before the password is: an attempt refused here tests nothing.
        wait = slowdown.admit(self.data.get("username", ""))
        if wait:
            raise ValidationError(
                ngettext(
                    "Tên đăng nhập này vừa bị nhập sai mật khẩu nhiều lần. Để bảo vệ tài khoản, hãy đợi %(seconds)s "
                    "giây rồi đăng nhập lại.",
                    "Tên đăng nhập này vừa bị nhập sai mật khẩu nhiều lần. Để bảo vệ tài khoản, hãy đợi %(seconds)s "
                    "giây rồi đăng nhập lại.",
                    wait,
                )
                % {"seconds": wait},
                code="slowed_down",
            )
        return super().clean()


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Mã xác thực"),
        max_length=32,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}),
        error_messages={"required": _("Hãy nhập mã xác thực.")},
    )


class PasswordConfirmForm(forms.Form):
    """Asks for the account's password before a sensitive change (turning the second
    factor off, new backup codes)."""

    password = forms.CharField(
        label=_("Mật khẩu hiện tại"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Hãy nhập mật khẩu hiện tại.")},
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(
                _("Mật khẩu không đúng. Hãy nhập lại mật khẩu đăng nhập của anh/chị."), code="wrong_password"
            )
        return password


def _vietnamese_fields(form) -> None:
    labels = {
        "old_password": _("Mật khẩu hiện tại"),
        "new_password1": _("Mật khẩu mới"),
        "new_password2": _("Nhập lại mật khẩu mới"),
    }
    for name, label in labels.items():
        if name in form.fields:
            form.fields[name].label = label
            form.fields[name].error_messages["required"] = _("Hãy điền ô «%(field)s».") % {"field": label}
    if "new_password1" in form.fields:
        form.fields["new_password1"].help_text = _(
            "Ít nhất 12 ký tự; không quá giống tên đăng nhập, họ tên hay thư điện tử; không phải mật khẩu "
            "phổ biến; không chỉ gồm chữ số. Một câu dễ nhớ là mật khẩu tốt."
        )
    if "new_password2" in form.fields:
        form.fields["new_password2"].help_text = _("Nhập lại đúng mật khẩu mới để kiểm tra.")


class SetPasswordForm(auth_forms.SetPasswordForm):
    """Choosing a new password from a reset link."""

    error_messages = {"password_mismatch": _("Hai ô mật khẩu mới không giống nhau. Hãy nhập lại.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _vietnamese_fields(self)

    def save(self, commit=True):
        self.user.must_change_password = False
        return super().save(commit)


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    error_messages = {
        "password_mismatch": _("Hai ô mật khẩu mới không giống nhau. Hãy nhập lại."),
        "password_incorrect": _("Mật khẩu hiện tại không đúng. Hãy nhập lại."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _vietnamese_fields(self)

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("new_password1")
        if password and "new_password1" not in self.errors and self.user.check_password(password):
            self.add_error(
                "new_password1",
                ValidationError(_("Mật khẩu mới phải khác mật khẩu hiện tại."), code="password_unchanged"),
            )
        return cleaned

    def save(self, commit=True):
        self.user.must_change_password = False
        return super().save(commit)


class PasswordResetForm(auth_forms.PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Thư điện tử của tài khoản")
        self.fields["email"].error_messages = {
            "required": _("Hãy nhập địa chỉ thư điện tử của tài khoản."),
            "invalid": _("Địa chỉ thư điện tử chưa đúng dạng, ví dụ: ten@sotuphap.gov.vn."),
        }
