"""The interface in English: after the language switch every main page speaks English,
while the data (names of units and people, the plan's text) stays as entered."""

import io
import re

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import Workbook, load_workbook

from thidua.plans.loading import load_plan

pytestmark = pytest.mark.django_db

VIETNAMESE_NAVIGATION = ("Trang chủ", "Đăng xuất", "Tổ chức")


@pytest.fixture
def english(org, client_for):
    """The office officer's client, switched to English, with the plan loaded."""
    load_plan()
    client = client_for(org.users.officer)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return client


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'lang="en"' in body
    for label in VIETNAMESE_NAVIGATION:
        assert label not in body, f"{label!r} left untranslated on {url}"
    for label in ("Home", "Plan", "Organisation", "Staff", "Change history", "Sign out"):
        assert label in body
    return body


def test_office_home_in_english(english):
    body = _page(english, reverse("home"))
    assert "Home — Department office (emulation and commendation officer)" in body
    assert ">To do</h2>" in body
    assert "2 units have no head in the system" in body
    assert "1 staff member has no sign-in account" in body
    assert "Office tasks" in body
    assert "Mid-term review 2027" in body


def test_plan_page_in_english(english):
    body = _page(english, reverse("plan_detail"))
    assert "Download the Word document (.docx)" in body
    assert "Purposes and requirements" in body
    assert "Criteria for collectives" in body
    assert "Final review 2030" in body
    assert "Recipients" in body
    assert "Giai đoạn 1" in body  # the plan's own text is data and stays Vietnamese


def test_organisation_tree_in_english(english, org):
    body = _page(english, reverse("unit_tree"))
    assert "Organisation structure" in body
    assert "Specialised division" in body
    assert "Public service unit" in body
    assert "2 people" in body and "1 person" in body
    assert org.units.a.name in body


def test_people_list_in_english(english):
    body = _page(english, reverse("people"))
    assert "List of staff" in body
    assert "Search by name or code" in body
    assert "All categories" in body
    assert "Civil servant" in body
    assert "7 people" in body


def test_person_page_in_english(english, org):
    body = _page(english, reverse("person_detail", args=[org.people.head_a.pk]))
    assert org.people.head_a.full_name in body
    assert "Date of birth" in body
    assert "Roles in the system" in body
    assert "Unit head — " in body
    assert "Male" in body


def test_import_page_in_english(english):
    body = _page(english, reverse("import_organization"))
    assert "Import units and staff from Excel" in body
    assert "Download the template (.xlsx)" in body
    assert "Excel file (.xlsx)" in body


def test_import_errors_in_english(english):
    book = Workbook()
    sheet = book.active
    sheet.title = "Đơn vị"
    sheet.append(["Mã đơn vị", "Tên đơn vị", "Mã đơn vị cấp trên", "Loại đơn vị", "Thứ tự"])
    sheet.append(["X1", "Phòng thử", "", "Chi cục", 1])
    upload = io.BytesIO()
    book.save(upload)
    upload.seek(0)
    upload.name = "don-vi.xlsx"
    response = english.post(reverse("import_organization"), {"file": upload})
    body = response.content.decode()
    assert "The file has 1 error, so no row has been imported." in body
    assert "Loại đơn vị “Chi cục” is not valid." in body
    assert "Choose one of:" in body and "Specialised division (division)" in body


def test_import_template_stays_vietnamese_in_english(english):
    book = load_workbook(io.BytesIO(english.get(reverse("import_template")).content))
    assert book.sheetnames == ["Đơn vị", "Cán bộ", "Hướng dẫn"]
    labels = [row[1] for row in book["Hướng dẫn"].iter_rows(values_only=True)]
    assert "Phòng chuyên môn" in labels
    assert "Specialised division" not in labels


def test_plan_document_stays_vietnamese_in_english(english):
    document = Document(io.BytesIO(english.get(reverse("plan_docx")).content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Đối với tập thể" in text and "Đối với cá nhân" in text
    assert "collective" not in text.lower()


def test_activity_log_in_english(english):
    body = _page(english, reverse("activity"))
    assert "All types of data" in body
    assert "imported from a file" in body  # the log says what was done, in the line's words
    assert "Record" in body
    assert "(system)" in body


def test_failed_sign_in_message_in_english(org, client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.post(reverse("login"), {"username": "vanphong", "password": "sai-mat-khau"}).content.decode()
    assert "The username or password is incorrect." in body
    assert "Tên đăng nhập hoặc mật khẩu không đúng" not in body


# Letters that English never uses: a main heading that still has one is untranslated.
VIETNAMESE_ONLY_LETTERS = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")

# The main list page of each app, by URL name. Their headings are fixed labels (a year at
# most), never data such as a unit's name, so the whole heading must be English.
APP_PAGES = (
    "registrations",
    "results_list",
    "indicators_overview",
    "initiative_list",
    "library",
    "report_calendar",
    "report_status_board",
    "difficulty_list",
    "inspection_list",
    "award_catalogue",
    "proposal_list",
    "meeting_list",
    "award_register",
    "award_statistics",
    "evaluation_home",
    "reviews_home",
    "movement_overview",
    "my_record",
)


def _main_heading(body: str) -> str:
    match = re.search(r"<h1\b[^>]*>(.*?)</h1>", body, re.S)
    assert match, "the page has no main heading"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def _assert_english_heading(body: str, url: str) -> None:
    assert 'lang="en"' in body
    heading = _main_heading(body)
    assert heading, f"empty main heading on {url}"
    left = sorted({letter for letter in heading.lower() if letter in VIETNAMESE_ONLY_LETTERS})
    assert not left, f"main heading {heading!r} on {url} is not in English"


@pytest.mark.parametrize("name", APP_PAGES)
def test_app_main_page_in_english(english, name):
    url = reverse(name)
    response = english.get(url, follow=True)
    assert response.status_code == 200
    _assert_english_heading(response.content.decode(), url)


def test_public_honours_page_in_english(org, client):
    """The public honours page, for an anonymous visitor who chose English."""
    load_plan()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    url = reverse("honours_home")
    response = client.get(url)
    assert response.status_code == 200
    _assert_english_heading(response.content.decode(), url)
