"""The proposals attached to a review: movement-based proposals (kind `chuyen_de`) for
the review's year, read from `thidua.proposals`. The reviews app does not depend on
that app: when it has no Proposal model (or not the fields read here), the answer is
an empty list with a note saying so, and the review pages still work."""

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext

from thidua.core.codes import CommendationKind

NEEDED_FIELDS = {"kind", "year", "state"}


def _proposal_model():
    try:
        model = apps.get_model("proposals", "Proposal")
    except LookupError:
        return None
    names = {field.name for field in model._meta.get_fields()}
    return model if NEEDED_FIELDS <= names else None


def review_proposals(review, user=None) -> tuple[list, str]:
    """(proposals, note): the `chuyen_de` proposals of the review's year that `user`
    may see (all of them without a user), and a note when none can be read."""
    model = _proposal_model()
    if model is None:
        return [], gettext("Chưa đọc được đề nghị khen thưởng: chức năng đề nghị khen thưởng chưa sẵn sàng.")
    proposals = model.objects.filter(kind=CommendationKind.CHUYEN_DE, year=review.year)
    if user is not None and hasattr(proposals, "visible_to"):
        proposals = proposals.visible_to(user)
    if hasattr(proposals, "for_lists"):
        proposals = proposals.for_lists()
    return list(proposals.order_by("id")), ""


def proposal_url(proposal) -> str | None:
    """The proposal's page, if the proposals app offers one."""
    try:
        return reverse("proposal_detail", args=[proposal.pk])
    except NoReverseMatch:
        return None
