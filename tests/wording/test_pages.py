"""The office's pages: the list of document types, the texts of one with the preview,
the history, the return to the default, the legal bases; nobody else opens them."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.wording import services
from thidua.wording.models import BasisKind, LegalBasis, Wording
from thidua.wording.registry import DOCUMENTS

pytestmark = pytest.mark.django_db


def _edit_url(key="quyet_dinh_khen_thuong") -> str:
    return f"/cau-chu-van-ban/{key}/"


def test_the_office_sees_every_document_type_and_the_missing_bases(org, client_for):
    page = client_for(org.users.officer).get("/cau-chu-van-ban/").content.decode()
    for document in DOCUMENTS.values():
        assert document.name in page
    assert "Chưa ghi căn cứ:" in page and "Quy định của UBND tỉnh về công tác thi đua, khen thưởng" in page


def test_the_list_costs_the_same_queries_however_many_versions(org, client_for):
    client = client_for(org.users.officer)
    client.get("/cau-chu-van-ban/")
    with CaptureQueriesContext(connection) as none:
        client.get("/cau-chu-van-ban/")
    for document in DOCUMENTS.values():
        for text in document.texts:
            for n in range(3):
                Wording.objects.create(document=document.key, key=text.key, text=f"{text.default} {n}")
    with CaptureQueriesContext(connection) as many:
        response = client.get("/cau-chu-van-ban/")
    assert response.status_code == 200
    assert len(many) == len(none) <= 8


def test_the_office_previews_then_saves_a_text(org, client_for):
    client = client_for(org.users.officer)
    values = DOCUMENTS["quyet_dinh_khen_thuong"].in_force().raw | {
        "dieu_1": "Khen thưởng các tập thể, cá nhân năm {nam}:"
    }
    preview = client.post(_edit_url(), values | {"preview": "1"})
    page = preview.content.decode()
    assert preview.status_code == 200 and "Khen thưởng các tập thể, cá nhân năm 2026:" in page
    assert not Wording.objects.exists()
    saved = client.post(_edit_url(), values | {"save": "1"}, follow=True)
    assert "Đã lưu 1 đoạn" in saved.content.decode()
    assert Wording.objects.get().text == "Khen thưởng các tập thể, cá nhân năm {nam}:"
    history = client.get(_edit_url() + "lich-su/").content.decode()
    assert "Khen thưởng các tập thể, cá nhân năm {nam}:" in history and "Hoàng Thị Thu" in history


def test_a_wrong_placeholder_is_refused_and_what_was_typed_stays(org, client_for):
    client = client_for(org.users.officer)
    values = DOCUMENTS["quyet_dinh_khen_thuong"].in_force().raw | {"dieu_1": "Khen thưởng năm {year} gồm:"}
    response = client.post(_edit_url(), values | {"save": "1"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Chỗ điền {year} không có trong văn bản này; dùng được: {nam}." in page
    assert "Khen thưởng năm {year} gồm:" in page
    assert not Wording.objects.exists()


def test_the_office_returns_a_text_to_its_default(org, client_for):
    decision = DOCUMENTS["quyet_dinh_khen_thuong"]
    services.save_texts(actor=org.users.officer, document=decision, values={"hieu_luc": "Có hiệu lực từ ngày ký."})
    client = client_for(org.users.officer)
    assert "Khôi phục mặc định" in client.get(_edit_url()).content.decode()
    response = client.post(_edit_url() + "hieu_luc/khoi-phuc/", follow=True)
    assert "Đã khôi phục câu mặc định của «Câu hiệu lực»." in response.content.decode()
    assert decision.in_force().get("hieu_luc") == "Quyết định này có hiệu lực kể từ ngày ký."
    assert Wording.objects.count() == 2


def test_the_office_records_a_legal_basis_and_a_future_date_is_refused(org, client_for):
    client = client_for(org.users.officer)
    url = "/cau-chu-van-ban/can-cu/province/"
    data = {
        "number": "25/2023/QĐ-UBND",
        "signed_on": "2099-01-01",
        "issuer": "UBND tỉnh Tuyên Quang",
        "subject": "ban hành Quy định về công tác thi đua, khen thưởng trên địa bàn tỉnh Tuyên Quang",
    }
    refused = client.post(url, data)
    assert refused.status_code == 400 and "Ngày ban hành không được sau hôm nay." in refused.content.decode()
    assert "25/2023/QĐ-UBND" in refused.content.decode()
    client.post(url, data | {"signed_on": "2023-10-16"})
    basis = LegalBasis.objects.get()
    assert (basis.kind, basis.signed_on) == (BasisKind.PROVINCE, datetime.date(2023, 10, 16))
    assert basis.line() == (
        "Căn cứ Quyết định số 25/2023/QĐ-UBND ngày 16 tháng 10 năm 2023 của UBND tỉnh Tuyên Quang ban hành "
        "Quy định về công tác thi đua, khen thưởng trên địa bàn tỉnh Tuyên Quang;"
    )
    assert basis.line() in client.get("/cau-chu-van-ban/").content.decode()


@pytest.mark.parametrize("who", ["director", "head_a", "staff_a", "councillor"])
def test_nobody_but_the_office_opens_the_pages(org, client_for, who):
    client = client_for(getattr(org.users, who))
    for url in ("/cau-chu-van-ban/", _edit_url(), _edit_url() + "lich-su/", "/cau-chu-van-ban/can-cu/"):
        assert client.get(url).status_code == 403, url
    assert client.post(_edit_url() + "hieu_luc/khoi-phuc/").status_code == 403
    assert client.post(_edit_url(), {"hieu_luc": "Có hiệu lực.", "save": "1"}).status_code == 403
    assert not Wording.objects.exists()


def test_an_unknown_document_text_or_basis_is_not_found(org, client_for):
    client = client_for(org.users.officer)
    assert client.get(_edit_url("khong_co")).status_code == 404
    assert client.post(_edit_url() + "khong_co/khoi-phuc/").status_code == 404
    assert client.get("/cau-chu-van-ban/can-cu/khong-co/").status_code == 404


def test_a_visitor_is_sent_to_sign_in(client):
    assert client.get("/cau-chu-van-ban/").status_code == 302


def test_the_issuing_page_warns_while_a_basis_is_missing(org, client_for):
    client = client_for(org.users.director)
    page = client.get("/quyet-dinh-khen-thuong/ban-hanh/").content.decode()
    assert 'data-testid="missing-bases"' in page and "Quy chế hoạt động của Hội đồng" in page
    for kind in BasisKind.values:
        services.record_basis(
            actor=org.users.officer,
            kind=kind,
            number="01/2024/QĐ-UBND",
            signed_on=datetime.date(2024, 1, 2),
            issuer="UBND tỉnh Tuyên Quang",
            subject="về việc thử",
        )
    assert 'data-testid="missing-bases"' not in client.get("/quyet-dinh-khen-thuong/ban-hanh/").content.decode()
