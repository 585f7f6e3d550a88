"""The user guide: every task of the year with its steps, a "?" on each page that opens
the task's section, and the whole guide as one Word file for printing."""

import io

import pytest
from django.test import Client
from docx import Document

from thidua.overview.guide import TASKS, section_for

pytestmark = pytest.mark.django_db


def test_the_guide_lists_every_task_with_its_steps(org, client_for):
    page = client_for(org.users.staff_a).get("/huong-dan/").content.decode()
    assert page.count('data-testid="guide-task"') == len(TASKS) == 7
    assert "Tiếp nhận báo cáo của đơn vị" in page and "Biểu quyết cả danh sách" in page


@pytest.mark.parametrize(
    ("path", "section"),
    [
        ("/bao-cao/tinh-hinh/", "tiep-nhan-bao-cao"),
        ("/dang-ky-thi-dua/tong-hop/", "dang-ky-thi-dua"),
        ("/hoi-dong/phien-hop/3/", "hop-hoi-dong"),
        ("/quyet-dinh-khen-thuong/ban-hanh/", "ban-hanh-quyet-dinh"),
        ("/ho-so-cua-toi/", None),
    ],
)
def test_each_page_opens_its_section(path, section):
    task = section_for(path)
    assert (task.key if task else None) == section


def test_the_question_mark_of_a_page_points_to_its_section(org, client_for):
    page = client_for(org.users.officer).get("/bao-cao/tinh-hinh/").content.decode()
    assert 'href="/huong-dan/#tiep-nhan-bao-cao" data-testid="help"' in page


def test_the_guide_prints_as_one_word_file(org, client_for):
    response = client_for(org.users.head_a).get("/huong-dan/huong-dan-su-dung.docx")
    doc = Document(io.BytesIO(response.content))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [f"{n}. {task.title}" for n, task in enumerate(TASKS, 1)]
    assert len(doc.inline_shapes) == len(TASKS)  # each task's screenshot
    assert Client().get("/huong-dan/").status_code == 302
