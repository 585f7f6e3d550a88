"""The unit head confirms many results of the unit's people in one action."""

import pytest
from django.urls import reverse

from thidua.core.codes import State
from thidua.results import services
from thidua.results.models import ResultEntry

pytestmark = pytest.mark.django_db


def test_the_unit_head_confirms_every_result_waiting_in_one_action(org, client_for, make_entry):
    entries = [make_entry(title="Số hóa hồ sơ"), make_entry(title="Ký số văn bản")]
    for entry in entries:
        services.submit_result(actor=org.users.staff_a, entry=entry)
    client = client_for(org.users.head_a)
    ids = [e.pk for e in entries]
    page = client.post(reverse("results_confirm_many"), {"chon": ids}).content.decode()
    assert "Xác nhận 2 mục sau:" in page and "Đặng Thị Hương — Ký số văn bản" in page
    response = client.post(reverse("results_confirm_many"), {"chon": ids, "xac-nhan": "1"})
    assert response.status_code == 302 and response["Location"] == reverse("results_awaiting")
    assert set(ResultEntry.objects.filter(pk__in=ids).values_list("state", flat=True)) == {State.CONFIRMED}


def test_another_units_head_finds_nothing_to_confirm(org, client_for, make_entry):
    entry = make_entry()
    services.submit_result(actor=org.users.staff_a, entry=entry)
    assert client_for(org.users.head_b).post(reverse("results_confirm_many"), {"chon": [entry.pk]}).status_code == 404
    page = client_for(org.users.staff_a).post(reverse("results_confirm_many"), {"chon": [entry.pk]}).content.decode()
    assert "Bạn không có quyền thực hiện thao tác này với mục này." in page
    client_for(org.users.staff_a).post(reverse("results_confirm_many"), {"chon": [entry.pk], "xac-nhan": "1"})
    entry.refresh_from_db()
    assert entry.state == State.SUBMITTED
