"""No page shown to someone outside the office (a unit head, staff, a council member,
the director) names a title or form by its code, or shows a rule's number or its
confidence label: each demo role's main pages, with the demo year's data, are scanned
for every code of the catalogue."""

import re

import pytest
from django.core.management import call_command
from django.test import Client

from tests.plain_pages import NON_OFFICE, crawl, visible_text
from thidua.commendation.enums import Confidence
from thidua.core.codes import CommendationForm, EmulationTitle, QualityRating
from thidua.organization.models import User

pytestmark = pytest.mark.django_db

CODES = [*EmulationTitle.values, *CommendationForm.values, *QualityRating.values]
CODE = re.compile(r"(?<![\w/-])(" + "|".join(sorted(CODES, key=len, reverse=True)) + r")(?![\w/-])")
RULE = re.compile(r"(?<![\w/-])R\d{1,2}(?![\w/-])")
LABEL = re.compile(r"\[(" + "|".join(c for c in Confidence.values if len(c) == 1) + r")\]")
OFFICE_ONLY = [CODE, RULE, LABEL, re.compile(r"chưa tìm thấy", re.I), re.compile(r"Tác vụ nền #")]


@pytest.fixture
def demo_year(db):
    call_command("load_plan", verbosity=0)
    call_command("load_demo", verbosity=0)


def _pages(username: str) -> dict[str, str]:
    client = Client()
    client.force_login(User.objects.get(username=username), backend="django.contrib.auth.backends.ModelBackend")

    def get(path):
        response = client.get(path)
        body = "" if getattr(response, "streaming", False) else response.content.decode()
        return response.status_code, response.get("Content-Type", ""), body

    return crawl(get)


def _findings(pages: dict[str, str]) -> list[str]:
    found = []
    for path, body in pages.items():
        text = " ".join(visible_text(body).split())
        for pattern in OFFICE_ONLY:
            for match in pattern.finditer(text):
                found.append(f"{path}: …{text[max(0, match.start() - 60) : match.end() + 40]}…")
    return found


@pytest.mark.parametrize("username", NON_OFFICE)
def test_no_code_or_rule_label_on_a_non_office_page(demo_year, username):
    pages = _pages(username)
    assert len(pages) > 15  # the crawl reached the role's pages
    assert any(path.startswith("/de-nghi-khen-thuong/") or path.startswith("/so-khen-thuong/") for path in pages)
    assert _findings(pages) == []


def test_the_scan_finds_the_codes_on_the_offices_rule_pages(demo_year):
    """The office's rule page shows rule numbers and labels: proof the scan sees them."""
    pages = _pages("vanphong")
    rule_pages = {path: body for path, body in pages.items() if path.startswith("/khen-thuong/quy-tac")}
    assert rule_pages and _findings(rule_pages)


@pytest.mark.parametrize("username", ["hoidong", "truongphong"])
def test_the_rule_page_is_the_offices(demo_year, username):
    client = Client()
    client.force_login(User.objects.get(username=username), backend="django.contrib.auth.backends.ModelBackend")
    assert client.get("/khen-thuong/quy-tac/").status_code == 403
