"""Model fields every app declares the same way."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


def acting_user(verbose_name=None) -> models.ForeignKey:
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


def acted(who, when) -> tuple[models.ForeignKey, models.DateTimeField]:
    """Who did something to the row and when (now, unless the service says otherwise):
    `created_by, created_at = acted(_("người lập"), _("ngày lập"))`."""
    return acting_user(who), models.DateTimeField(when, default=timezone.now)


def optional_link(to, verbose_name, *, on_delete, field=models.ForeignKey, **options):
    """A link the row may do without: empty in the database and in forms alike."""
    return field(to, null=True, blank=True, on_delete=on_delete, verbose_name=verbose_name, **options)


def one_subject(prefix: str, **options) -> models.CheckConstraint:
    """A row about a person or a unit: exactly one of `person` and `unit` is set."""
    return models.CheckConstraint(
        condition=Q(person__isnull=False, unit__isnull=True) | Q(person__isnull=True, unit__isnull=False),
        name=f"{prefix}_one_subject",
        **options,
    )
