"""In-app notices: the bell's count, the list, opening one marks it read, and nobody
reads another person's notices."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from thidua.notifications.context_processors import notice_bell
from thidua.notifications.models import Notice
from thidua.notifications.services import notify, notify_many

pytestmark = pytest.mark.django_db


def bell(user) -> dict:
    request = RequestFactory().get("/")
    request.user = user
    return notice_bell(request)


def test_bell_counts_unread_notices_of_the_account(org):
    notify(user=org.users.head_a, text="Nhắc hạn báo cáo", link="/bao-cao/1/")
    notify_many(user_ids=[org.users.head_a.pk, org.users.head_b.pk], text="Kỳ báo cáo mới")
    assert bell(org.users.head_a) == {"unread_notices": 2}
    assert bell(org.users.head_b) == {"unread_notices": 1}


def test_bell_is_silent_for_visitors():
    from django.contrib.auth.models import AnonymousUser

    assert bell(AnonymousUser()) == {}


def test_opening_a_notice_marks_it_read_and_follows_its_link(org, client_for):
    notice = notify(user=org.users.head_a, text="Báo cáo bị trả lại", link="/bao-cao/7/")
    response = client_for(org.users.head_a).post(reverse("notice_open", args=[notice.pk]))
    assert response["Location"] == "/bao-cao/7/"
    notice.refresh_from_db()
    assert notice.is_read


def test_a_link_elsewhere_is_not_followed(org, client_for):
    notice = notify(user=org.users.head_a, text="Lạ", link="https://vi-du.invalid/")
    response = client_for(org.users.head_a).post(reverse("notice_open", args=[notice.pk]))
    assert response["Location"] == reverse("notices")


def test_another_persons_notice_is_not_found(org, client_for):
    notice = notify(user=org.users.head_a, text="Riêng của trưởng phòng A")
    client = client_for(org.users.head_b)
    assert client.post(reverse("notice_open", args=[notice.pk])).status_code == 404
    assert "Riêng của trưởng phòng A" not in client.get(reverse("notices")).content.decode()
    notice.refresh_from_db()
    assert not notice.is_read


def test_mark_all_read(org, client_for):
    notify_many(user_ids=[org.users.head_a.pk] * 3, text="Nhắc")
    response = client_for(org.users.head_a).post(reverse("notices_read_all"), follow=True)
    assert "Đã đánh dấu 3 thông báo là đã đọc." in response.content.decode()
    assert not Notice.objects.filter(is_read=False).exists()


def test_notice_list_runs_a_fixed_number_of_queries(org, client_for):
    client = client_for(org.users.head_a)
    url = reverse("notices")
    notify(user=org.users.head_a, text="Một")
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    notify_many(user_ids=[org.users.head_a.pk] * 20, text="Nhiều")
    with CaptureQueriesContext(connection) as after:
        body = client.get(url).content.decode()
    assert len(after.captured_queries) == len(before.captured_queries)
    assert body.count("Chưa đọc") >= 20
