"""A scope that holds every unit filters nothing; any smaller scope still filters."""

from django.urls import reverse

from tests.factories import PersonFactory, UnitFactory, account
from thidua.organization import rules
from thidua.organization.enums import Role
from thidua.organization.models import Person, Unit
from thidua.organization.tree import UnitTree


def _province_office(org):
    """An office placed at the province itself: its agency is the whole tree."""
    clerk = PersonFactory(full_name="Lý Thị Nga", unit=org.units.province)
    return account("banthidua", clerk, (Role.OFFICE, org.units.province))


def test_the_province_office_scope_is_the_whole_tree(org):
    scope = rules.unit_scope(_province_office(org))
    assert isinstance(scope, rules.WholeTree)
    assert set(scope) == set(Unit.objects.values_list("id", flat=True))
    assert rules.in_scope(scope, "unit_id").children == []  # no condition sent


def test_a_department_office_scope_is_not_and_keeps_filtering(org, client_for):
    elsewhere = UnitFactory(code="STC", name="Sở Tài chính", parent=org.units.province)
    outsider = PersonFactory(full_name="Phan Văn Tài", unit=elsewhere)
    scope = rules.unit_scope(org.users.officer)
    assert not isinstance(scope, rules.WholeTree) and elsewhere.pk not in scope
    assert outsider not in Person.objects.visible_to(org.users.officer)
    client = client_for(org.users.officer)
    assert client.get(reverse("person_detail", args=[outsider.pk])).status_code == 404


def test_the_province_office_sees_every_unit_and_person(org):
    elsewhere = UnitFactory(code="STC", name="Sở Tài chính", parent=org.units.province)
    outsider = PersonFactory(full_name="Phan Văn Tài", unit=elsewhere)
    user = _province_office(org)
    assert outsider in Person.objects.visible_to(user)
    assert set(Unit.objects.visible_to(user)) == set(Unit.objects.all())


def test_the_tree_walks_down_and_finds_the_agency_above(org):
    tree = UnitTree()
    assert tree.agency_of(org.units.a.pk) == org.units.agency.pk
    assert tree.subtree([org.units.agency]) == {
        org.units.agency.pk,
        org.units.leaders.pk,
        org.units.office.pk,
        org.units.a.pk,
        org.units.b.pk,
    }
    assert Unit.objects.subtree_ids([org.units.agency.pk]) == tree.subtree([org.units.agency.pk])
