"""Locking an (account name, address) pair after repeated failed sign-ins, through
django-axes, for a time that grows with each repeated lockout.

Axes counts the failures of the pair; this module tells it how long they are remembered
and how long the lock lasts (`cool_off`, AXES_COOLOFF_TIME), records each lockout as a
`Lockout` row (which the office's page lists and lifts) and answers a locked request.
A stranger who types the Director's name from their own address locks only that pair:
the Director, elsewhere, still signs in."""

import datetime
import logging

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_ip_address, get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext

from thidua.accounts.models import Lockout
from thidua.core.history import record, save_with_history
from thidua.core.models import ActivityLog
from thidua.organization.models import User

log = logging.getLogger(__name__)

FIRST_COOL_OFF = datetime.timedelta(minutes=15)
LONGEST_COOL_OFF = datetime.timedelta(hours=24)
# A lockout that starts within this time after the previous one of the same pair ended
# is a repeat, and lasts twice as long as that one.
REPEAT_WINDOW = datetime.timedelta(hours=24)


def duration_for(level: int) -> datetime.timedelta:
    """15 minutes for a first lockout, then 30, 60 … up to 24 hours."""
    return min(FIRST_COOL_OFF * 2 ** (max(level, 1) - 1), LONGEST_COOL_OFF)


def next_level(username: str, ip_address: str | None, now: datetime.datetime) -> int:
    last = Lockout.objects.of_pair(username, ip_address).first()
    if last is None:
        return 1
    ended = last.lifted_at or last.until
    return last.level + 1 if ended > now - REPEAT_WINDOW else 1


def _now(request) -> datetime.datetime:
    return getattr(request, "axes_attempt_time", None) or timezone.now()


def _pair(request, credentials=None) -> tuple[str, str | None]:
    username = get_client_username(request, credentials) or ""
    ip_address = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
    return username, ip_address


def cool_off(request) -> datetime.timedelta:
    """AXES_COOLOFF_TIME. While the pair is locked: the length of that lockout; otherwise
    the length the next lockout would have, which is also how long each failure counts."""
    if request is None:
        return FIRST_COOL_OFF
    username, ip_address = _pair(request)
    now = _now(request)
    active = Lockout.objects.of_pair(username, ip_address).active(now).first()
    if active is not None:
        return active.until - active.started_at
    return duration_for(next_level(username, ip_address, now))


class ExpiringAttemptsHandler(AxesDatabaseHandler):
    """Counts only the failures whose stored expiry is still ahead. Axes' own filter
    compares the last failure with the cool-off computed for the current request, and
    that grows once a lockout has ended (the next would be longer): the lockout that
    just ended would then still count. The expiry saved with each failure does not move."""

    def get_user_attempts(self, request, credentials=None):
        now = _now(request)
        return [
            attempts.filter(expiration__expires_at__gt=now)
            for attempts in self.filter_user_attempts(request, credentials)
        ]


def client_ip_address(request) -> str | None:
    """AXES_CLIENT_IP_CALLABLE. Behind our nginx every request comes from the proxy's
    address; the client's is the last entry of X-Forwarded-For, the one nginx appended
    (entries before it are whatever the client sent and prove nothing)."""
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR")


def on_locked_out(sender, request, username, ip_address, **kwargs) -> None:
    """Receiver of axes' user_locked_out, sent by the failure that reaches the limit and
    again by each attempt refused while locked: only the first makes a Lockout row."""
    now = _now(request)
    username = username or ""
    with transaction.atomic():
        if Lockout.objects.of_pair(username, ip_address).active(now).exists():
            return
        level = next_level(username, ip_address, now)
        lockout = Lockout.objects.create(
            username=username,
            ip_address=ip_address,
            level=level,
            started_at=now,
            until=now + duration_for(level),
            user=get_user_model().objects.filter(username=username).first() if username else None,
        )
        record(
            actor=None,
            obj=lockout,
            action=ActivityLog.Action.CREATED,
            note=gettext("Khóa đăng nhập sau %(n)s lần nhập sai") % {"n": settings.AXES_FAILURE_LIMIT},
        )
    from thidua.accounts.lockout_notices import announce

    announce(lockout)


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the page shown instead of the sign-in form while locked."""
    username, ip_address = _pair(request, credentials)
    lockout = Lockout.objects.of_pair(username, ip_address).active(_now(request)).first()
    return render(
        request,
        "registration/locked.html",
        {"lockout": lockout, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )


def lift(lockout: Lockout, *, actor: User | None) -> None:
    """Side effects: the pair's counted failures are forgotten, the lockout is marked
    lifted (logged with who lifted it), and the slow-down of the account name ends."""
    from thidua.accounts import slowdown

    with transaction.atomic():
        AccessAttempt.objects.filter(username=lockout.username, ip_address=lockout.ip_address).delete()
        if lockout.lifted_at is None:
            lockout.lifted_at = timezone.now()
            lockout.lifted_by = actor if getattr(actor, "is_authenticated", False) else None
            save_with_history(lockout, actor=actor, note=gettext("Mở khóa đăng nhập"))
    slowdown.forget(lockout.username)


def lift_all(username: str, *, actor: User | None = None) -> int:
    """Every lockout of an account name, from any address, lifted; also failures not
    yet at the limit. Returns how many failure records were removed."""
    from thidua.accounts import slowdown

    removed = AccessAttempt.objects.filter(username=username).count()
    for lockout in Lockout.objects.filter(username=username).active():
        lift(lockout, actor=actor)
    AccessAttempt.objects.filter(username=username).delete()
    slowdown.forget(username)
    return removed
