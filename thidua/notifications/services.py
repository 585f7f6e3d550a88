"""Creating and reading notices. A notice is a message to one person, not domain data,
so reading it is not written to the activity log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from thidua.notifications.models import Notice

if TYPE_CHECKING:  # notices sit below the organisation, which sends them: no runtime import
    from thidua.organization.models import User


def notify(*, user: User, text: str, link: str = "") -> Notice:
    """Side effects: one Notice row for `user`."""
    return Notice.objects.create(user=user, text=text[:500], link=link[:300])


def mark_read(*, notice: Notice, actor: User) -> None:
    """Side effects: the notice is marked read (only the addressee's own notice)."""
    Notice.objects.filter(pk=notice.pk, user=actor).update(is_read=True)


def mark_all_read(*, actor: User) -> int:
    """Side effects: every unread notice of `actor` is marked read. Returns how many."""
    return Notice.objects.for_user(actor).unread().update(is_read=True)


def notify_many(*, user_ids: list[int], text: str, link: str = "") -> None:
    """Side effects: one Notice row per account in `user_ids`, in one INSERT."""
    Notice.objects.bulk_create([Notice(user_id=uid, text=text[:500], link=link[:300]) for uid in user_ids])
