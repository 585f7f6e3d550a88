"""The PDF beside every Word download (`documents/word_or_pdf.py`, `documents/pdf.py`):
the same access as the .docx, saved or shown before issue, a clear page without
LibreOffice, and the decision previewed from its issue form with nothing kept.

The conversion itself is replaced by a stand-in here, except in the first test: the
printed pages are read in test_printed_pages.py."""

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from tests.documents.content import text_of
from tests.documents.printed import require_converter
from tests.documents.test_nd30 import build
from tests.proposals.conftest import DECIDED_ON, Flow, rate, settle_money
from thidua.core.codes import State
from thidua.documents import pdf
from thidua.outgoing.models import IssuedNumber
from thidua.plans.loading import load_plan
from thidua.proposals.models import Decision, Proposal

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("after_the_story")]
PRINTED = b"%PDF-1.6 the printed page"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def converted(monkeypatch):
    """LibreOffice replaced: every .docx given to it, in order."""
    given = []

    def convert(data, **_):
        given.append(data)
        return PRINTED

    monkeypatch.setattr(pdf, "docx_to_pdf", convert)
    return given


@pytest.fixture
def flow(org):
    load_plan()
    settle_money(org.users.officer)
    rate(org.people.staff_a)
    return Flow(org)


@pytest.fixture
def approved(org, flow):
    proposal = flow.make(State.APPROVED)
    return Proposal.objects.get(pk=proposal.pk)


def test_libreoffice_makes_an_archival_pdf_a():
    require_converter()
    printed = pdf.docx_to_pdf(build())
    assert printed.startswith(b"%PDF-")
    assert b"<pdfaid:part>2</pdfaid:part>" in printed  # PDF/A-2, the form a digital signature is put on


def test_two_conversions_at_once_both_finish():
    """Each has a LibreOffice profile of its own: two clicks at the same moment (two
    gunicorn workers) do not lock each other out."""
    require_converter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        printed = list(
            pool.map(lambda number: pdf.docx_to_pdf(build(number_symbol=number)), ["05/BC-STP", "06/BC-STP"])
        )
    assert all(item.startswith(b"%PDF-") for item in printed)


