"""Giấy khen printed as offices print them: every certificate of a decision in one
file, framed on A4 landscape, or only their texts onto the office's pre-printed blanks
at places measured in millimetres, with a grid page to calibrate the printer."""

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from tests.proposals.conftest import DECIDED_ON
from thidua.core.codes import State
from thidua.core.models import ActivityLog
from thidua.proposals import services
from thidua.proposals.models import BlankLayout, Decision, Proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(org, flow):
    proposals = [
        flow.make(State.UNDER_REVIEW, org.people.head_a, "GK", files=False),
        flow.make(State.UNDER_REVIEW, org.people.staff_b, "GK", actor=org.users.head_b, files=False),
    ]
    for proposal in proposals:
        flow.attach_needed(proposal, "to_trinh")
        flow.vote_all(proposal)
    flow.close()
    approved = [services.approve(actor=org.users.director, proposal=Proposal.objects.get(pk=p.pk)) for p in proposals]
    services.issue_decision(actor=org.users.director, proposals=approved, date=DECIDED_ON)
    return Decision.objects.get()


def _doc(response):
    assert response.status_code == 200, response.content[:300]
    return Document(io.BytesIO(response.content))


def _text(doc) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def _pages(doc) -> int:
    return 1 + sum(1 for p in doc.paragraphs if p.paragraph_format.page_break_before)


def test_every_giay_khen_of_a_decision_in_one_framed_file(org, decision, client_for):
    doc = _doc(client_for(org.users.officer).get(f"/quyet-dinh-khen-thuong/{decision.pk}/giay-khen.docx"))
    text = _text(doc)
    assert _pages(doc) == 2 and text.count("GIẤY KHEN") == 2
    assert "Nguyễn Văn Đạt" in text and "Triệu Thị Mai" in text and "{" not in text
    assert text.count("Quyết định số 01/QĐ-STP") == 2
    borders = doc.sections[0]._sectPr.find(qn("w:pgBorders"))
    assert borders is not None and borders.find(qn("w:top")).get(qn("w:val")) == "thickThinMediumGap"


def test_a_unit_head_prints_only_the_certificates_of_the_unit(org, decision, client_for):
    text = _text(_doc(client_for(org.users.head_b).get(f"/quyet-dinh-khen-thuong/{decision.pk}/giay-khen.docx")))
    assert "Triệu Thị Mai" in text and "Nguyễn Văn Đạt" not in text
    blank = client_for(org.users.head_a).get(f"/quyet-dinh-khen-thuong/{decision.pk}/giay-khen-in-phoi.docx")
    assert "Nguyễn Văn Đạt" in _text(_doc(blank)) and "Triệu Thị Mai" not in _text(_doc(blank))


def test_who_may_not_read_decisions_gets_no_certificate(org, decision, client_for):
    client = client_for(org.users.staff_a)
    for path in ("giay-khen.docx", "giay-khen-in-phoi.docx"):
        assert client.get(f"/quyet-dinh-khen-thuong/{decision.pk}/{path}").status_code in (403, 404)
    assert client_for(org.users.officer).get("/quyet-dinh-khen-thuong/999999/giay-khen.docx").status_code == 404


def _layout_post(**changes):
    data = {"width_mm": "297", "height_mm": "210", "offset_x_mm": "2", "offset_y_mm": "-1.5"}
    spots = {
        "nguoi_tang": ("48.5", "60", "0", "15", "on"),
        "ho_ten": ("50", "90", "197", "22", "on"),
        "chuc_vu": ("50", "103", "197", "14", ""),
        "don_vi": ("50", "110", "197", "14", ""),
        "thanh_tich": ("50", "120", "197", "14", ""),
        "so_quyet_dinh": ("20", "160", "120", "13", ""),
        "ngay": ("157", "150", "120", "13", ""),
        "chuc_vu_ky": ("157", "157", "120", "14", "on"),
        "nguoi_ky": ("157", "180", "120", "14", "on"),
    }
    for name, (x, y, w, size, bold) in spots.items():
        data.update({f"{name}_x": x, f"{name}_y": y, f"{name}_w": w, f"{name}_size": size})
        if bold:
            data[f"{name}_bold"] = bold
    data.update(changes)
    return data


