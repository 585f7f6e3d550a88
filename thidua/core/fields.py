"""Model fields every app declares the same way."""

from django.conf import settings
from django.db import models


def acting_user(verbose_name) -> models.ForeignKey:
    """The account that did something to the row (recorded it, sent it, closed it…):
    left empty when the account is deleted, and no reverse accessor on the account."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=verbose_name,
    )
