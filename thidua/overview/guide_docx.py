"""The user guide as one Word file for printing: each task's title, who does it, its
steps and its screenshot, in the order of the guide page (`guide.TASKS`)."""

import io
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext
from docx import Document
from docx.shared import Cm

from thidua.overview.guide import TASKS

FILENAME = "huong-dan-su-dung-thi-dua.docx"


def screenshot_file(task) -> Path | None:
    path = Path(settings.BASE_DIR) / "static" / task.screenshot
    return path if path.exists() else None


def render() -> bytes:
    doc = Document()
    doc.add_heading(gettext("Hướng dẫn sử dụng hệ thống Thi Đua"), 0)
    for number, task in enumerate(TASKS, 1):
        doc.add_heading(f"{number}. {task.title}", 1)
        doc.add_paragraph(gettext("Người thực hiện: %(who)s") % {"who": task.who})
        for step in task.steps:
            doc.add_paragraph(str(step), style="List Number")
        picture = screenshot_file(task)
        if picture is not None:
            doc.add_picture(str(picture), width=Cm(16))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
