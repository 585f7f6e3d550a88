"""Pages of the organisation: the unit tree, the people list and a person's page, and
the Excel import for the office. The office's personal-data pages are in
`thidua/privacy/views.py`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from thidua.core.downloads import attachment
from thidua.core.forms import WorkbookForm
from thidua.core.models import ActivityLog
from thidua.core.pagination import paginate
from thidua.organization import reads, rules
from thidua.organization.enums import Category
from thidua.organization.forms import PeopleFilterForm
from thidua.organization.models import Person, Unit


def _tree(units: list[Unit]) -> list[dict]:
    """Nest visible units under their nearest visible parent, for the tree page."""
    nodes = {u.pk: {"unit": u, "children": []} for u in units}
    roots = []
    for unit in units:
        parent = nodes.get(unit.parent_id)
        (parent["children"] if parent else roots).append(nodes[unit.pk])
    return roots


@login_required
def unit_tree(request):
    units = list(Unit.objects.visible_to(request.user).annotate(people_count=Count("people")).order_by("order", "name"))
    return render(request, "organization/unit_tree.html", {"roots": _tree(units)})


@login_required
def people(request):
    # Only what an option shows: a province's filter lists some 1,500 units.
    form = PeopleFilterForm(request.GET or None, units=Unit.objects.visible_to(request.user).only("id", "name"))
    qs = Person.objects.visible_to(request.user).select_related("unit")
    if not rules.can_manage_personal_data(request.user):
        qs = qs.current()  # someone anonymised has left: only the office still finds them
    if form.is_valid():
        qs = form.apply(qs)
    page = paginate(request, qs)
    return render(request, "organization/people.html", {"form": form, "page_obj": page, "categories": Category})


def visible_person(user, pk: int) -> Person:
    person = get_object_or_404(Person.objects.select_related("unit", "user"), pk=pk)
    if not rules.can_see_person(user, person):
        raise Http404  # another unit's person: as if it did not exist
    return person


@login_required
def person_detail(request, pk: int):
    person = visible_person(request.user, pk)
    memberships = person.user.memberships.select_related("unit") if person.user else []
    history = (
        ActivityLog.objects.for_object(person)
        .exclude(action=ActivityLog.Action.VIEWED_PERSONAL)
        .select_related("actor__person")[:20]
        if rules.can_read_history(request.user)
        else []
    )
    manages = rules.can_manage_personal_data(request.user)
    return render(
        request,
        "organization/person_detail.html",
        {
            "person": person,
            "memberships": memberships,
            "history": history,
            "personal": reads.show_detail(request.user, person, via=request.path),
            "manages_personal_data": manages,
            "reads": reads.latest_reads(person) if manages else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_organization(request):
    if not rules.can_manage_organization(request.user):
        raise PermissionDenied
    from thidua.organization.importing import import_workbook

    result = None
    form = WorkbookForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        result = import_workbook(form.cleaned_data["file"], actor=request.user)
        if not result.errors:
            messages.success(request, gettext("Đã nhập xong tệp Excel."))
    return render(request, "organization/import.html", {"form": form, "result": result})


@login_required
def import_template(request):
    if not rules.can_manage_organization(request.user):
        raise PermissionDenied
    from thidua.organization.import_template import template_workbook

    return attachment(template_workbook(), "mau-nhap-don-vi-can-bo.xlsx")
