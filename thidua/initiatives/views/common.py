"""Helpers the initiative pages share: fetching what the user may see."""

from django.shortcuts import get_object_or_404

from thidua.initiatives.models import Initiative


def initiatives_for_lists(user):
    return Initiative.objects.visible_to(user).for_lists()


def visible_or_404(user, pk: int) -> Initiative:
    """Another unit's initiative answers 404, as if it did not exist."""
    return get_object_or_404(initiatives_for_lists(user).prefetch_related("conflicts"), pk=pk)