def test_the_pdf_has_the_access_of_the_word_file(org, client_for, flow, converted):
    proposal = flow.make(State.SUBMITTED)
    url = reverse("proposal_report_docx", args=[proposal.pk])
    response = client_for(org.users.head_a).get(url, {"dinh_dang": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-thanh-tich-dang-thi-huong-cstdcs-2026.pdf"'
    assert response.content == PRINTED
    assert len(converted) == 1 and converted[0].startswith(b"PK")  # the .docx the Word link gives
    assert client_for(org.users.head_b).get(url, {"dinh_dang": "pdf"}).status_code == 404
    assert len(converted) == 1  # another unit's account gets nothing converted
    assert client_for(org.users.head_a).get(url)["Content-Type"].startswith("application/vnd.openxmlformats")


def test_without_libreoffice_the_page_says_so_and_offers_the_word_file(org, client_for, settings):
    load_plan()
    settings.SOFFICE = "/nowhere/soffice"
    url = reverse("council_rules")
    response = client_for(org.users.officer).get(url, {"dinh_dang": "pdf"})
    assert response.status_code == 503
    page = response.content.decode()
    assert "Máy chủ chưa cài LibreOffice để tạo PDF; tải bản Word (.docx)" in page
    assert f'href="{url}"' in page


def test_a_conversion_that_hangs_is_stopped_and_said(tmp_path, settings):
    hanging = tmp_path / "soffice"
    hanging.write_text("#!/bin/sh\nsleep 30\n")
    hanging.chmod(0o755)
    settings.SOFFICE = str(hanging)
    with pytest.raises(pdf.ConversionError, match="Tạo PDF quá 1 giây nên đã dừng"):
        pdf.docx_to_pdf(build(), timeout=1)


def test_the_consolidated_report_is_previewed_in_the_browser_before_its_number(org, client_for, converted):
    from tests.documents.test_consolidated_report import filled
    from tests.reports.conftest import DUE
    from thidua.reports import consolidation
    from thidua.reports import services as reports
    from thidua.reports.enums import PeriodKind

    plan = load_plan()[0]
    period = reports.create_period(plan=plan, kind=PeriodKind.ANNUAL, year=2026, due_date=DUE, actor=org.users.officer)
    unit_report = period.unit_reports.get(unit=org.units.a)
    reports.submit_report(report=unit_report, actor=org.users.head_a, content=filled(unit_report))
    consolidation.consolidate(period=period, actor=org.users.officer)
    office = client_for(org.users.officer)
    page = office.get(reverse("consolidated_detail", args=[period.pk])).content.decode()
    preview = reverse("consolidated_docx", args=[period.pk]) + "?dinh_dang=pdf&amp;xem=truoc"
    assert f'href="{preview}" target="_blank"' in page and "Xem trước (PDF)" in page
    response = office.get(reverse("consolidated_docx", args=[period.pk]), {"dinh_dang": "pdf", "xem": "truoc"})
    assert response["Content-Disposition"].startswith("inline; ")
    assert client_for(org.users.head_a).get(response.request["PATH_INFO"], {"dinh_dang": "pdf"}).status_code == 403


def test_the_council_minutes_are_previewed_before_they_are_issued(org, client_for, flow, converted):
    flow.make(State.UNDER_REVIEW)
    meeting = flow.meeting
    office = client_for(org.users.officer)
    page = office.get(reverse("meeting_detail", args=[meeting.pk])).content.decode()
    assert 'data-testid="pdf-preview-close"' in page
    url = reverse("meeting_minutes", args=[meeting.pk])
    response = office.get(url, {"dinh_dang": "pdf", "xem": "truoc"})
    assert response["Content-Disposition"].startswith("inline; ")
    flow.close()
    page = office.get(reverse("meeting_detail", args=[meeting.pk])).content.decode()
    assert f'href="{url}?dinh_dang=pdf" data-testid="pdf-minutes">Tải PDF để ký số</a>' in page


def test_the_decision_is_previewed_from_its_issue_form_and_nothing_is_kept(org, client_for, approved, converted):
    director = client_for(org.users.director)
    form = director.get(reverse("decision_issue")).content.decode()
    assert f'formaction="{reverse("decision_preview")}" formtarget="_blank"' in form
    numbers = IssuedNumber.objects.count()
    response = director.post(reverse("decision_preview"), {"proposals": [approved.pk], "date": DECIDED_ON})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'inline; filename="du-thao-quyet-dinh.pdf"'
    assert "Số: 01/QĐ-STP" in text_of(converted[0])  # the number it would take
    assert not Decision.objects.exists() and IssuedNumber.objects.count() == numbers
    assert Proposal.objects.get(pk=approved.pk).state == State.APPROVED
    issued = director.post(reverse("decision_issue"), {"proposals": [approved.pk], "date": DECIDED_ON})
    assert issued.status_code == 302 and Decision.objects.get().number_symbol == "01/QĐ-STP"


def test_a_preview_the_issue_would_refuse_shows_the_form_with_why(org, client_for, approved, converted):
    response = client_for(org.users.director).post(reverse("decision_preview"), {"date": DECIDED_ON})
    assert response.status_code == 400
    assert "Hãy chọn ít nhất một đề nghị đã được phê duyệt." in response.content.decode()
    assert converted == []
    assert client_for(org.users.officer).post(reverse("decision_preview"), {"date": DECIDED_ON}).status_code == 403


# A link to a Word file written on a page: <a … href="{% url 'name' … %}" …>… .docx …</a>.
WORD_LINK = re.compile(r"""<a [^>]*href="\{% url '(\w+)'[^>]*>(?:(?!</a>).)*?\.docx""", re.DOTALL)
# The office's own template of the Giấy khen, to edit in Word: not a document to sign.
NOT_A_DOCUMENT = {"certificate_template"}


def test_every_word_download_on_the_pages_has_its_pdf_beside_it():
    templates = Path(django_settings.BASE_DIR) / "templates"
    lacking = []
    for template in templates.rglob("*.html"):
        text = template.read_text()
        for name in set(WORD_LINK.findall(text)) - NOT_A_DOCUMENT:
            if not re.search(rf"{{% pdf_(link|preview) '{name}'", text):
                lacking.append(f"{template.relative_to(templates)}: {name}")
    assert lacking == []


def test_the_guidance_typed_on_the_list_comes_as_pdf_too(org, client_for, converted):
    load_plan()
    office = client_for(org.users.officer)
    page = office.get(reverse("rating_meeting_list")).content.decode()
    assert 'name="dinh_dang" value="pdf"' in page
    response = office.get(reverse("rating_guidance"), {"year": 2026, "han": "2027-01-10", "dinh_dang": "pdf"})
    assert response["Content-Type"] == "application/pdf" and len(converted) == 1
    assert (
        client_for(org.users.head_a).get(reverse("rating_guidance"), {"year": 2026, "dinh_dang": "pdf"}).status_code
        == 403
    )
