"""The honours page's material on the personas' department: a staff member whose
record holds every private field, a decided award and one without a decision, a
recognised initiative and a draft one, and outstanding examples."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.commendation import services as commendation
from thidua.commendation.enums import DisciplineForm
from thidua.commendation.models import DisciplineRecord
from thidua.core.codes import Scope
from thidua.honours import services
from thidua.honours.models import OutstandingExample
from thidua.initiatives import services as initiatives
from thidua.initiatives.enums import Tag
from thidua.organization.enums import Category, Gender
from thidua.plans.loading import load_plan

# When the initiative was sent: before the October recognition decisions.
SENT_IN_MAY = datetime.datetime(2026, 5, 20, 9, tzinfo=datetime.UTC)

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00" + b"\x00" * 64
PDF_BYTES = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def png(name="anh.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG_BYTES, content_type="image/png")


def pdf(name="anh.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def plan(org):
    return load_plan()[0]


@pytest.fixture
def private_person(org):
    """Staff member A with every field the public must never see filled in."""
    person = org.people.staff_a
    person.email, person.ethnicity, person.category = "huong.dang@stp.example.vn", "Tày", Category.NGUOI_LAO_DONG
    person.gender, person.birth_date, person.position = Gender.FEMALE, datetime.date(1985, 5, 17), "Chuyên viên"
    person.save()
    commendation.set_rating(actor=org.users.officer, subject=person, year=2026, rating="HTXSNV")
    DisciplineRecord.objects.create(
        person=person,
        form=DisciplineForm.choices[0][0],
        date=datetime.date(2024, 3, 1),
        text="Vi phạm quy chế làm việc (ví dụ)",
        decision_number="07/QĐ-KL",
    )
    return person


@pytest.fixture
def decided_award(org, private_person):
    return commendation.record_award(
        actor=org.users.officer,
        subject=private_person,
        code="CSTDCS",
        year=2026,
        decision_number="25/QĐ-STP",
        decision_date=datetime.date(2026, 11, 20),
        issuer="Giám đốc Sở Tư pháp",
    )


@pytest.fixture
def unit_award(org):
    return commendation.record_award(
        actor=org.users.officer,
        subject=org.units.b,
        code="TTLDXS",
        year=2026,
        decision_number="26/QĐ-STP",
        decision_date=datetime.date(2026, 11, 20),
    )


@pytest.fixture
def undecided_award(org):
    return commendation.record_award(actor=org.users.officer, subject=org.people.head_a, code="LDTT", year=2026)


def _initiative(org, plan, title):
    data = {
        "title": title,
        "unit": org.units.a,
        "content_area": plan.content_areas.get(number="2"),
        "tags": [Tag.DIGITAL],
        "problem": "Hồ sơ giấy, tra cứu chậm.",
        "solution": "Quét và đánh chỉ mục hồ sơ.",
        "novelty": "Lần đầu tra cứu điện tử.",
        "applied_where": "Phòng Hành chính tư pháp",
        "applied_since": datetime.date(2026, 5, 4),
    }
    return initiatives.create_initiative(
        actor=org.users.staff_a, data=data, authors=[initiatives.AuthorShare(org.people.staff_a, 100)]
    )


@pytest.fixture
def recognised(org, plan, private_person):
    item = _initiative(org, plan, "Số hóa và tra cứu hồ sơ lý lịch tư pháp")
    # Sent in May, so that the October decision follows it.
    item = initiatives.submit(actor=org.users.staff_a, initiative=item, at=SENT_IN_MAY)
    item = initiatives.start_review(actor=org.users.officer, initiative=item)
    initiatives.score(actor=org.users.councillor, initiative=item, novelty=8, effectiveness=7, applicability=9)
    return initiatives.recognise(
        actor=org.users.officer,
        initiative=item,
        scope=Scope.CO_SO,
        decision_number="215/QĐ-STP",
        decision_date=datetime.date(2026, 10, 20),
    )


@pytest.fixture
def draft_initiative(org, plan):
    return _initiative(org, plan, "Họp không giấy tờ (bản nháp)")


@pytest.fixture
def make_example(org):
    def make(*, person=None, unit=None, title="Trợ giúp pháp lý lưu động", publish=True, photo=None):
        example = OutstandingExample(
            person=person,
            unit=unit if person is None else None,
            year=2026,
            title=title,
            text="Ba đợt trợ giúp pháp lý lưu động tại các xã vùng cao.",
        )
        if example.person is None and example.unit is None:
            example.unit = org.units.b
        services.save_example(actor=org.users.officer, example=example, photo=photo)
        return services.publish_example(actor=org.users.officer, example=example) if publish else example

    return make
