"""Text typed with combining diacritics (NFD: some macOS and phone keyboards, text
pasted from a PDF) is stored in NFC, so a search typed the usual way finds it."""

import unicodedata

import pytest
from django.urls import reverse

from tests.factories import PersonFactory
from thidua.core import params
from thidua.difficulties.models import Difficulty
from thidua.organization.models import Person
from thidua.plans.loading import load_plan

pytestmark = pytest.mark.django_db

NAME = "Nguyễn Thị Ánh Tuyết"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_the_fixture_really_differs():
    assert nfd(NAME) != NAME and len(nfd(NAME)) > len(NAME)


def test_a_person_typed_in_nfd_is_stored_in_nfc_and_found(org, client_for):
    PersonFactory(unit=org.units.a, full_name=nfd(NAME), position=nfd("Chuyên viên"))
    stored = Person.objects.get(full_name=NAME)  # an exact match on the NFC text
    assert stored.position == "Chuyên viên"
    body = client_for(org.users.officer).get(reverse("people"), {"q": "Ánh Tuyết"}).content.decode()
    assert NAME in body and nfd(NAME) not in body


def test_a_form_typed_in_nfd_is_stored_in_nfc(org, client_for):
    load_plan()
    typed = {
        "title": nfd("Thiếu chứng thư số"),
        "description": nfd("Chỉ có 2 chứng thư cho 6 người."),
        "proposal": nfd("Cấp bổ sung chứng thư số."),
        "source_label": "",
        "content_area": "",
        "unit": org.units.a.pk,
        "nhap": "1",
    }
    response = client_for(org.users.head_a).post(reverse("difficulty_create"), typed)
    assert response.status_code == 302, response.context["form"].errors
    difficulty = Difficulty.objects.get()
    assert difficulty.title == "Thiếu chứng thư số"
    assert difficulty.description == "Chỉ có 2 chứng thư cho 6 người."


def test_a_search_typed_in_nfd_is_read_in_nfc():
    assert params.text({"q": nfd(NAME)}, "q") == NAME


def test_an_achievement_named_in_words_gets_its_key_once():
    from thidua.core.text import achievement_key_from

    key = achievement_key_from("Cứu nạn trong lũ tháng 9/2026", kind="dot_xuat", year=2026)
    assert key == "dot_xuat:2026:cuu-nan-trong-lu-thang-9-2026"
    assert achievement_key_from(key, kind="dot_xuat", year=2026) == key  # editing keeps it
    assert achievement_key_from("  ", kind="dot_xuat", year=2026) == ""
