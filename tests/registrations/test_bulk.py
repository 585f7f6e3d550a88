"""The office accepts or returns many unit registrations in one action."""

import pytest

from thidua.core.codes import State
from thidua.registrations import services
from thidua.registrations.models import UnitRegistration

pytestmark = pytest.mark.django_db


@pytest.fixture
def both_sent(org, submitted, unit_b_draft):
    return [submitted, services.submit_registration(registration=unit_b_draft, actor=org.users.head_b)]


def test_the_office_accepts_every_registration_received_in_one_action(org, both_sent, client_for):
    client = client_for(org.users.officer)
    ids = [r.pk for r in both_sent]
    page = client.post("/dang-ky-thi-dua/tiep-nhan-nhieu/", {"chon": ids}).content.decode()
    assert "Tiếp nhận 2 mục sau:" in page
    assert "Đăng ký thi đua năm 2026 của Trung tâm Trợ giúp pháp lý" in page
    client.post("/dang-ky-thi-dua/tiep-nhan-nhieu/", {"chon": ids, "xac-nhan": "1"})
    assert set(UnitRegistration.objects.filter(pk__in=ids).values_list("state", flat=True)) == {State.ACCEPTED}
    assert 'form="bulk-registrations"' in client.get("/dang-ky-thi-dua/tong-hop/?nam=2026").content.decode()


def test_returning_many_needs_the_reason_and_a_unit_head_cannot(org, both_sent, client_for):
    ids = [r.pk for r in both_sent]
    assert client_for(org.users.head_a).post("/dang-ky-thi-dua/tra-lai-nhieu/", {"chon": ids}).status_code == 403
    client = client_for(org.users.officer)
    missing = client.post("/dang-ky-thi-dua/tra-lai-nhieu/", {"chon": ids, "xac-nhan": "1", "reason": ""})
    assert missing.status_code == 400
    client.post("/dang-ky-thi-dua/tra-lai-nhieu/", {"chon": ids, "xac-nhan": "1", "reason": "Bổ sung cam kết."})
    assert set(UnitRegistration.objects.filter(pk__in=ids).values_list("state", flat=True)) == {State.RETURNED}
