"""Setting a review's date and freezing its figures. Pages, the API and any scheduler
call these; each checks the office's right (PermissionDenied), the dates
(ValidationError, Vietnamese) and that a review is frozen once (AlreadyFrozen)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from thidua.core.history import save_with_history, update_once
from thidua.core.permissions import require
from thidua.core.workflow import AlreadyChanged
from thidua.organization.models import User
from thidua.plans.models import Phase
from thidua.reviews import report_texts, rules, sections, snapshot
from thidua.reviews.models import Review, ReviewSnapshot


class AlreadyFrozen(AlreadyChanged):
    """The review's figures were frozen before; the message says when."""


def office_only() -> str:
    return gettext("Chỉ Văn phòng Sở đặt ngày và chốt số liệu sơ kết, tổng kết.")


def _day(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


def frozen_message(review: Review) -> str:
    moment = timezone.localtime(review.frozen_at).strftime("%H:%M %d/%m/%Y")
    return gettext("Số liệu %(review)s đã được chốt lúc %(moment)s; số liệu chỉ chốt một lần và không chốt lại.") % {
        "review": str(review).lower(),
        "moment": moment,
    }


@transaction.atomic
def schedule_review(*, actor: User, phase: Phase, review_date: datetime.date) -> Review:
    """Set (or move) the date a phase's review freezes its figures, within the review
    year. Side effects: the Review created or changed, logged. Raises ValidationError
    for a date outside the review year, AlreadyFrozen once the figures are frozen."""
    require(rules.can_schedule(actor, phase), office_only())
    if review_date.year != phase.review_year:
        raise ValidationError(
            {
                "review_date": gettext(
                    "Ngày %(date)s không thuộc năm %(year)s của kỳ %(kind)s. Hãy chọn một ngày trong năm %(year)s."
                )
                % {
                    "date": _day(review_date),
                    "year": phase.review_year,
                    "kind": phase.get_review_kind_display().lower(),
                }
            }
        )
    review = Review.objects.filter(phase=phase).first() or Review(
        plan=phase.plan, phase=phase, created_by=_account(actor)
    )
    if review.is_frozen:
        raise AlreadyFrozen(frozen_message(review))
    review.review_date = review_date
    return save_with_history(review, actor=actor)


def _account(actor: User | None):
    return actor if getattr(actor, "is_authenticated", False) else None


@transaction.atomic
def freeze_review(*, actor: User, review: Review) -> int:
    """Freeze the figures of every unit as they stand at the review date; returns how
    many figures were stored. The claim on the review is a conditional UPDATE (… WHERE
    frozen_at IS NULL), so of two simultaneous clicks exactly one freezes.

    Side effects: frozen_at and frozen_by set; one ReviewSnapshot row per figure; the
    frozen sections (ranking, awards, initiatives, self-inspection, difficulties); one
    activity-log row on the review with the number of figures. Raises
    ValidationError before the review date, AlreadyFrozen the second time."""
    require(rules.can_freeze(actor, review), office_only())
    today = timezone.localdate()
    if review.review_date > today:
        raise ValidationError(
            gettext("Chưa đến ngày chốt số liệu (%(date)s). Số liệu được chốt vào hoặc sau ngày đó.")
            % {"date": _day(review.review_date)}
        )
    figures = snapshot.rows(review)
    frozen_sections = sections.freeze(review)
    claimed = update_once(
        review,
        actor=actor,
        where={"frozen_at__isnull": True},
        values={"frozen_at": timezone.now(), "frozen_by": _account(actor)},
        also={"figures": [0, len(figures)], "sections": [[], list(frozen_sections)]},
        note=gettext("Chốt số liệu %(review)s tại ngày %(date)s")
        % {"review": str(review).lower(), "date": _day(review.review_date)},
    )
    if not claimed:
        raise AlreadyFrozen(frozen_message(review))
    ReviewSnapshot.objects.bulk_create(figures)
    # Written in the same transaction as the claim, which only this call won.
    Review.objects.filter(pk=review.pk).update(sections=frozen_sections)
    review.sections = frozen_sections
    return len(figures)


def save_texts(*, actor: User, review: Review, **fields) -> Review:
    """The office's words in the review report (`report_texts.TEXT_FIELDS`), before or
    after the freeze: the figures are frozen, the assessment is written afterwards.
    Side effects: the Review's texts, with history."""
    require(rules.can_write_texts(actor, review), gettext("Chỉ Văn phòng Sở viết nội dung báo cáo sơ kết, tổng kết."))
    for name, value in fields.items():
        if name not in report_texts.TEXT_FIELDS:
            raise ValueError(name)
        setattr(review, name, "\n".join(report_texts.lines(value)))
    return save_with_history(review, actor=actor)
