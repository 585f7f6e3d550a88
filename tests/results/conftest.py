"""A loaded plan, evidence stored in a temporary folder, and small valid and invalid
uploads."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.demo.results import pdf_bytes
from thidua.plans.enums import SubjectKind
from thidua.plans.loading import load_plan
from thidua.results import services


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def plan(org):
    return load_plan()[0]


@pytest.fixture
def area(plan):
    return plan.content_areas.get(number="2")


def criterion(plan, kind: str, number: str = "1"):
    return plan.criteria.get(subject_kind=kind, number=number)


@pytest.fixture
def individual(plan):
    return criterion(plan, SubjectKind.INDIVIDUAL)


@pytest.fixture
def collective(plan):
    return criterion(plan, SubjectKind.COLLECTIVE, "4")


def pdf(name: str = "minh-chung.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes("Minh chung", name), content_type="application/pdf")


def renamed_program(name: str = "chuong-trinh.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, content_type="application/pdf")


@pytest.fixture
def make_entry(org, plan, area):
    """A draft entry of a person (default staff_a) or of a unit (person=None)."""

    def make(*, person="staff_a", unit=None, date=datetime.date(2026, 6, 15), files=(), **values):
        owner = getattr(org.people, person) if person else None
        return services.record_result(
            actor=owner.user if owner else org.users.head_a,
            plan=plan,
            unit=unit or (owner.unit if owner else org.units.a),
            person=owner,
            content_area=values.pop("content_area", area),
            title=values.pop("title", "Số hóa hồ sơ"),
            description=values.pop("description", "Mô tả"),
            date=date,
            files=list(files),
            **values,
        )

    return make