def _frames(doc) -> dict[str, tuple[int, int]]:
    found = {}
    for p in doc.paragraphs:
        frame = p._p.pPr.find(qn("w:framePr")) if p._p.pPr is not None else None
        if frame is not None:
            found[p.text] = (int(frame.get(qn("w:x"))), int(frame.get(qn("w:y"))))
    return found


def test_only_the_texts_go_onto_the_blank_where_the_office_measured(org, decision, client_for):
    client = client_for(org.users.officer)
    response = client.post("/khen-thuong/cai-dat/phoi-giay-khen/", _layout_post(), follow=True)
    assert "Đã lưu cách in lên phôi Giấy khen" in response.content.decode()
    layout = BlankLayout.objects.get()
    assert ActivityLog.objects.filter(content_type__model="blanklayout", object_id=str(layout.pk)).exists()
    doc = _doc(client.get(f"/quyet-dinh-khen-thuong/{decision.pk}/giay-khen-in-phoi.docx"))
    text = _text(doc)
    assert "GIẤY KHEN" not in text and "CỘNG HÒA" not in text
    assert "GIÁM ĐỐC SỞ" not in text  # width 0: the blank already prints who gives it
    frames = _frames(doc)
    # 50 mm + 2 mm of the printer's shift = 52 mm = 2948 twips; 90 − 1,5 = 88,5 mm = 5017.
    assert frames["Nguyễn Văn Đạt"] == (2948, 5017)
    assert "Quyết định số 01/QĐ-STP" in frames
    section = doc.sections[0]
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210


def test_a_place_outside_the_blank_is_refused_and_what_was_typed_is_kept(org, client_for):
    client = client_for(org.users.officer)
    response = client.post("/khen-thuong/cai-dat/phoi-giay-khen/", _layout_post(ho_ten_w="300", offset_x_mm="45"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Độ lệch của máy in quá 30 mm" in page
    assert 'value="300"' in page and 'value="45"' in page
    assert not BlankLayout.objects.exists()
    response = client.post("/khen-thuong/cai-dat/phoi-giay-khen/", _layout_post(ho_ten_w="300"))
    assert response.status_code == 400
    assert "Dòng này vượt ra ngoài phôi 297 × 210 mm" in response.content.decode()
    response = client.post("/khen-thuong/cai-dat/phoi-giay-khen/", _layout_post(ho_ten_size="chữ"))
    assert response.status_code == 400 and not BlankLayout.objects.exists()


def test_the_grid_page_calibrates_the_printer(org, client_for):
    response = client_for(org.users.officer).get("/khen-thuong/cai-dat/phoi-giay-khen/luoi.docx")
    doc = _doc(response)
    table = doc.tables[0]
    assert len(table.columns) == 29 and len(table.rows) == 21
    assert table.rows[0].cells[5].text == "50,0" and table.rows[3].cells[0].text == "30"
    assert "[Họ và tên, tên tập thể]" in _text(doc)
    assert client_for(org.users.head_a).get("/khen-thuong/cai-dat/phoi-giay-khen/luoi.docx").status_code == 403


def test_the_decision_page_offers_both_batch_files(org, decision, client_for):
    page = client_for(org.users.officer).get(f"/quyet-dinh-khen-thuong/{decision.pk}/").content.decode()
    assert f"/quyet-dinh-khen-thuong/{decision.pk}/giay-khen.docx" in page
    assert f"/quyet-dinh-khen-thuong/{decision.pk}/giay-khen-in-phoi.docx" in page


def test_a_batch_file_costs_the_same_for_one_or_two_certificates(org, flow, decision, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    single = flow.make(State.APPROVED, org.people.staff_a, "GK", files=False)
    flow.attach_needed(single, "to_trinh")
    one = services.issue_decision(
        actor=org.users.director, proposals=[Proposal.objects.get(pk=single.pk)], date=DECIDED_ON
    )
    client = client_for(org.users.officer)
    counts = []
    for issued in (decision, one):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/quyet-dinh-khen-thuong/{issued.pk}/giay-khen.docx").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
