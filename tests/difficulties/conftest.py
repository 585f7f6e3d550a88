"""The plan as loaded from its file, and difficulties at each step of their path."""

import pytest

from thidua.difficulties import services
from thidua.plans.loading import load_plan


@pytest.fixture
def plan(org):
    plan, _ = load_plan()
    return plan


@pytest.fixture
def raise_for(org, plan):
    """A difficulty of unit A (or `unit`) raised by its head, moved to `step`."""

    def make(step: str = "submitted", *, unit=None, by=None, title="Thiếu chứng thư số cho công chức"):
        unit = unit or org.units.a
        by = by or (org.users.head_b if unit == org.units.b else org.users.head_a)
        difficulty = services.raise_difficulty(
            actor=by,
            plan=plan,
            unit=unit,
            title=title,
            description="Mới có 2 chứng thư số cho 6 người.",
            proposal="Cấp bổ sung 4 chứng thư số.",
            submit=step != "draft",
        )
        if step in ("draft", "submitted"):
            return difficulty
        services.accept_difficulty(actor=org.users.officer, difficulty=difficulty)
        if step == "accepted":
            return difficulty
        services.review_difficulty(
            actor=org.users.officer,
            difficulty=difficulty,
            summary="Nhu cầu có thật.",
            recommendation="Đề nghị đồng ý cấp bổ sung.",
        )
        if step == "under_review":
            return difficulty
        services.decide_difficulty(actor=org.users.director, difficulty=difficulty, decision="Đồng ý cấp bổ sung.")
        if step == "decided":
            return difficulty
        return services.close_difficulty(actor=org.users.officer, difficulty=difficulty, note="Đã cấp đủ.")

    return make
