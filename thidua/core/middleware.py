"""Request id for log lines, and the Content Security Policy header."""

import logging
import threading
import time
import uuid

_local = threading.local()
log = logging.getLogger("thidua.request")

# Only the app's own assets; no inline script or style, no framing, forms post home.
CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def current_request_id() -> str:
    return getattr(_local, "request_id", "")


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id() or "-"
        return True


class RequestIdMiddleware:
    """Tags the request with an id (kept from X-Request-ID when a proxy sets one) and
    writes one log line per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        _local.request_id = incoming[:32] if incoming.isalnum() else uuid.uuid4().hex
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = _local.request_id
            log.info(
                "%s %s %s %.1fms",
                request.method,
                request.path,
                response.status_code,
                (time.monotonic() - started) * 1000,
            )
            return response
        finally:
            _local.request_id = ""


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CSP)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


class IdleTimeoutMiddleware:
    """Signs a session out after SESSION_COOKIE_AGE without a request, like saving the
    session on every request would, but writes it at most once a minute: a session row
    written on every page was a database write and a commit per request, for a timeout
    that only needs to move forward by the minute. Placed after SessionMiddleware."""

    REFRESH_SECONDS = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get("_auth_user_id"):
            if int(time.time()) - session.get("seen", 0) >= self.REFRESH_SECONDS:
                mark_seen(session)
        return self.get_response(request)


def mark_seen(session) -> None:
    """Marks the session modified, so that it is saved with a new expiry date."""
    session["seen"] = int(time.time())


def seen_at_sign_in(sender, request, user, **kwargs) -> None:
    """Signing in saves the session anyway: the first page after it need not."""
    if request is not None and hasattr(request, "session"):
        mark_seen(request.session)
