"""Helpers the proposal pages share: fetching what the user may see."""

from django.shortcuts import get_object_or_404

from thidua.proposals.models import Proposal


def visible_or_404(user, pk: int) -> Proposal:
    """Another unit's proposal answers 404, as if it did not exist."""
    return get_object_or_404(Proposal.objects.visible_to(user).for_lists().prefetch_related("files"), pk=pk)
