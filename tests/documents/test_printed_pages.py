"""Every document of docs/documents.md as the office prints it: converted to PDF by the
server's LibreOffice and read back, each has the number of pages it should and every
person's name and every number of its Word file (tests/documents/printed.py).

Each test builds one family of documents with the fixtures of their own tests and
converts them with one LibreOffice start (a conversion costs seconds)."""

import datetime

import pytest

from tests.documents import test_consolidated_report as reports
from tests.documents.content import lines_of
from tests.documents.printed import Printed, printed
from tests.documents.test_decision_list_docx import decision  # noqa: F401 (fixture)
from tests.documents.test_nd30 import build
from tests.documents.test_secret_ballot_docx import meeting  # noqa: F401 (fixture)
from tests.initiatives.conftest import make  # noqa: F401 (fixture)
from tests.proposals.conftest import flow  # noqa: F401 (fixture)
from tests.proposals.test_summary_report import proposal  # noqa: F401 (fixture)
from tests.ratingmeetings.test_rating_meetings import _fields
from tests.reviews import conftest as reviews
from thidua.core.codes import State
from thidua.council.establishment_docx import CouncilRulesDocx, EstablishmentDecisionDocx
from thidua.council.invitation_docx import InvitationDocx
from thidua.council.minutes_docx import MinutesDocx
from thidua.council.models import Meeting
from thidua.council.secret_ballot_docx import BallotCountDocx, BallotDocx
from thidua.initiatives.recognition_docx import InitiativeCertificateDocx, RecognitionDecisionDocx
from thidua.plans.models import Plan
from thidua.plans.plan_docx import PlanDocx
from thidua.proposals import certificate_docx
from thidua.proposals.achievement_report_docx import AchievementReportDocx
from thidua.proposals.award_certificate_docx import AwardCertificateDocx, has_certificate
from thidua.proposals.decision_docx import DecisionDocx
from thidua.proposals.decision_list_docx import DecisionListDocx, award_groups
from thidua.proposals.public_notice_docx import PublicNoticeDocx, listed
from thidua.proposals.submission_docx import UNIT, SubmissionDocx
from thidua.proposals.summary_report_docx import SummaryReportDocx
from thidua.ratingmeetings import services as rating
from thidua.ratingmeetings.guidance_docx import GuidanceDocx
from thidua.ratingmeetings.minutes_docx import RatingMinutesDocx
from thidua.reports.consolidated_report_docx import ConsolidatedReportDocx
from thidua.reviews.comparison import compare
from thidua.reviews.review_report_docx import ReviewReportDocx

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("after_the_story")]
# The fixtures of the reports' and the reviews' tests (the real plan in both).
media, plan, period, report_a, report_b, report = (
    reports.media,
    reports.plan,
    reports.period,
    reports.report_a,
    reports.report_b,
    reports.report,
)
share, pages, values, recorded, recognised, review, after_review, frozen = (
    reviews.share,
    reviews.pages,
    reviews.values,
    reviews.recorded,
    reviews.recognised,
    reviews.review,
    reviews.after_review,
    reviews.frozen,
)


SERIF = ("LiberationSerif", "TimesNewRoman")


def assert_printed(documents: dict[str, bytes], expected: dict[str, tuple[tuple[int, int], list[str]]]) -> None:
    """`expected`: for each document, its bounds of pages and the names it must carry."""
    pages = printed(documents)
    for name, data in documents.items():
        (least, most), names = expected[name]
        assert least <= pages[name].pages <= most, f"{name}: {pages[name].pages} pages"
        assert pages[name].missing(data, names=names) == [], name
        # Times New Roman, or Liberation Serif with its widths: lines break as in Word.
        assert {font for font in pages[name].fonts if not font.startswith(SERIF)} == set(), name


def test_the_decision_and_what_goes_with_it(org, decision):  # noqa: F811
    people = org.people
    title = decision.proposals.get(person=people.staff_a)
    person_gk = decision.proposals.get(person=people.head_a)
    documents = {
        "quyet-dinh": DecisionDocx(decision).render(),
        "giay-khen": certificate_docx.fill(
            certificate_docx.default_template(), certificate_docx.values(person_gk, Plan.objects.current())
        ),
        "giay-chung-nhan": AwardCertificateDocx(title).render(),
        "bien-ban-hoi-dong": MinutesDocx(Meeting.objects.get()).render(),
        "bao-cao-thanh-tich": AchievementReportDocx(title).render(),
        "to-trinh": SubmissionDocx(title, UNIT, org.users.head_a).render(),
        "thanh-lap-hoi-dong": EstablishmentDecisionDocx(org.users.officer).render(),
        "quy-che-hoi-dong": CouncilRulesDocx().render(),
    }
    for code, _name, _count in award_groups(decision):
        documents[f"danh-sach-{code}"] = DecisionListDocx(decision, code).render()
    assert has_certificate(title)
    both = [people.staff_a.full_name, people.head_a.full_name]
    director = [people.director.full_name]
    expected = {
        "quyet-dinh": ((1, 3), director),
        "giay-khen": ((1, 1), [people.head_a.full_name]),
        "giay-chung-nhan": ((1, 1), [people.staff_a.full_name]),
        "bien-ban-hoi-dong": ((1, 3), both),
        "bao-cao-thanh-tich": ((1, 2), [people.staff_a.full_name]),
        "to-trinh": ((1, 3), [people.staff_a.full_name]),
        "thanh-lap-hoi-dong": ((1, 3), director + [people.councillor.full_name]),
        "quy-che-hoi-dong": ((1, 4), []),
        **{name: ((1, 2), []) for name in documents if name.startswith("danh-sach-")},
    }
    assert_printed(documents, expected)


