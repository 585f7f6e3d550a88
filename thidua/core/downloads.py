"""Files the user saves: one the app makes (a Word document, an Excel workbook), with
the type its name says and the name to save it under; one attached to an object,
found only through that object."""

import os

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TYPES = {".docx": DOCX, ".xlsx": XLSX}
# What a browser shows by itself, without running anything of the file's: uploads are
# checked to be what their extension says (core.uploads), so these are real PDFs and
# pictures. Everything else is saved, as before.
PREVIEWABLE = {"application/pdf", "image/jpeg", "image/png"}


def previewable(content_type: str) -> bool:
    return content_type in PREVIEWABLE


def attachment(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(
        data, content_type=TYPES.get(os.path.splitext(filename)[1].lower(), "application/octet-stream")
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def attached_or_404(files, pk: int, *, to: str, visible):
    """The file `pk` of `files`, attached to an object (its foreign key `to`) among
    `visible`, the objects the account sees: another unit's file answers 404, as if
    it did not exist."""
    row = get_object_or_404(files.select_related(to), pk=pk)
    if not visible.filter(pk=getattr(row, f"{to}_id")).exists():
        raise Http404
    return row


def saved_file(stored, name: str) -> FileResponse:
    """A stored file, to be saved under the name it was uploaded with."""
    return FileResponse(stored.open("rb"), as_attachment=True, filename=name)
