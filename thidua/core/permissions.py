"""Refusing a step the account may not take: every service says
`require(allowed, message)`, one line that reads as the rule it checks, and the pages
and the API answer the PermissionDenied with 403 and the message."""

from django.core.exceptions import PermissionDenied


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)
