"""The export of everything held about one person (Nghị định 13/2023): a .zip with a
readable JSON, the person's files and a README in Vietnamese; for the office only, logged;
and a map of personal data (`personal_data.PARTS`) that covers every relation of every
model to a person or an account."""

import io
import json
import zipfile

import pytest
from django.apps import apps
from django.urls import reverse

from thidua.core.history import record
from thidua.core.models import ActivityLog
from thidua.organization.models import Person, User
from thidua.privacy import personal_data

pytestmark = pytest.mark.django_db


def _url(person) -> str:
    return reverse("personal_data_export", args=[person.pk])


def _download(client, person) -> zipfile.ZipFile:
    response = client.get(_url(person))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert f'filename="du-lieu-ca-nhan-{person.pk}.zip"' in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def _records(data: dict, key: str) -> list[dict]:
    return data["cac_phan"][key]["ban_ghi"]


def test_the_office_downloads_everything_held_about_a_person(org, client_for, held):
    archive = _download(client_for(org.users.officer), org.people.staff_a)
    raw = archive.read(personal_data.DATA_NAME)
    assert "Đặng Thị Hương".encode() in raw and b"\\u" not in raw  # UTF-8 as written, not escaped
    assert b'\n    "ket_qua": {\n' in raw  # indented for reading
    data = json.loads(raw)
    assert data["ca_nhan"] == {"id": org.people.staff_a.pk, "ho_va_ten": "Đặng Thị Hương"}
    assert set(data["cac_phan"]) == {part.key for part in personal_data.PARTS}
    person = _records(data, "ca_nhan")[0]
    assert (person["birth_date"], person["ethnicity"], person["gender"]) == (
        "1991-03-08",
        "Tày",
        {"ma": "female", "ten": "Nữ"},
    )
    assert person["unit"] == {"id": org.units.a.pk, "ten": org.units.a.name}
    assert [r["title"] for r in _records(data, "ket_qua")] == ["Số hóa hồ sơ"]
    assert _records(data, "khen_thuong")[0]["decision_number"] == "15/QĐ-STP"
    assert [r["text"] for r in _records(data, "thong_bao")] == ["Kết quả «Số hóa hồ sơ» đã được xác nhận"]
    assert {r["role"]["ma"] for r in _records(data, "vai_tro")} == {"staff"}
    reads = [r for r in _records(data, "nhat_ky_ve_ca_nhan") if r["action"]["ma"] == "view_personal"]
    assert reads[0]["actor"]["ten"] == "Nguyễn Văn Đạt"  # who read it, by name (the account of truongphong)


def test_the_account_is_given_without_its_password(org, client_for, held):
    record(
        actor=None,
        obj=org.users.staff_a,
        action=ActivityLog.Action.CHANGED,
        changes={"password": ["", org.users.staff_a.password], "email": ["", "huong@stp.example"]},
    )
    data = json.loads(_download(client_for(org.users.officer), org.people.staff_a).read(personal_data.DATA_NAME))
    account = _records(data, "tai_khoan")[0]
    assert account["username"] == "chuyenvien"
    assert "password" not in account
    assert org.users.staff_a.password not in json.dumps(data)
    about_account = [r["changes"] for r in _records(data, "nhat_ky_ve_ca_nhan") if "email" in r["changes"]]
    assert about_account == [{"email": ["", "huong@stp.example"]}]


def test_the_person_s_own_actions_are_listed_without_what_other_records_held(org, client_for, held):
    data = json.loads(_download(client_for(org.users.officer), org.people.head_a).read(personal_data.DATA_NAME))
    actions = _records(data, "nhat_ky_thao_tac")
    assert actions and set(actions[0]) == {"at", "action", "content_type", "object_id"}
    assert "Tày" not in json.dumps(data, ensure_ascii=False)  # staff_a's detail, read by the head, is not his


def test_the_files_and_a_readme_are_in_the_zip(org, client_for, held):
    archive = _download(client_for(org.users.officer), org.people.staff_a)
    data = json.loads(archive.read(personal_data.DATA_NAME))
    evidence = _records(data, "minh_chung")[0]
    assert evidence["original_name"] == "Biên bản.pdf"
    assert archive.read(evidence["tep_trong_goi"]).startswith(b"%PDF")
    photo = _records(data, "dien_hinh_tien_tien")[0]["tep_trong_goi"]
    assert archive.read(photo).startswith(b"\x89PNG")
    readme = archive.read(personal_data.README_NAME).decode("utf-8")
    assert "Nghị định số 13/2023/NĐ-CP" in readme
    assert "Người được xuất dữ liệu: Đặng Thị Hương" in readme
    assert "- ket_qua (1): Kết quả, thành tích của cá nhân" in readme


def test_a_file_missing_from_the_server_is_named_in_the_readme(org, client_for, held):
    evidence = held["entry"].evidence.get()
    evidence.file.storage.delete(evidence.file.name)
    archive = _download(client_for(org.users.officer), org.people.staff_a)
    assert "không còn trên máy chủ" in archive.read(personal_data.README_NAME).decode()


def test_the_export_is_audited(org, client_for, held):
    _download(client_for(org.users.officer), org.people.staff_a)
    row = ActivityLog.objects.for_object(org.people.staff_a).get(action=ActivityLog.Action.EXPORTED)
    assert row.actor == org.users.officer
    assert f"du-lieu-ca-nhan-{org.people.staff_a.pk}.zip" in row.note


@pytest.mark.parametrize("persona", ["staff_a", "head_a", "director", "councillor"])
def test_only_the_office_exports(org, client_for, persona):
    assert client_for(getattr(org.users, persona)).get(_url(org.people.staff_a)).status_code == 403
    assert not ActivityLog.objects.filter(action=ActivityLog.Action.EXPORTED).exists()


def test_another_unit_gets_404(org, client_for):
    assert client_for(org.users.head_b).get(_url(org.people.staff_a)).status_code == 404


def test_the_button_is_shown_to_the_office_only(org, client_for):
    url = reverse("person_detail", args=[org.people.staff_a.pk])
    assert 'data-testid="personal-data-export"' in client_for(org.users.officer).get(url).content.decode()
    for persona in ("staff_a", "head_a", "director"):
        body = client_for(getattr(org.users, persona)).get(url).content.decode()
        assert "personal-data-export" not in body and "person-anonymise" not in body


def test_every_relation_to_a_person_or_an_account_is_exported_or_explained():
    """A new model pointing at Person or User must join PARTS or LEFT_OUT, with a reason."""
    relations = {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.is_relation and not field.auto_created and field.related_model in (Person, User)
    }
    covered, left_out = personal_data.covered_relations(), set(personal_data.LEFT_OUT)
    assert relations - covered - left_out == set()
    assert (covered | left_out) - relations == set()  # nothing stale
    assert covered & left_out == set()
