"""Slowing down guesses at one account name from many addresses. The lockout counts
failures per (name, address), so a stranger with many addresses could still try many
passwords; after THRESHOLD failures for a name within WINDOW seconds, from any addresses,
that name is accepted at most once every few seconds (5, 10, 20 … up to a minute). It is
never a lock: the owner who waits is let in with the right password. The counts live in
the Django cache (local memory or Redis); without a cache there is no slow-down."""

import hashlib
import math
import time

from django.core.cache import cache

THRESHOLD = 10
WINDOW = 15 * 60
FIRST_DELAY = 5
LONGEST_DELAY = 60


def _key(kind: str, username: str) -> str:
    # Hashed: names are typed by anyone and may hold characters a cache key may not.
    return f"signin-{kind}:" + hashlib.sha256(username.encode()).hexdigest()


def delay_for(failures: int) -> int:
    """Seconds between accepted attempts once `failures` reached the threshold."""
    return min(FIRST_DELAY * 2 ** max(failures - THRESHOLD, 0), LONGEST_DELAY)


def failures(username: str) -> int:
    return cache.get(_key("failures", username)) or 0


def admit(username: str) -> int:
    """0 when a sign-in attempt for `username` may go on now (and the next one must then
    wait); otherwise the seconds left to wait. Adding the gate is atomic, so of several
    simultaneous attempts one goes on."""
    if not username:
        return 0
    count = failures(username)
    if count < THRESHOLD:
        return 0
    delay = delay_for(count)
    if cache.add(_key("gate", username), time.time() + delay, timeout=delay):
        return 0
    open_at = cache.get(_key("gate", username))
    if open_at is None:  # the gate closed just now, or the cache is unreachable
        return 0
    return max(1, math.ceil(open_at - time.time()))


def record_failure(username: str) -> int:
    """Counts one failure for the name (the window restarts with each one, so a steady
    stream of guesses stays slowed). Returns the count."""
    key = _key("failures", username)
    cache.add(key, 0, timeout=WINDOW)
    try:
        count = cache.incr(key) or 0
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW)
        count = 1
    cache.touch(key, WINDOW)
    if count >= THRESHOLD:
        delay = delay_for(count)
        cache.set(_key("gate", username), time.time() + delay, timeout=delay)
    return count


def forget(username: str) -> None:
    cache.delete_many([_key("failures", username), _key("gate", username)])


def on_failure(sender, credentials, request=None, **kwargs) -> None:
    """Receiver of user_login_failed."""
    username = (credentials or {}).get("username")
    if username:
        record_failure(username)


def on_success(sender, request, user, **kwargs) -> None:
    """Receiver of user_logged_in: the owner got in, the count starts again."""
    forget(user.get_username())
