"""What the system holds about staff_a for the personal-data tests: a confirmed result
with its evidence file, an award in the register, a notice, a read of her detail by the
unit head, and a published outstanding example with a photo."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.honours.conftest import PNG_BYTES
from thidua.commendation import services as commendation
from thidua.demo.results import pdf_bytes
from thidua.honours import services as honours
from thidua.honours.models import OutstandingExample
from thidua.notifications.models import Notice
from thidua.organization import reads
from thidua.plans.loading import load_plan
from thidua.results import services as results


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _png() -> SimpleUploadedFile:
    return SimpleUploadedFile("chan-dung.png", PNG_BYTES, content_type="image/png")


@pytest.fixture
def held(org, media):
    person, user = org.people.staff_a, org.users.staff_a
    person.birth_date, person.ethnicity, person.email = datetime.date(1991, 3, 8), "Tày", "huong@stp.example"
    person.save()
    plan = load_plan()[0]
    upload = SimpleUploadedFile("Biên bản.pdf", pdf_bytes("Bien ban", "bb.pdf"), content_type="application/pdf")
    entry = results.record_result(
        actor=user,
        plan=plan,
        unit=org.units.a,
        person=person,
        content_area=plan.content_areas.get(number="2"),
        title="Số hóa hồ sơ",
        description="Quét 3.200 hồ sơ",
        date=datetime.date(2026, 6, 15),
        files=[upload],
    )
    results.submit_result(actor=user, entry=entry)
    results.confirm_result(actor=org.users.head_a, entry=entry)
    award = commendation.record_award(
        actor=org.users.officer,
        subject=person,
        code="LDTT",
        year=2025,
        decision_number="15/QĐ-STP",
        decision_date=datetime.date(2026, 1, 20),
    )
    commendation.set_rating(actor=org.users.head_a, subject=person, year=2025, rating="HTTNV")
    Notice.objects.create(user=user, text="Kết quả «Số hóa hồ sơ» đã được xác nhận")
    reads.note_read(org.users.head_a, person, via="/can-bo/")
    example = honours.save_example(
        actor=org.users.officer,
        photo=_png(),
        example=OutstandingExample(person=person, year=2025, title="Tấm gương số hóa", text="Chị Hương số hóa hồ sơ."),
    )
    honours.publish_example(actor=org.users.officer, example=example)
    honours.publish_award(actor=org.users.officer, award=award)
    return {"entry": entry, "award": award, "example": example}
