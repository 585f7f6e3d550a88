"""A file the app makes for the user to save (a Word document, an Excel workbook):
one answer, with the type its name says and the name to save it under."""

import os

from django.http import HttpResponse

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TYPES = {".docx": DOCX, ".xlsx": XLSX}


def attachment(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=TYPES.get(os.path.splitext(filename)[1].lower(),
                                                         "application/octet-stream"))
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
