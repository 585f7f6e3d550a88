"""Initiatives for the personas of tests/conftest.py: a helper that creates one through
the services (and moves it along), small real files for uploads, and a media folder of
the test's own."""

import datetime
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.core.codes import Scope, State
from thidua.initiatives import services
from thidua.initiatives.enums import Tag
from thidua.plans.loading import load_plan

# When the initiative was sent: before the October recognition decisions.
SENT_IN_MAY = datetime.datetime(2026, 5, 20, 9, tzinfo=datetime.UTC)

# The smallest content the upload check recognises as a PDF, and a Windows program.
PDF_BYTES = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def pdf(name="minh-chung.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def program_as_pdf(name="bao-cao.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, EXE_BYTES, content_type="application/pdf")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def plan(org):
    return load_plan()[0]


def initiative_data(plan, unit, **extra) -> dict:
    return {
        "title": "Số hóa hồ sơ lý lịch tư pháp",
        "unit": unit,
        "content_area": plan.content_areas.get(number="2"),
        "tags": [Tag.DIGITAL, Tag.ADMIN_REFORM],
        "problem": "Hồ sơ giấy, tra cứu chậm.",
        "solution": "Quét và đánh chỉ mục hồ sơ; tra cứu không dấu.",
        "novelty": "Lần đầu tra cứu điện tử.",
        "applied_where": "Phòng Hành chính tư pháp",
        "applied_since": datetime.date(2026, 5, 4),
        "hours_saved": 1200,
        **extra,
    }


@pytest.fixture
def make(org, plan):
    """make(state=…, unit=…, creator=…, authors=[(person, share)], title=…) → an
    initiative moved through the real services to `state`."""

    def build(state=State.DRAFT, *, unit=None, creator=None, authors=None, scores=(), **extra):
        unit = unit or org.units.a
        creator = creator or org.users.staff_a
        shares = [services.AuthorShare(p, s) for p, s in (authors or [(org.people.staff_a, 100)])]
        item = services.create_initiative(actor=creator, data=initiative_data(plan, unit, **extra), authors=shares)
        if state == State.DRAFT:
            return item
        item = services.submit(actor=creator, initiative=item, at=SENT_IN_MAY)
        if state == State.SUBMITTED:
            return item
        item = services.start_review(actor=org.users.officer, initiative=item)
        for member in scores:
            services.score(actor=member, initiative=item, novelty=8, effectiveness=7, applicability=9)
        if state == State.UNDER_REVIEW:
            return item
        if state == State.RETURNED:
            return services.return_for_changes(actor=org.users.officer, initiative=item, reason="Bổ sung minh chứng.")
        if not scores:
            services.score(actor=org.users.councillor, initiative=item, novelty=8, effectiveness=7, applicability=9)
        if state == State.NOT_RECOGNISED:
            return services.not_recognise(actor=org.users.officer, initiative=item, reason="Chưa có điểm mới.")
        return services.recognise(
            actor=org.users.officer,
            initiative=item,
            scope=Scope.CO_SO,
            decision_number="215/QĐ-STP",
            decision_date=datetime.date(2026, 10, 20),
        )

    return build


@pytest.fixture
def formdata(plan, org):
    """What a user types in the create form, as POST data (authors as a formset)."""

    def build(authors=((None, 100),), **overrides):
        data = {
            "title": "Trợ lý ảo hỏi đáp pháp luật",
            "unit": org.units.a.pk,
            "content_area": plan.content_areas.get(number="4").pk,
            "tags": [Tag.DIGITAL],
            "problem": "Người dân khó hỏi đáp pháp luật.",
            "solution": "Trợ lý ảo trên Zalo.",
            "novelty": "Có bản tiếng Dao.",
            "applied_where": "Xã Lâm Bình",
            "applied_since": "2026-06-15",
            "hours_saved": "800",
            "cost_saved": "",
            "paper_saved": "",
            "people_served": "3500",
        }
        rows = [(person or org.people.staff_a, share) for person, share in authors]
        data |= {
            "authors-TOTAL_FORMS": str(len(rows) + 1),
            "authors-INITIAL_FORMS": "0",
            "authors-MIN_NUM_FORMS": "0",
            "authors-MAX_NUM_FORMS": "1000",
        }
        for i, (person, share) in enumerate(rows):
            data[f"authors-{i}-person"] = str(person.pk)
            data[f"authors-{i}-share"] = str(share)
        return data | overrides

    return build


@pytest.fixture
def personas(org):
    return SimpleNamespace(**vars(org.users))
