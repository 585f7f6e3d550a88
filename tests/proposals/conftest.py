"""Proposals for the personas of tests/conftest.py, moved along through the real
services: `flow.make(...)` returns a proposal in the state asked for."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.commendation import catalogue
from thidua.commendation import services as records
from thidua.core.codes import State
from thidua.council import services as council
from thidua.plans.loading import load_plan
from thidua.proposals import services

YEAR = 2026
DECIDED_ON = datetime.date(2027, 1, 15)
PDF_BYTES = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def pdf(name="to-trinh.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def program_as_pdf(name="to-trinh.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, EXE_BYTES, content_type="application/pdf")


@pytest.fixture(autouse=True)
def _today_after_the_story(after_the_story):
    """The decisions and minutes of these tests are dated early in 2027."""


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def plan(org):
    return load_plan()[0]


SALARY_FROM = datetime.date(2024, 7, 1)


def settle_money(officer, *, confirm=True, gk=None, highest_only=True, rounding="dong"):
    """What the office records before a decision pays money: the base salary of
    01/7/2024 (confirmed unless `confirm` is False), the payment rule, and the Giấy
    khen's terms: `gk` a multiple (with its basis), or None for "không kèm tiền thưởng"."""
    salary = services.set_base_salary(
        actor=officer,
        amount=Decimal("2340000"),
        effective_from=SALARY_FROM,
        basis="Nghị định số 73/2024/NĐ-CP",
        basis_date=datetime.date(2024, 6, 30),
    )
    if confirm:
        services.confirm_base_salary(actor=officer, salary=salary)
    services.record_payment_rule(
        actor=officer,
        effective_from=datetime.date(2024, 1, 1),
        highest_only=highest_only,
        highest_only_basis="Quy chế thi đua, khen thưởng của Sở",
        rounding=rounding,
        rounding_basis="Quy chế chi tiêu nội bộ của Sở",
    )
    award = catalogue.award_type("GK", SALARY_FROM)
    if gk is None:
        award.no_cash, award.no_cash_reason = True, "Quy chế thi đua, khen thưởng của Sở không quy định tiền thưởng"
    else:
        award.cash_multiple, award.cash_basis = Decimal(gk), "Quy chế thi đua, khen thưởng của Sở"
    records.save_version(actor=officer, edited=award)
    return salary


def rate(subject, rating="HTXSNV", year=YEAR, movement=True):
    return records.set_rating(
        actor=None, subject=subject, year=year, rating=rating, participates_in_movement=movement, internal_unity=True
    )


class Flow:
    """Moves proposals through the workflow as the personas would."""

    def __init__(self, org):
        self.org = org
        self.meeting = None

    def create(self, subject=None, code="CSTDCS", *, actor=None, year=YEAR, **extra):
        subject = subject or self.org.people.staff_a
        return services.create_proposal(
            actor=actor or self.org.users.head_a, subject=subject, award_code=code, year=year, **extra
        )

    def attach_needed(self, proposal, *codes):
        for code in codes or ("to_trinh", "chung_nhan_sang_kien"):
            services.attach(actor=self.org.users.officer, proposal=proposal, document=code, upload=pdf(f"{code}.pdf"))

    def open_meeting(self):
        if self.meeting is None or self.meeting.is_closed:
            self.meeting = council.create_meeting(
                actor=self.org.users.officer,
                title="Phiên họp xét khen thưởng",
                date=datetime.date(2027, 1, 8),
                year=YEAR,
            )
        return self.meeting

    def vote_all(self, proposal, choice="agree"):
        for user in (self.org.users.councillor, self.org.users.director):
            council.cast_vote(actor=user, meeting=self.meeting, proposal=proposal, choice=choice)

    def close(self):
        council.close_meeting(
            actor=self.org.users.officer,
            meeting=self.meeting,
            on=datetime.date(2027, 1, 8),
            starts_at=datetime.time(8, 0),
            ends_at=datetime.time(10, 30),
        )

    def make(self, state=State.DRAFT, subject=None, code="CSTDCS", *, actor=None, files=True, **extra):
        org = self.org
        proposal = self.create(subject, code, actor=actor, **extra)
        steps = [State.SUBMITTED, State.ACCEPTED, State.UNDER_REVIEW, State.APPROVED, State.DECIDED]
        wanted = steps[: steps.index(state) + 1] if state in steps else []
        if files:
            self.attach_needed(proposal)
        for step in wanted:
            proposal.refresh_from_db()
            if step == State.SUBMITTED:
                services.submit(actor=actor or org.users.head_a, proposal=proposal)
            elif step == State.ACCEPTED:
                services.accept(actor=org.users.officer, proposal=proposal)
            elif step == State.UNDER_REVIEW:
                council.send_to_council(actor=org.users.officer, proposal=proposal, meeting=self.open_meeting())
            elif step == State.APPROVED:
                self.vote_all(proposal)
                self.close()
                proposal.refresh_from_db()
                services.approve(actor=org.users.director, proposal=proposal)
            elif step == State.DECIDED:
                services.issue_decision(actor=org.users.director, proposals=[proposal], date=DECIDED_ON)
        proposal.refresh_from_db()
        return proposal


@pytest.fixture
def flow(org, plan):
    settle_money(org.users.officer)
    rate(org.people.staff_a)
    rate(org.people.head_a, "HTTNV")
    rate(org.people.staff_b, "HTTNV")
    rate(org.units.a)
    return Flow(org)


@pytest.fixture
def files():
    return SimpleNamespace(pdf=pdf, program_as_pdf=program_as_pdf)