def test_the_councils_papers(org, meeting):  # noqa: F811
    documents = {
        "giay-moi": InvitationDocx(meeting.meeting).render(),
        "phieu-bau": BallotDocx(meeting.meeting).render(),
    }
    rows = list(listed(org.users.officer, 2026))
    assert rows, "the notice lists the proposal before the council"
    documents["thong-bao-cong-khai"] = PublicNoticeDocx(rows, 2026).render()
    meeting.close()
    meeting.meeting.refresh_from_db()
    documents["kiem-phieu"] = BallotCountDocx(meeting.meeting).render()
    staff = [org.people.staff_a.full_name]
    expected = {
        "giay-moi": ((1, 2), [org.people.councillor.full_name]),
        "phieu-bau": ((1, 1), staff),
        "thong-bao-cong-khai": ((1, 2), staff),
        "kiem-phieu": ((1, 2), staff),
    }
    assert_printed(documents, expected)


def test_the_plan_the_consolidated_report_and_the_guidance(org, plan, report):
    documents = {
        "ke-hoach": PlanDocx(plan).render(),
        "bao-cao-tong-hop": ConsolidatedReportDocx(report).render(),
        "huong-dan-binh-xet": GuidanceDocx(2026, datetime.date(2027, 1, 10)).render(),
    }
    expected = {
        "ke-hoach": ((3, 8), []),
        "bao-cao-tong-hop": ((2, 5), []),
        "huong-dan-binh-xet": ((2, 5), []),
    }
    assert_printed(documents, expected)


def test_the_review_report(org, frozen):
    documents = {"bao-cao-so-ket": ReviewReportDocx(frozen, compare(frozen.plan), []).render()}
    assert_printed(documents, {"bao-cao-so-ket": ((1, 4), [])})


def test_the_units_papers(org, plan, make, proposal):  # noqa: F811
    minutes = rating.save_meeting(actor=org.users.head_a, unit=org.units.a, year=2026, **_fields(org))
    rating.save_vote(
        actor=org.users.head_a, meeting=minutes, person=org.people.staff_a, award_code="CSTDCS", votes_for=10
    )
    initiative = make(State.RECOGNISED, authors=[(org.people.staff_a, 60), (org.people.head_a, 40)])
    documents = {
        "bien-ban-binh-xet": RatingMinutesDocx(minutes).render(),
        "quyet-dinh-cong-nhan-sang-kien": RecognitionDecisionDocx(initiative).render(),
        "giay-chung-nhan-sang-kien": InitiativeCertificateDocx(initiative).render(),
        "bao-cao-tom-tat": SummaryReportDocx(proposal).render(),
    }
    both = [org.people.staff_a.full_name, org.people.head_a.full_name]
    expected = {
        "bien-ban-binh-xet": ((1, 3), both),
        "quyet-dinh-cong-nhan-sang-kien": ((1, 3), both),
        "giay-chung-nhan-sang-kien": ((1, 1), both),
        "bao-cao-tom-tat": ((1, 2), [org.people.staff_a.full_name]),
    }
    assert_printed(documents, expected)


def test_a_page_that_lost_a_name_or_a_number_is_caught():
    """The reading itself, without LibreOffice: what the Word file says and the page
    does not is listed, wherever the page breaks its lines."""
    data = build()
    words = "\n".join(lines_of(data))
    assert Printed(pages=1, text=words.replace(" ", "\n"), fonts=set()).missing(data, names=["Nguyễn Văn An"]) == []
    lost = words.replace("Nguyễn Văn An", "").replace("05/BC-STP", "05/BC")
    assert Printed(pages=1, text=lost, fonts=set()).missing(data, names=["Nguyễn Văn An"]) == [
        "Nguyễn Văn An",
        "05/BC-STP",
    ]
