"""Who hears about a unit report: its owner and the unit's heads, or the office. Notices
are written after the transaction commits, so a rolled-back action tells no one."""

from django.db import transaction

from thidua.notifications.services import notify_many
from thidua.organization.enums import Role
from thidua.organization.models import Membership, User
from thidua.reports import content


def unit_recipients(report) -> list[User]:
    """The owner's account and the accounts of the unit's heads, each once."""
    ids = set(Membership.objects.filter(role=Role.UNIT_HEAD, unit_id=report.unit_id).values_list("user_id", flat=True))
    if report.owner_id and report.owner.user_id:
        ids.add(report.owner.user_id)
    return list(User.objects.filter(pk__in=ids, is_active=True).order_by("pk"))


def office_users() -> list[User]:
    return list(User.objects.filter(memberships__role=Role.OFFICE, is_active=True).distinct())


def tell_unit(report, text: str) -> None:
    link = content.link(report)
    transaction.on_commit(lambda: notify_many(user_ids=[u.pk for u in unit_recipients(report)], text=text, link=link))


def tell_office(report, text: str) -> None:
    link = content.link(report)
    transaction.on_commit(lambda: notify_many(user_ids=[u.pk for u in office_users()], text=text, link=link))
