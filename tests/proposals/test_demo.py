"""The December–January part of the demo year, loaded twice."""

import pytest

from thidua.commendation import demo as commendation_demo
from thidua.commendation.models import AwardRecord
from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.council.models import Ballot, Meeting
from thidua.initiatives import demo as initiatives_demo
from thidua.organization.demo import load_demo
from thidua.organization.models import Unit
from thidua.plans.loading import load_plan
from thidua.proposals import demo
from thidua.proposals.models import Decision, Proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    plan, _ = load_plan()
    load_demo(Unit.objects.get(code="STP"))
    initiatives_demo.load(plan)
    commendation_demo.load(plan)
    return plan


def _counts():
    return (Proposal.objects.count(), Meeting.objects.count(), Ballot.objects.count(), Decision.objects.count(),
            AwardRecord.objects.count(), ActivityLog.objects.count())


def test_the_demo_tells_the_story_and_a_second_load_adds_nothing(plan):
    first = demo.load(plan)
    assert "quyết định của Giám đốc: 01/QĐ-STP" in first and "2 đề nghị trình UBND tỉnh" in first
    counts = _counts()
    second = demo.load(plan)
    assert second == ("Đề nghị khen thưởng: thêm 0 đề nghị, quyết định của Giám đốc: không có quyết định mới, "
                      "0 đề nghị trình UBND tỉnh.")
    assert _counts() == counts

    states = list(Proposal.objects.values_list("state", flat=True))
    for state in (State.SUBMITTED, State.RETURNED, State.ACCEPTED, State.DECIDED, State.FORWARDED):
        assert state in states
    assert states.count(State.RETURNED) == 1
    assert set(Proposal.objects.filter(state=State.FORWARDED).values_list("award_code", flat=True)) == {
        "TTLDXS", "BK_TINH"}
    decision = Decision.objects.get(issued_here=True)
    assert {"LDTT", "CSTDCS", "TTLDTT", "GK"} <= set(decision.proposals.values_list("award_code", flat=True))
    assert AwardRecord.objects.filter(decision_number=decision.number_symbol).count() == decision.proposals.count()
    assert all(m.is_closed for m in Meeting.objects.all())
    # the browser test's path is left free: CSTĐCS for PBGD-02 and a form of commendation for PBGD-03
    assert not Proposal.objects.filter(person__code="PBGD-02", award_code="CSTDCS").exists()
    assert not Proposal.objects.filter(person__code="PBGD-03", category="form").exists()
