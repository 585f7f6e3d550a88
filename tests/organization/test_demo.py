"""`make run` loads the demo on every start: a second run duplicates nothing and loses
nothing entered since."""

import pytest
from django.core.management import call_command

from thidua.organization.models import Membership, Person, Unit, User

pytestmark = pytest.mark.django_db


def _counts():
    return Unit.objects.count(), Person.objects.count(), User.objects.count(), Membership.objects.count()


def test_the_demo_department(capsys):
    call_command("load_plan")
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "vanphong" in out and "giamdoc" in out
    assert 35 <= Person.objects.filter(is_demo=True).count() <= 50
    assert set(Person.objects.values_list("category", flat=True)) == {"can_bo", "cong_chuc", "vien_chuc", "nguoi_lao_dong"}
    assert Person.objects.exclude(ethnicity="Kinh").exists()
    assert Person.objects.get(code="BGD-01").full_name == "Nguyễn Khánh Lâm"


def test_a_second_run_duplicates_nothing_and_keeps_edits():
    call_command("load_plan")
    call_command("load_demo")
    before = _counts()
    person = Person.objects.get(code="PBGD-02")
    person.position = "Chuyên viên chính"
    person.save()
    call_command("load_demo")
    assert _counts() == before
    assert Person.objects.get(code="PBGD-02").position == "Chuyên viên chính"
