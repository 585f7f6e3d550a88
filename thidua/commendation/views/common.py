"""What every commendation page shares: access checks that answer 403 or 404."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext

from thidua.commendation import rules
from thidua.core.models import ActivityLog
from thidua.core.permissions import require
from thidua.organization.models import Person, Unit


def require_manager(user) -> None:
    require(rules.can_manage(user), gettext("Chỉ Văn phòng Sở được thực hiện việc này."))


def visible_person(user, pk: int) -> Person:
    person = get_object_or_404(Person.objects.select_related("unit"), pk=pk)
    if not rules.can_see_record(user, person):
        raise Http404  # someone else's record: as if it did not exist
    return person


def visible_unit(user, pk: int) -> Unit:
    unit = get_object_or_404(Unit, pk=pk)
    if not rules.can_see_record(user, unit):
        raise Http404
    return unit


def subject_from(user, kind: str, pk: int) -> Person | Unit:
    if kind == "ca-nhan":
        return visible_person(user, pk)
    if kind == "don-vi":
        return visible_unit(user, pk)
    raise Http404


def history_of(objects) -> list[ActivityLog]:
    """The activity log of several objects of one model, in one query."""
    objects = list(objects)
    if not objects:
        return []
    content_type = ContentType.objects.get_for_model(objects[0], for_concrete_model=False)
    return list(
        ActivityLog.objects.filter(
            content_type=content_type, object_id__in=[str(o.pk) for o in objects]
        ).select_related("actor__person")[:50]
    )
