"""The public honours pages (trang tôn vinh), readable without signing in: outstanding
examples, decided awards by year and unit, and recognised initiatives to replicate.
Only what the office has published is shown, and of a person only the name, the
position, the unit and the achievement. Never cached: an item the office takes off
disappears at once, and no page of a signed-in user can be served to anyone else."""

import mimetypes

from django.core.files.storage import default_storage
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from thidua.core import params
from thidua.core.pagination import paginate
from thidua.honours.models import OutstandingExample, public_awards, public_initiatives
from thidua.outgoing.models import SignedCopy
from thidua.outgoing.signed_copies import signed_issued_copies

HOME_ITEMS = 3


@never_cache
def home(request):
    # The first in the register's index order, not MAX(): the index answers it at once.
    latest = public_awards().order_by("-year", "-decision_date", "-id").values_list("year", flat=True).first()
    counts = (
        public_awards()
        .filter(year=latest)
        .aggregate(people=Count("id", filter=Q(person__isnull=False)), units=Count("id", filter=Q(unit__isnull=False)))
    )
    return render(
        request,
        "honours/home.html",
        {
            "examples": OutstandingExample.objects.published().for_lists()[:HOME_ITEMS],
            "initiatives": public_initiatives()[:HOME_ITEMS],
            "latest_year": latest,
            "counts": counts,
        },
    )


@never_cache
def examples(request):
    rows = OutstandingExample.objects.published().for_lists()
    return render(request, "honours/examples.html", {"page_obj": paginate(request, rows)})


@never_cache
def example_detail(request, pk: int):
    example = get_object_or_404(OutstandingExample.objects.published().for_lists(), pk=pk)
    return render(request, "honours/example_detail.html", {"example": example})


@never_cache
def example_photo(request, pk: int):
    example = get_object_or_404(OutstandingExample.objects.published().exclude(photo=""), pk=pk)
    content_type = mimetypes.guess_type(example.photo_name)[0] or "application/octet-stream"
    try:
        handle = default_storage.open(example.photo, "rb")
    except FileNotFoundError as exc:
        raise Http404(gettext("Ảnh không còn trên máy chủ.")) from exc
    return FileResponse(handle, content_type=content_type)


def _award_years() -> list[int]:
    return list(public_awards().order_by("-year").values_list("year", flat=True).distinct())


def _by_unit(awards) -> list[dict]:
    """Awards grouped under the unit they belong to, in the department's order."""
    groups: dict[int, dict] = {}
    for award in awards:
        unit = award.person.unit if award.person_id else award.unit
        group = groups.setdefault(unit.pk, {"unit": unit, "collective": [], "people": []})
        group["people" if award.person_id else "collective"].append(award)
    return sorted(groups.values(), key=lambda g: (g["unit"].order, g["unit"].name))


@never_cache
def awards(request):
    years = _award_years()
    year = params.for_page(request, params.year, "nam")
    year = year if year in years else (years[0] if years else None)
    rows = list(public_awards().filter(year=year).order_by("award_type__order", "person__full_name", "id"))
    signed = signed_issued_copies(row.decision_number for row in rows)
    for row in rows:
        row.signed_copy = signed.get(row.decision_number)
    return render(request, "honours/awards.html", {"years": years, "year": year, "groups": _by_unit(rows)})


@never_cache
def signed_decision(request, pk: int):
    """The signed PDF of a decision of published awards, when its signature is valid:
    the issued copy the public may read."""
    copy = get_object_or_404(SignedCopy.objects.select_related("issued"), pk=pk)
    published = public_awards().filter(decision_number=copy.issued.number_symbol).exists()
    if not published or signed_issued_copies([copy.issued.number_symbol]).get(copy.issued.number_symbol) != copy:
        raise Http404
    try:
        handle = copy.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404(gettext("Tệp không còn trên máy chủ.")) from exc
    return FileResponse(handle, content_type="application/pdf", filename=f"{copy.issued.number_symbol}.pdf")


@never_cache
def initiatives(request):
    return render(request, "honours/initiatives.html", {"page_obj": paginate(request, public_initiatives())})


@never_cache
def initiative_detail(request, pk: int):
    initiative = get_object_or_404(public_initiatives(), pk=pk)
    return render(request, "honours/initiative_detail.html", {"initiative": initiative})
