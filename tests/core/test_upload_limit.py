"""A file over MAX_UPLOAD_MB is stopped as it arrives: nothing past the limit is kept,
the form says "tệp quá lớn (tối đa N MB)" with everything typed kept, the API answers
400 with the same words; a body over MAX_REQUEST_MB is refused (413) unread."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.test import RequestFactory
from django.urls import reverse

from tests.results.conftest import area, make_entry, media, pdf, plan  # noqa: F401 (fixtures)
from thidua.core.upload_limit import RequestSizeLimitMiddleware, TooLargeUpload
from thidua.results.models import Evidence, ResultEntry

pytestmark = pytest.mark.django_db
MB = 1024 * 1024
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
passed_on: list[int] = []


class Spy(FileUploadHandler):
    """Placed after the limit handler: counts what reaches the handlers that store files."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        passed_on.append(0)

    def receive_data_chunk(self, raw_data, start):
        passed_on[-1] += len(raw_data)
        return raw_data

    def file_complete(self, file_size):
        return None


@pytest.fixture
def one_mb(settings):
    settings.MAX_UPLOAD_MB = 1
    settings.MAX_REQUEST_MB = 3
    return settings


def big(name="lon.pdf", size=int(1.5 * MB)) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF + b"0" * size, content_type="application/pdf")


def _form(area, **changes) -> dict:  # noqa: F811
    # The file goes first, so the fields typed after it in the request must survive too.
    return changes | {
        "subject": "ca-nhan",
        "content_area": area.pk,
        "criterion": "",
        "title": "Số hóa hồ sơ",
        "description": "Quét 3.200 hồ sơ lưu trữ",
        "date": "2026-06-18",
        "quantity": "3200",
        "quantity_unit": "hồ sơ",
    }


def test_the_form_names_the_file_too_large_and_keeps_what_was_typed(org, client_for, area, one_mb):  # noqa: F811
    response = client_for(org.users.staff_a).post(reverse("result_create"), _form(area, files=[big(), pdf("nho.pdf")]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Tệp «lon.pdf» quá lớn (tối đa 1 MB)" in body
    assert 'value="Số hóa hồ sơ"' in body and "Quét 3.200 hồ sơ lưu trữ" in body and 'value="hồ sơ"' in body
    assert not ResultEntry.objects.exists() and not Evidence.objects.exists()


def test_the_handlers_that_store_files_get_no_more_than_the_limit(org, one_mb):
    one_mb.FILE_UPLOAD_HANDLERS = [
        "thidua.core.upload_limit.UploadLimitHandler",
        "tests.core.test_upload_limit.Spy",
        "django.core.files.uploadhandler.MemoryFileUploadHandler",
        "django.core.files.uploadhandler.TemporaryFileUploadHandler",
    ]
    passed_on.clear()
    request = RequestFactory().post(
        "/", {"file": big(size=2 * MB), "small": SimpleUploadedFile("a.pdf", PDF), "after": "kept"}
    )
    received = request.FILES["file"]
    assert isinstance(received, TooLargeUpload) and received.too_large and received.name == "lon.pdf"
    assert received.read() == b"" and received.size > MB
    assert passed_on[0] <= MB + 64 * 1024  # one chunk past the limit at most, then nothing
    assert request.FILES["small"].read() == PDF  # a later file in the same request arrives whole
    assert request.POST["after"] == "kept"


def test_a_file_within_the_limit_arrives_whole(one_mb):
    content = PDF + b"1" * (MB - len(PDF))
    request = RequestFactory().post("/", {"file": SimpleUploadedFile("vua.pdf", content), "x": "y"})
    assert request.FILES["file"].read() == content and not getattr(request.FILES["file"], "too_large", False)


def test_the_api_answers_400_with_the_message(org, client_for, make_entry, one_mb):  # noqa: F811
    entry = make_entry()
    response = client_for(org.users.staff_a).post(f"/api/v1/results/{entry.pk}/evidence/", {"files": [big()]})
    assert response.status_code == 400
    assert "Tệp «lon.pdf» quá lớn (tối đa 1 MB)" in str(response.json())
    assert not Evidence.objects.exists()


class Unreadable(io.RawIOBase):
    def read(self, *args):
        raise AssertionError("the body was read")

    readinto = read


@pytest.mark.parametrize(
    ("path", "kind"), [("/ket-qua/ghi-moi/", "text/html"), ("/api/v1/results/", "application/json")]
)
def test_a_body_over_the_request_limit_is_refused_unread(org, one_mb, path, kind):
    request = RequestFactory().generic(
        "POST",
        path,
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(4 * MB),
        **{"wsgi.input": Unreadable()},
    )
    request.user = org.users.staff_a
    response = RequestSizeLimitMiddleware(lambda r: pytest.fail("the view ran"))(request)
    assert response.status_code == 413 and response["Content-Type"].startswith(kind)
    text = json.loads(response.content)["detail"] if kind == "application/json" else response.content.decode()
    assert "tệp quá lớn (tối đa 1 MB mỗi tệp, 3 MB cho cả lần gửi)" in text


def test_the_whole_stack_answers_413_to_a_body_over_the_request_limit(org, client_for, area, one_mb):  # noqa: F811
    response = client_for(org.users.staff_a).post(reverse("result_create"), _form(area, files=[big(size=4 * MB)]))
    assert response.status_code == 413
    assert "tệp quá lớn (tối đa 1 MB mỗi tệp, 3 MB cho cả lần gửi)" in response.content.decode()
    assert not ResultEntry.objects.exists()
