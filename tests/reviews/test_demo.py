"""The demo year is 2026: the reviews demo freezes nothing and sets no date, and the
reviews page explains that the mid-term review falls in 2027."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from thidua.demo import reviews as demo
from thidua.plans.models import Plan
from thidua.reviews.models import Review, ReviewSnapshot

pytestmark = pytest.mark.django_db


def test_the_demo_freezes_nothing_and_the_page_explains_why(org, client_for):
    call_command("load_plan", verbosity=0)
    plan = Plan.objects.get()
    assert "kỳ sơ kết vào năm 2027" in demo.load(plan)
    assert demo.load(plan) == demo.load(plan)
    assert not Review.objects.exists() and not ReviewSnapshot.objects.exists()
    page = client_for(org.users.officer).get(reverse("reviews_home")).content.decode()
    assert "Sơ kết 2027" in page and "Kỳ này diễn ra trong năm 2027" in page
