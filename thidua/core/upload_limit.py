"""Uploads over the limit are stopped as they arrive, not after they are stored.

Django keeps an uploaded file in memory, then in a temporary file, whatever its size,
and only then does a form see how large it is. `UploadLimitHandler`, the first of
FILE_UPLOAD_HANDLERS, counts each file's bytes as they come: once a file passes
MAX_UPLOAD_MB it passes nothing more on (the rest of that file goes by, neither kept in
memory nor written to disk), and the form receives a `TooLargeUpload` in its place —
the file's name with no content — which `core.uploads` refuses with "tệp quá lớn
(tối đa N MB)". Every other field of the form is parsed as usual, so the page shows the
message with everything the user typed; raising StopUpload instead would lose the
fields after the file. When the request's CONTENT_LENGTH shows that no file can be
over the limit, the counting is skipped.

A request whose body is larger than MAX_REQUEST_MB is refused before any of it is read
(`RequestSizeLimitMiddleware`): HTTP 413, with a page or, under /api/, JSON. nginx's
client_max_body_size is set to the same number (deploy/nginx/thidua.conf)."""

import io
import logging

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopFutureHandlers
from django.shortcuts import render
from django.utils.translation import gettext

from thidua.core.responses import json_detail

log = logging.getLogger("thidua.uploads")
MB = 1024 * 1024


class TooLargeUpload(UploadedFile):
    """What a form receives for a file stopped at the limit: its name, no content, and
    as size the bytes received when it was stopped (over the limit, so any size check
    refuses it too)."""

    too_large = True

    def __init__(self, name: str, content_type: str, received: int):
        super().__init__(file=io.BytesIO(), name=name, content_type=content_type, size=received)


class UploadLimitHandler(FileUploadHandler):
    request_length: int | None = None  # unknown until handle_raw_input: count every byte

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.request_length = content_length
        return None  # the usual parser goes on, with this handler first

    def new_file(self, field_name, file_name, content_type, content_length, charset=None, content_type_extra=None):
        super().new_file(field_name, file_name, content_type, content_length, charset, content_type_extra)
        self.limit = settings.MAX_UPLOAD_MB * MB
        self.received = 0
        self.counting = self.request_length is None or self.request_length > self.limit
        self.stopped = False
        if content_length is not None and content_length > self.limit:
            # The part says its own size: the handlers after this one never start it.
            self._stop()
            raise StopFutureHandlers

    def receive_data_chunk(self, raw_data, start):
        if not self.counting:
            return raw_data
        self.received += len(raw_data)
        if not self.stopped and self.received > self.limit:
            self._stop()
        return None if self.stopped else raw_data

    def _stop(self) -> None:
        self.stopped = True
        log.warning("upload %r stopped at the %s MB limit", self.file_name, settings.MAX_UPLOAD_MB)

    def file_complete(self, file_size):
        if self.stopped:
            return TooLargeUpload(self.file_name, self.content_type, max(self.received, self.limit + 1))
        return None  # the next handler (memory or temporary file) returns the file


def max_request_bytes() -> int:
    return settings.MAX_REQUEST_MB * MB


def too_large_message() -> str:
    return gettext(
        "Dữ liệu gửi lên quá lớn: tệp quá lớn (tối đa %(file)s MB mỗi tệp, %(request)s MB cho cả "
        "lần gửi). Hãy quay lại, chọn tệp nhỏ hơn hoặc gửi từng tệp một."
    ) % {"file": settings.MAX_UPLOAD_MB, "request": settings.MAX_REQUEST_MB}


class RequestSizeLimitMiddleware:
    """Refuses a body over MAX_REQUEST_MB from its CONTENT_LENGTH, before reading it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > max_request_bytes():
            log.warning("request body of %s bytes refused (limit %s MB)", length, settings.MAX_REQUEST_MB)
            if request.path.startswith("/api/"):
                return json_detail(too_large_message(), 413)
            return render(request, "core/request_too_large.html", {"message": too_large_message()}, status=413)
        return self.get_response(request)
