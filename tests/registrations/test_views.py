"""The registration pages: what each persona sees and may do, and that a refused form
keeps what was typed and saves nothing."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import PersonFactory
from thidua.core.codes import EmulationTitle, State
from thidua.organization.models import Unit
from thidua.registrations import services
from thidua.registrations.models import PersonRegistration, RegistrationWindow, UnitRegistration

pytestmark = pytest.mark.django_db


def _unit_url(unit) -> str:
    return reverse("registration_unit", args=[unit.pk]) + "?nam=2026"


def _unit_post(areas, title="TTLDXS", **texts) -> dict:
    data = {"title": title}
    for area in areas:
        data[f"area_{area.pk}"] = texts.get(f"n{area.number}", f"Cam kết nội dung {area.number}")
    return data


def _body(response) -> str:
    return response.content.decode()


# --- The unit head -------------------------------------------------------------------


def test_head_sees_the_window_and_the_unit_people(org, plan, window, client_for):
    body = _body(client_for(org.users.head_a).get(_unit_url(org.units.a)))
    assert "Đợt đăng ký năm 2026: từ 01/05/2026 đến 31/05/2026" in body
    assert "Chưa đăng ký" in body
    assert org.people.staff_a.full_name in body
    assert "5. Chuyển đổi xanh, chống biến đổi khí hậu" in body


def test_head_saves_a_draft_then_submits_with_the_people(org, plan, window, areas, client_for):
    client = client_for(org.users.head_a)
    response = client.post(_unit_url(org.units.a), _unit_post(areas))
    assert response.status_code == 302
    registration = UnitRegistration.objects.get(unit=org.units.a, year=2026)
    assert registration.state == State.DRAFT
    assert registration.commitments.count() == 5
    client_for(org.users.staff_a).post(
        reverse("registration_mine") + "?nam=2026", {"title": "LDTT", "commitments": "Hoàn thành tốt nhiệm vụ"}
    )
    response = client.post(reverse("registration_submit", args=[org.units.a.pk]) + "?nam=2026", follow=True)
    assert "Đã gửi bản đăng ký năm 2026 của Phòng Phổ biến, giáo dục pháp luật cùng 1 bản đăng ký cá nhân" in _body(
        response
    )
    registration.refresh_from_db()
    assert registration.state == State.SUBMITTED
    assert registration.submitted_by == org.users.head_a
    assert 'data-state="submitted"' in _body(response)


def test_submitting_from_the_page_with_a_missing_commitment_names_it(org, plan, window, areas, client_for):
    client = client_for(org.users.head_a)
    client.post(_unit_url(org.units.a), _unit_post(areas, n5=""))
    response = client.post(reverse("registration_submit", args=[org.units.a.pk]) + "?nam=2026", follow=True)
    assert "Chưa có cam kết ở nội dung: 5. Chuyển đổi xanh, chống biến đổi khí hậu." in _body(response)
    assert UnitRegistration.objects.get(unit=org.units.a).state == State.DRAFT


def test_double_click_on_submit_gives_one_submission(draft, org, client_for):
    client = client_for(org.users.head_a)
    url = reverse("registration_submit", args=[org.units.a.pk]) + "?nam=2026"
    client.post(url)
    body = _body(client.post(url, follow=True))
    assert "đang ở trạng thái «Đã gửi»" in body
    assert draft.history().filter(action="transition").count() == 1


def test_submitting_outside_the_window_shows_its_dates(draft, org, client_for):
    import time_machine

    with time_machine.travel("2026-06-05 09:00 +07:00"):
        response = client_for(org.users.head_a).post(
            reverse("registration_submit", args=[org.units.a.pk]) + "?nam=2026", follow=True
        )
    assert "Đợt đăng ký năm 2026: từ 01/05/2026 đến 31/05/2026" in _body(response)
    assert "nằm ngoài thời gian đăng ký" in _body(response)
    draft.refresh_from_db()
    assert draft.state == State.DRAFT


def test_editing_after_submission_is_refused_and_the_typing_is_kept(submitted, org, areas, client_for):
    typed = "Nội dung gõ sau khi đã gửi, không được mất"
    response = client_for(org.users.head_a).post(_unit_url(org.units.a), _unit_post(areas, n1=typed))
    body = _body(response)
    assert response.status_code == 200
    assert "đang ở trạng thái «Đã gửi»" in body
    assert typed in body
    assert not submitted.commitments.filter(text=typed).exists()


def test_an_individual_title_for_the_unit_is_refused_with_its_name(org, plan, window, areas, client_for):
    typed = "Cam kết đang gõ dở của đơn vị"
    response = client_for(org.users.head_a).post(_unit_url(org.units.a), _unit_post(areas, title="LDTT", n2=typed))
    body = _body(response)
    assert "«Lao động tiên tiến» không phải danh hiệu dành cho tập thể" in body
    assert typed in body
    assert not UnitRegistration.objects.exists()


def test_the_submitted_page_is_read_only_for_the_head(submitted, org, client_for):
    body = _body(client_for(org.users.head_a).get(_unit_url(org.units.a)))
    assert "Lưu nháp" not in body
    assert "Gửi đăng ký" not in body
    assert "Tập thể lao động xuất sắc" in body


def test_the_return_reason_is_shown_to_the_head_and_kept_in_history(submitted, org, client_for):
    services.return_registration(registration=submitted, reason="thiếu cam kết ở nội dung 5", actor=org.users.officer)
    body = _body(client_for(org.users.head_a).get(_unit_url(org.units.a)))
    assert 'data-testid="return-reason"' in body
    assert "Văn phòng Sở đã trả lại bản đăng ký" in body
    assert "<strong>Lý do:</strong> thiếu cam kết ở nội dung 5" in body
    assert '<div class="text-secondary">thiếu cam kết ở nội dung 5</div>' in body  # the history row's note
    assert "Lưu nháp" in body  # editable again


# --- People's rows ---------------------------------------------------------------------


def test_staff_registers_their_own_title(org, plan, window, client_for):
    client = client_for(org.users.staff_a)
    response = client.post(
        reverse("registration_mine") + "?nam=2026", {"title": "CSTDCS", "commitments": "Một sáng kiến cấp cơ sở"}
    )
    assert response.status_code == 302
    row = PersonRegistration.objects.get(person=org.people.staff_a)
    assert (row.title, row.registration.unit) == (EmulationTitle.CSTDCS, org.units.a)
    body = _body(client.get(reverse("registration_mine") + "?nam=2026"))
    assert "Nháp (chưa gửi)" in body
    assert "Một sáng kiến cấp cơ sở" in body


def test_a_collective_title_for_a_person_is_refused_and_the_typing_kept(org, plan, window, client_for):
    typed = "Cam kết cá nhân đang gõ"
    response = client_for(org.users.staff_a).post(
        reverse("registration_mine") + "?nam=2026", {"title": "TTLDTT", "commitments": typed}
    )
    body = _body(response)
    assert "«Tập thể lao động tiên tiến» không phải danh hiệu dành cho cá nhân" in body
    assert typed in body
    assert not PersonRegistration.objects.exists()


def test_staff_cannot_edit_after_the_unit_submitted(submitted, org, client_for):
    typed = "Đổi cam kết sau khi đơn vị đã gửi"
    client = client_for(org.users.staff_a)
    body = _body(client.get(reverse("registration_mine") + "?nam=2026"))
    assert "không sửa được nữa" in body
    body = _body(client.post(reverse("registration_mine") + "?nam=2026", {"title": "CSTDCS", "commitments": typed}))
    assert "đang ở trạng thái «Đã gửi»" in body
    assert typed in body
    assert PersonRegistration.objects.get(person=org.people.staff_a).title == EmulationTitle.LDTT


def test_staff_sees_the_unit_state_but_not_the_unit_page(submitted, org, client_for):
    client = client_for(org.users.staff_a)
    assert 'data-state="submitted"' in _body(client.get(reverse("registration_mine") + "?nam=2026"))
    response = client.get(_unit_url(org.units.a))
    assert response.status_code == 403
    assert "Cam kết của đơn vị" not in _body(response)


def test_head_fills_in_for_a_person_without_an_account(org, plan, window, client_for):
    no_account = PersonFactory(full_name="Lò Văn Khải", unit=org.units.a)
    response = client_for(org.users.head_a).post(
        reverse("registration_person", args=[no_account.pk]) + "?nam=2026",
        {"title": "LDTT", "commitments": "Hoàn thành nhiệm vụ"},
    )
    assert response.url == _unit_url(org.units.a)
    assert PersonRegistration.objects.get(person=no_account).title == EmulationTitle.LDTT


def test_head_cannot_edit_a_person_who_has_an_account(draft, org, client_for):
    response = client_for(org.users.head_a).post(
        reverse("registration_person", args=[org.people.staff_a.pk]) + "?nam=2026",
        {"title": "CSTDCS", "commitments": "Đổi hộ"},
    )
    assert response.status_code == 403
    assert PersonRegistration.objects.get(person=org.people.staff_a).commitments == "Hoàn thành tốt nhiệm vụ"


def test_staff_cannot_edit_a_colleague(draft, org, client_for):
    response = client_for(org.users.staff_a).post(
        reverse("registration_person", args=[org.people.head_a.pk]) + "?nam=2026", {"title": "LDTT", "commitments": "x"}
    )
    assert response.status_code == 403
    assert not PersonRegistration.objects.filter(person=org.people.head_a).exists()


# --- Another unit ----------------------------------------------------------------------


def test_head_of_b_gets_404_on_unit_a(draft, org, client_for):
    client = client_for(org.users.head_b)
    assert client.get(_unit_url(org.units.a)).status_code == 404
    assert client.post(reverse("registration_submit", args=[org.units.a.pk]) + "?nam=2026").status_code == 404
    assert client.get(reverse("registration_person", args=[org.people.staff_a.pk])).status_code == 404
    draft.refresh_from_db()
    assert draft.state == State.DRAFT


def test_head_of_b_cannot_accept_or_return(submitted, org, client_for):
    client = client_for(org.users.head_b)
    assert client.post(reverse("registration_accept", args=[submitted.pk])).status_code == 404
    client = client_for(org.users.head_a)
    assert client.post(reverse("registration_accept", args=[submitted.pk])).status_code == 403
    submitted.refresh_from_db()
    assert submitted.state == State.SUBMITTED


# --- The office ------------------------------------------------------------------------


def test_office_list_shows_states_and_filters(submitted, unit_b_draft, org, client_for):
    client = client_for(org.users.officer)
    body = _body(client.get(reverse("registration_office_list") + "?nam=2026"))
    assert 'data-unit="PBGD"' in body and 'data-unit="TGPL"' in body
    assert 'data-count="submitted">1<' in body and 'data-count="draft">1<' in body
    body = _body(client.get(reverse("registration_office_list") + "?nam=2026&trang_thai=submitted"))
    assert 'data-unit="PBGD"' in body
    assert 'data-unit="TGPL"' not in body
    assert "Văn phòng Sở" in body  # listed under units that have not registered


def test_office_list_costs_the_same_with_more_rows(submitted, org, plan, client_for):
    client = client_for(org.users.officer)
    client.get(reverse("registration_office_list"))
    with CaptureQueriesContext(connection) as before:
        client.get(reverse("registration_office_list"))
    for n in range(6):
        unit = Unit.objects.create(code=f"X{n}", name=f"Phòng thêm {n}", parent=org.units.agency)
        services.open_registration(plan=plan, year=2026, unit=unit, actor=None)
    with CaptureQueriesContext(connection) as after:
        body = _body(client.get(reverse("registration_office_list")))
    assert "Phòng thêm 5" in body
    assert len(after.captured_queries) == len(before.captured_queries)


def test_unit_page_costs_the_same_with_more_people(draft, org, client_for):
    client = client_for(org.users.head_a)
    client.get(_unit_url(org.units.a))
    with CaptureQueriesContext(connection) as before:
        client.get(_unit_url(org.units.a))
    for _ in range(5):
        person = PersonFactory(unit=org.units.a)
        services.save_person_registration(
            registration=draft, person=person, title="LDTT", commitments="x", actor=org.users.head_a
        )
    with CaptureQueriesContext(connection) as after:
        client.get(_unit_url(org.units.a))
    assert len(after.captured_queries) == len(before.captured_queries)


def test_office_accepts(submitted, org, client_for):
    response = client_for(org.users.officer).post(reverse("registration_accept", args=[submitted.pk]), follow=True)
    assert "Đã tiếp nhận bản đăng ký của Phòng Phổ biến, giáo dục pháp luật" in _body(response)
    submitted.refresh_from_db()
    assert (submitted.state, submitted.reviewed_by) == (State.ACCEPTED, org.users.officer)


def test_returning_without_a_reason_is_refused(submitted, org, client_for):
    response = client_for(org.users.officer).post(reverse("registration_return", args=[submitted.pk]), {"reason": "  "})
    assert "Hãy ghi lý do trả lại để đơn vị biết cần sửa gì." in _body(response)
    submitted.refresh_from_db()
    assert submitted.state == State.SUBMITTED


def test_office_returns_with_a_reason(submitted, org, client_for):
    response = client_for(org.users.officer).post(
        reverse("registration_return", args=[submitted.pk]), {"reason": "thiếu cam kết ở nội dung 5"}, follow=True
    )
    assert "Đã trả lại bản đăng ký" in _body(response)
    submitted.refresh_from_db()
    assert (submitted.state, submitted.return_reason) == (State.RETURNED, "thiếu cam kết ở nội dung 5")


def test_only_the_office_returns(submitted, org, client_for):
    for user in (org.users.head_a, org.users.staff_a, org.users.director):
        response = client_for(user).post(reverse("registration_return", args=[submitted.pk]), {"reason": "x"})
        assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.state == State.SUBMITTED


def test_office_sets_the_window(org, plan, client_for):
    response = client_for(org.users.officer).post(
        reverse("registration_window") + "?nam=2026", {"opens_on": "2026-05-01", "closes_on": "2026-05-31"}, follow=True
    )
    assert "Đợt đăng ký năm 2026: từ 01/05/2026 đến 31/05/2026" in _body(response)
    assert RegistrationWindow.objects.get(plan=plan, year=2026).closes_on.day == 31


def test_reversed_window_dates_are_refused_and_kept(org, plan, client_for):
    response = client_for(org.users.officer).post(
        reverse("registration_window") + "?nam=2026", {"opens_on": "2026-05-31", "closes_on": "2026-05-01"}
    )
    body = _body(response)
    assert "Ngày kết thúc (01/05/2026) đứng trước ngày bắt đầu (31/05/2026)" in body
    assert 'value="2026-05-31"' in body and 'value="2026-05-01"' in body
    assert not RegistrationWindow.objects.exists()


def test_only_the_office_sets_the_window(org, plan, client_for):
    response = client_for(org.users.head_a).post(
        reverse("registration_window") + "?nam=2026", {"opens_on": "2026-05-01", "closes_on": "2026-05-31"}
    )
    assert response.status_code == 403
    assert not RegistrationWindow.objects.exists()


@pytest.mark.parametrize(
    ("persona", "target"),
    [("officer", "registration_office_list"), ("head_a", "registration_unit"), ("staff_a", "registration_mine")],
)
def test_the_menu_link_leads_each_role_to_its_page(org, plan, client_for, persona, target):
    response = client_for(getattr(org.users, persona)).get(reverse("registrations"))
    args = [org.units.a.pk] if target == "registration_unit" else []
    assert response.url == reverse(target, args=args)


def test_pages_open_on_the_year_whose_window_is_open(org, plan, client_for):
    """In May 2026 with the 2027 window open early, the pages open on 2027, not on
    the current year nor the later 2028; once no window is open, on the latest year
    with one."""
    services.set_window(
        plan=plan,
        year=2028,
        opens_on=datetime.date(2028, 5, 1),
        closes_on=datetime.date(2028, 5, 31),
        actor=org.users.officer,
    )
    window = services.set_window(
        plan=plan,
        year=2027,
        opens_on=datetime.date(2026, 5, 1),
        closes_on=datetime.date(2026, 5, 31),
        actor=org.users.officer,
    )
    office = client_for(org.users.officer).get(reverse("registration_office_list"))
    assert office.context["year"] == 2027
    assert client_for(org.users.head_a).get(reverse("registration_unit", args=[org.units.a.pk])).context["year"] == 2027
    window.delete()
    assert client_for(org.users.officer).get(reverse("registration_office_list")).context["year"] == 2028
    asked = client_for(org.users.officer).get(reverse("registration_office_list") + "?nam=2026")
    assert asked.context["year"] == 2026


def test_the_year_picker_applies_on_change_and_keeps_its_button_without_script(org, plan, window, client_for):
    body = client_for(org.users.officer).get(reverse("registration_office_list")).content.decode()
    assert 'name="nam" data-auto-submit' in body
    assert "<noscript><button" in body and "js/auto_submit.js" in body
