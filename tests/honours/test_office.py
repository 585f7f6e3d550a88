"""The office's side of the honours page: writing examples (with a photo that must be an
image), publishing and unpublishing examples, awards and initiatives with history, and
the refusals: a draft initiative, an award without a decision, anyone but the office."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import PersonFactory
from tests.honours.conftest import pdf, png
from thidua.commendation import services as commendation
from thidua.core.models import ActivityLog
from thidua.honours import services
from thidua.honours.models import OutstandingExample, Publication
from thidua.initiatives import services as initiatives

pytestmark = pytest.mark.django_db


def _body(response) -> str:
    return response.content.decode()


def _example_data(org, **changes) -> dict:
    return {
        "person": org.people.staff_a.pk,
        "unit": "",
        "year": "2026",
        "title": "Số hóa hồ sơ lưu trữ",
        "text": "Quét, đánh chỉ mục 3.200 hồ sơ lý lịch tư pháp.",
    } | changes


def test_the_office_writes_an_example_with_a_photo_and_it_stays_private(org, client_for):
    client = client_for(org.users.officer)
    response = client.post(reverse("honours_example_create"), _example_data(org) | {"photo_upload": png()})
    assert response.url == reverse("honours_manage")
    example = OutstandingExample.objects.get()
    assert (example.person, example.is_published, example.photo_name) == (org.people.staff_a, False, "anh.png")
    assert example.photo.startswith("ton-vinh/") and "anh" not in example.photo
    assert "Số hóa hồ sơ lưu trữ" in _body(client.get(reverse("honours_manage")))


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (pdf(), "Tệp «anh.pdf» không phải là ảnh. Hãy chọn ảnh .jpg hoặc .png."),
        (pdf("anh-gia.png"), "Nội dung tệp «anh-gia.png» không phải là tệp .png thật"),
    ],
)
def test_a_photo_that_is_not_an_image_is_refused_and_the_text_kept(org, client_for, upload, message):
    page = _body(
        client_for(org.users.officer).post(
            reverse("honours_example_create"), _example_data(org) | {"photo_upload": upload}
        )
    )
    assert message in page
    assert 'value="Số hóa hồ sơ lưu trữ"' in page and "Quét, đánh chỉ mục 3.200 hồ sơ" in page
    assert "hãy chọn lại ảnh" in page
    assert not OutstandingExample.objects.exists()


def test_an_example_needs_exactly_one_subject(org, client_for):
    page = _body(
        client_for(org.users.officer).post(reverse("honours_example_create"), _example_data(org, unit=org.units.a.pk))
    )
    assert "Hãy chọn đúng một cá nhân hoặc một tập thể." in page
    assert not OutstandingExample.objects.exists()


def test_publish_and_unpublish_keep_a_history(org, client_for, make_example):
    example = make_example(publish=False)
    client = client_for(org.users.officer)
    client.post(reverse("honours_example_publish", args=[example.pk]), {"publish": "1"})
    client.post(reverse("honours_example_publish", args=[example.pk]), {"publish": "0"})
    example.refresh_from_db()
    assert example.is_published is False and example.published_at is not None
    notes = list(ActivityLog.objects.for_object(example).order_by("id").values_list("note", "changes__is_published"))
    assert notes[-2:] == [("Công bố trên trang tôn vinh", [False, True]), ("Gỡ khỏi trang tôn vinh", [True, False])]
    history = _body(client.get(reverse("honours_manage")))
    assert "Gỡ khỏi trang tôn vinh" in history and "Công bố trên trang tôn vinh" in history


def test_publishing_a_draft_initiative_is_refused(org, client_for, draft_initiative):
    with pytest.raises(ValidationError, match="Chỉ công bố sáng kiến đã được công nhận"):
        services.publish_initiative(actor=org.users.officer, initiative=draft_initiative)
    submitted = initiatives.submit(actor=org.users.staff_a, initiative=draft_initiative)
    response = client_for(org.users.officer).post(
        reverse("honours_initiative_publish", args=[submitted.pk]), {"publish": "1"}, follow=True
    )
    assert (
        "Chỉ công bố sáng kiến đã được công nhận; sáng kiến «Họp không giấy tờ (bản nháp)» đang ở trạng thái "
        "«Đã gửi»." in _body(response)
    )
    assert not Publication.objects.exists()


def test_an_award_without_a_decision_is_not_published(org, client_for, undecided_award, decided_award):
    response = client_for(org.users.officer).post(
        reverse("honours_award_publish", args=[undecided_award.pk]), {"publish": "1"}, follow=True
    )
    assert "Chỉ công bố khen thưởng đã có quyết định" in _body(response)
    assert not Publication.objects.exists()
    client_for(org.users.officer).post(reverse("honours_awards_publish_year"), {"year": "2026"})
    assert list(Publication.objects.values_list("award", flat=True)) == [decided_award.pk]


def test_the_office_publishes_a_recognised_initiative_and_takes_it_off(org, client_for, recognised):
    client = client_for(org.users.officer)
    client.post(reverse("honours_initiative_publish", args=[recognised.pk]), {"publish": "1"})
    assert Publication.objects.get().is_published
    page = _body(client.get(reverse("honours_manage_initiatives")))
    assert 'data-testid="published"' in page
    client.post(reverse("honours_initiative_publish", args=[recognised.pk]), {"publish": "0"})
    assert not Publication.objects.get().is_published


@pytest.mark.parametrize("persona", ["head_a", "staff_a", "councillor", "director"])
def test_only_the_office_chooses_what_is_public(org, client_for, make_example, recognised, decided_award, persona):
    example = make_example(publish=False)
    client = client_for(getattr(org.users, persona))
    for name in ("honours_manage", "honours_manage_awards", "honours_manage_initiatives", "honours_example_create"):
        assert client.get(reverse(name)).status_code == 403
    assert client.post(reverse("honours_example_publish", args=[example.pk]), {"publish": "1"}).status_code == 403
    assert client.post(reverse("honours_initiative_publish", args=[recognised.pk]), {"publish": "1"}).status_code == 403
    example.refresh_from_db()
    assert not example.is_published and not Publication.objects.exists()
    with pytest.raises(PermissionDenied):
        services.publish_award(actor=getattr(org.users, persona), award=decided_award)


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", ["honours_manage", "honours_manage_awards", "honours_manage_initiatives"])
def test_office_lists_run_a_fixed_number_of_queries(org, client_for, make_example, decided_award, recognised, name):
    client = client_for(org.users.officer)
    services.publish_award(actor=org.users.officer, award=decided_award)
    make_example()
    client.get(reverse(name))
    before = _queries(client, reverse(name))
    for n in range(4):
        person = PersonFactory(unit=org.units.b)
        make_example(person=person, title=f"Điển hình {n}", publish=n % 2 == 0)
        award = commendation.record_award(
            actor=org.users.officer,
            subject=person,
            code="CSTDCS",
            year=2026,
            decision_number="25/QĐ-STP",
            decision_date=decided_award.decision_date,
        )
        if n % 2:
            services.publish_award(actor=org.users.officer, award=award)
    assert _queries(client, reverse(name)) == before
