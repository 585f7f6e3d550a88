"""Recording a unit's rating meeting and the votes of each person: checked against
the unit (the people belong to it, the counts add up), saved with history."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from thidua.core.history import delete_with_history, save_with_history
from thidua.core.permissions import require
from thidua.ratingmeetings import rules
from thidua.ratingmeetings.models import RatingMeeting, RatingVote

MEETING_FIELDS = ("date", "start_time", "end_time", "place", "chair", "secretary", "members_total", "present")


def meeting_errors(unit, year: int, data: dict) -> dict[str, str]:
    """What is wrong with a meeting's fields, by field (the form shows them before the
    model's constraints would)."""
    errors: dict[str, str] = {}
    if data["date"].year not in (year, year + 1):
        errors["date"] = gettext("Cuộc họp bình xét năm %(year)s họp trong năm %(year)s hoặc đầu năm %(next)s.") % {
            "year": year,
            "next": year + 1,
        }
    elif data["date"] > timezone.localdate():
        errors["date"] = gettext("Ngày họp chưa tới: ghi cuộc họp sau khi đã họp.")
    if data["end_time"] <= data["start_time"]:
        errors["end_time"] = gettext("Giờ kết thúc phải sau giờ bắt đầu.")
    if data["present"] > data["members_total"]:
        errors["present"] = gettext("Số người dự họp không thể lớn hơn tổng số cán bộ của đơn vị (%(total)s).") % {
            "total": data["members_total"]
        }
    for role in ("chair", "secretary"):
        if data[role].unit_id != unit.pk:
            errors[role] = gettext("%(name)s không thuộc %(unit)s.") % {"name": data[role].full_name, "unit": unit.name}
    return errors


def save_meeting(*, actor, unit, year: int, meeting: RatingMeeting | None = None, **data) -> RatingMeeting:
    """Creates the unit's meeting of the year, or changes it."""
    require(rules.can_record(actor, unit), gettext("Chỉ thủ trưởng đơn vị hoặc Văn phòng Sở ghi cuộc họp bình xét."))
    errors = meeting_errors(unit, year, data)
    if errors:
        raise ValidationError(errors)
    if meeting is None:
        if RatingMeeting.objects.filter(unit=unit, year=year).exists():
            raise ValidationError(
                gettext("%(unit)s đã ghi cuộc họp bình xét năm %(year)s; hãy sửa cuộc họp đã ghi.")
                % {"unit": unit.name, "year": year}
            )
        meeting = RatingMeeting(unit=unit, year=year, created_by=actor)
    for name in (*MEETING_FIELDS, "conclusion"):
        if name in data:
            setattr(meeting, name, data[name])
    return save_with_history(meeting, actor=actor)


def save_vote(*, actor, meeting: RatingMeeting, person, award_code: str, votes_for: int, votes_against: int = 0):
    """The votes of one person for one title or form; recording it again replaces it."""
    require(rules.can_record(actor, meeting.unit), gettext("Chỉ thủ trưởng đơn vị hoặc Văn phòng Sở ghi kết quả."))
    if person.unit_id != meeting.unit_id:
        raise ValidationError(
            {
                "person": gettext("%(name)s không thuộc %(unit)s.")
                % {"name": person.full_name, "unit": meeting.unit.name}
            }
        )
    if votes_for + votes_against > meeting.present:
        raise ValidationError(
            {
                "votes_for": gettext(
                    "Tổng số phiếu (%(sum)s) lớn hơn số người dự họp (%(present)s): hãy kiểm tra lại số phiếu."
                )
                % {"sum": votes_for + votes_against, "present": meeting.present}
            }
        )
    with transaction.atomic():
        vote = RatingVote.objects.filter(meeting=meeting, person=person, award_code=award_code).first()
        vote = vote or RatingVote(meeting=meeting, person=person, award_code=award_code)
        vote.votes_for, vote.votes_against = votes_for, votes_against
        return save_with_history(vote, actor=actor)


def delete_vote(*, actor, vote: RatingVote) -> None:
    require(rules.can_record(actor, vote.meeting.unit), gettext("Chỉ thủ trưởng đơn vị hoặc Văn phòng Sở xóa kết quả."))
    delete_with_history(vote, actor=actor)
