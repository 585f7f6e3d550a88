"""`make run` loads the demo on every start: a second run duplicates nothing and loses
nothing entered since."""

import pytest
from django.core.management import call_command

from thidua.demo.organization import ACCOUNTS
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
    assert set(Person.objects.values_list("category", flat=True)) == {
        "can_bo",
        "cong_chuc",
        "vien_chuc",
        "nguoi_lao_dong",
    }
    assert Person.objects.exclude(ethnicity="Kinh").exists()
    assert Person.objects.get(code="BGD-01").full_name == "Nguyễn Khánh Lâm"


def test_a_second_run_duplicates_nothing_and_keeps_edits():
    call_command("load_plan")
    call_command("load_demo")
    before = _counts()
    person = Person.objects.get(code="PBGD-02")
    person.position = "Chuyên viên chính"
    person.save()
    # Every demo account shares the published password, so each must change it (outside
    # demo mode); one that did is not asked again by the next run.
    demo_accounts = User.objects.filter(username__in=[a.username for a in ACCOUNTS])
    assert demo_accounts.count() == len(ACCOUNTS) and all(u.must_change_password for u in demo_accounts)
    User.objects.filter(username="chuyenvien").update(must_change_password=False)
    call_command("load_demo")
    assert _counts() == before
    assert Person.objects.get(code="PBGD-02").position == "Chuyên viên chính"
    assert not User.objects.get(username="chuyenvien").must_change_password
