"""Every document's download, one mechanism for all: the Word file (.docx), or with
`?dinh_dang=pdf` the same document as PDF to sign digitally, or with
`?dinh_dang=pdf&xem=truoc` that PDF shown in the browser before the document is issued.

The view checks who may see the document before it calls `document`, so the PDF has
exactly the access of the Word file."""

import logging
from urllib.parse import urlsplit, urlunsplit

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from thidua.core.downloads import attachment
from thidua.documents import pdf

FORMAT = "dinh_dang"
PDF = "pdf"
SHOW = "xem"
PREVIEW = "truoc"

log = logging.getLogger(__name__)


def document(request: HttpRequest, data: bytes, filename: str) -> HttpResponse:
    """`data`, a .docx saved as `filename`, in the format the request asks for."""
    if request.GET.get(FORMAT) != PDF:
        return attachment(data, filename)
    return as_pdf(request, data, filename, inline=request.GET.get(SHOW) == PREVIEW)


def as_pdf(request: HttpRequest, data: bytes, filename: str, *, inline: bool) -> HttpResponse:
    """The PDF of `data`: shown in the browser (`inline`, a preview) or saved."""
    try:
        printed = pdf.docx_to_pdf(data)
    except pdf.ConversionError as error:
        log.warning("No PDF of %s: %s", filename, error)  # for the administrator: LibreOffice missing or stuck
        # Said on a page of its own, with the Word file one click away: never a 500.
        word = _without_format(request.get_full_path()) if request.method == "GET" else ""
        return render(request, "documents/pdf_unavailable.html", {"message": str(error), "word": word}, status=503)
    response = HttpResponse(printed, content_type="application/pdf")
    shown = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{shown}; filename="{pdf_name(filename)}"'
    return response


def pdf_name(filename: str) -> str:
    stem = filename[: -len(".docx")] if filename.lower().endswith(".docx") else filename
    return f"{stem}.pdf"


def pdf_url(url: str, *, preview: bool = False) -> str:
    """The address of the PDF of the document that `url` downloads as Word."""
    return _with_query(url, {FORMAT: PDF, **({SHOW: PREVIEW} if preview else {})})


def _with_query(url: str, extra: dict) -> str:
    parts = urlsplit(url)
    query = QueryDict(parts.query, mutable=True)
    for key, value in extra.items():
        query[key] = value
    return urlunsplit(parts._replace(query=query.urlencode()))


def _without_format(url: str) -> str:
    parts = urlsplit(url)
    query = QueryDict(parts.query, mutable=True)
    for key in (FORMAT, SHOW):
        query.pop(key, None)
    return urlunsplit(parts._replace(query=query.urlencode()))
