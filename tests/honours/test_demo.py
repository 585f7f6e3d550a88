"""The demo honours page on the demo department: three published examples (the
legal-aid centre, the notary office, the judicial-record archive), the recognised
initiatives and the 2025 awards published; loading again adds and overwrites nothing."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from thidua.core.models import ActivityLog
from thidua.demo import commendation as commendation_demo
from thidua.demo import honours as demo
from thidua.demo import initiatives as initiatives_demo
from thidua.demo.organization import load_demo
from thidua.honours import services
from thidua.honours.models import OutstandingExample, Publication
from thidua.organization.models import Unit, User
from thidua.plans.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_plan(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_plan", verbosity=0)
    load_demo(Unit.objects.get(code="STP"))
    plan = Plan.objects.get()
    initiatives_demo.load(plan)
    commendation_demo.load(plan)
    return plan


def test_the_demo_publishes_examples_initiatives_and_awards(demo_plan):
    summary = demo.load(demo_plan)
    assert summary.startswith("Trang tôn vinh minh họa: công bố 3 điển hình mới, 3 sáng kiến, ")
    assert OutstandingExample.objects.filter(is_published=True).count() == 3
    home = Client().get(reverse("honours_home")).content.decode()
    assert "Trợ giúp pháp lý lưu động đến tận các xã vùng cao" in home
    assert "Phòng Công chứng số 1: công chứng ít giấy, nhanh hơn" in home
    assert "Năm 2025:" in home
    assert Publication.objects.filter(award__isnull=False, award__year=2025).exists()


def test_loading_again_adds_nothing_and_keeps_what_the_office_took_off(demo_plan):
    demo.load(demo_plan)
    office = User.objects.get(username="vanphong")
    taken_off = Publication.objects.filter(initiative__isnull=False).first()
    services.unpublish_initiative(actor=office, initiative=taken_off.initiative)
    counts = (OutstandingExample.objects.count(), Publication.objects.count(), ActivityLog.objects.count())
    assert demo.load(demo_plan) == (
        "Trang tôn vinh minh họa: công bố 0 điển hình mới, 0 sáng kiến, 0 khen thưởng năm 2025."
    )
    assert counts == (OutstandingExample.objects.count(), Publication.objects.count(), ActivityLog.objects.count())
    taken_off.refresh_from_db()
    assert not taken_off.is_published


def test_without_the_demo_accounts_nothing_is_loaded(db):
    call_command("load_plan", verbosity=0)
    assert "bỏ qua" in demo.load(Plan.objects.get())
