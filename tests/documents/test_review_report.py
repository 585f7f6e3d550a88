"""The review report (Báo cáo sơ kết) as Word: the official layout, the indicators from
baseline to the frozen mid-term figure, the counts, and the download (only once the
figures are frozen)."""

import io

import pytest
from django.urls import reverse
from docx import Document

from tests.documents.layout import nd30_problems
from tests.reviews import conftest as shared
from thidua.reviews.comparison import compare
from thidua.reviews.review_report_docx import ReviewReportDocx, filename

pytestmark = pytest.mark.django_db
# The reviews tests' fixtures: the real plan, two indicators with values, results, a
# recognised initiative, and the mid-term review frozen on 30/06/2027.
media, plan, share, pages, values = shared.media, shared.plan, shared.share, shared.pages, shared.values
recorded, recognised, review, after_review, frozen = (
    shared.recorded,
    shared.recognised,
    shared.review,
    shared.after_review,
    shared.frozen,
)


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_the_review_report_passes_the_layout_check(frozen):
    data = ReviewReportDocx(frozen, compare(frozen.plan), []).render()
    assert nd30_problems(data, doc_type="BÁO CÁO") == []
    text = _text(data)
    assert "Sơ kết giai đoạn 1 (2026–2027)" in text
    assert "Số:    /BC-STP" in text and "năm 2027" in text
    assert "số liệu chốt ngày 30/06/2027" in text
    assert "Tỷ lệ văn bản đi được ký số" in text and "72 (2025)" in text and "94" in text and "Tiến bộ" in text
    assert "1 sáng kiến tính đến ngày chốt số liệu" in text
    assert filename(frozen) == "bao-cao-so-ket-2027.docx"


def test_the_report_is_downloaded_once_frozen(org, client_for, frozen):
    response = client_for(org.users.officer).get(reverse("review_report_docx", args=[frozen.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-so-ket-2027.docx"'
    assert nd30_problems(response.content, doc_type="BÁO CÁO") == []


def test_no_report_before_the_freeze(org, client_for, review):
    assert client_for(org.users.officer).get(reverse("review_report_docx", args=[review.pk])).status_code == 404
