from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class SignInForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra lại (phân biệt chữ hoa, "
                           "chữ thường). Sau 5 lần sai liên tiếp, tài khoản sẽ bị khóa."),
        "inactive": _("Tài khoản này đã bị vô hiệu hóa. Hãy liên hệ quản trị hệ thống."),
    }
