"""Telling the owner and the system administrators that an account was locked: an in-app
notice each, and an e-mail to those whose account has an address. Written in Vietnamese
whatever the language of the request that caused it, like the other notices."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from thidua.accounts.models import Lockout
from thidua.notifications.services import notify
from thidua.organization.enums import Role

log = logging.getLogger(__name__)


def administrators():
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(memberships__role=Role.ADMIN))
        .distinct()
    )


def display_name(lockout: Lockout) -> str:
    """The person's name where the account is linked to one, else the account name."""
    person = getattr(lockout.user, "person", None) if lockout.user_id else None
    return person.full_name if person else lockout.username


def _values(lockout: Lockout) -> dict:
    until = timezone.localtime(lockout.until)
    return {
        "who": display_name(lockout),
        "ip": lockout.ip_address or "?",
        "level": lockout.level,
        "until": until.strftime("%H:%M %d/%m/%Y"),
        "n": settings.AXES_FAILURE_LIMIT,
    }


def _send(user, text: str, link: str) -> None:
    notify(user=user, text=text, link=link)
    if not user.email:
        return
    body = gettext("%(text)s\n\nXem: %(url)s\n\nThư gửi tự động từ hệ thống Thi Đua.") % {
        "text": text,
        "url": settings.SITE_URL.rstrip("/") + link,
    }
    try:
        send_mail(
            gettext("[Thi Đua] Tài khoản bị tạm khóa đăng nhập"),
            body,
            settings.DEFAULT_FROM_EMAIL,
            [user.email],
            fail_silently=False,
        )
    except Exception as error:  # a mail server down must not turn the sign-in page into an error
        log.warning("Lockout e-mail to %s failed: %s", user.email, error)


def announce(lockout: Lockout) -> None:
    """Side effects: notices (and e-mails) for the owner, if the name is an account, and
    for every system administrator. Lockouts of names that are no account are only listed
    on the lockouts page: anyone can type any name."""
    owner = lockout.user
    if owner is None or not owner.is_active:
        return
    with override("vi"):
        values = _values(lockout)
        _send(
            owner,
            gettext(
                "Tài khoản của anh/chị bị tạm khóa đăng nhập từ địa chỉ %(ip)s đến %(until)s, sau %(n)s lần nhập "
                "sai mật khẩu. Nếu không phải anh/chị nhập, hãy đổi mật khẩu và báo quản trị hệ thống."
            )
            % values,
            reverse("password_change"),
        )
        text = (
            gettext(
                "Tài khoản của %(who)s bị tạm khóa đăng nhập từ địa chỉ %(ip)s đến %(until)s (lần khóa thứ %(level)s)."
            )
            % values
        )
        for admin in administrators().exclude(pk=owner.pk):
            _send(admin, text, reverse("lockouts"))
