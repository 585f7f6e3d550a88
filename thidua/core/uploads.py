"""Checking uploaded evidence and attachments: size, emptiness, that the content really
is what the extension says (a program renamed .pdf is refused), and that an Office
file carries nothing that runs code or harms the server when opened (`archives`).

Legacy Office formats (.doc, .xls, .ppt) are not taken at all: their macros cannot be
judged as simply, and every Office version in use saves the current formats."""

import io
import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from thidua.core import archives

# extension → what the content must be. Office files are zip containers: their inner
# structure is checked, since a zip is all that the magic bytes can say.
ALLOWED = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "docx": "word/",
    "xlsx": "xl/",
    "pptx": "ppt/",
}
ALLOWED_TEXT = ", ".join(f".{ext}" for ext in ALLOWED)


def limit_bytes() -> int:
    return settings.MAX_UPLOAD_MB * 1024 * 1024


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _office_kind(archive: zipfile.ZipFile) -> str | None:
    names = archive.namelist()
    if "[Content_Types].xml" not in names:
        return None
    return next((prefix for prefix in ("word/", "xl/", "ppt/") if any(n.startswith(prefix) for n in names)), None)


def _open_zip(data: bytes) -> zipfile.ZipFile | None:
    """The central directory of a zip file; None if the bytes are not one."""
    if not data.startswith(b"PK"):
        return None
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        return None


def check_received(upload) -> None:
    """A file the upload handler stopped receiving at the limit (`core.upload_limit`)."""
    if getattr(upload, "too_large", False):
        raise ValidationError(
            gettext(
                "Tệp «%(name)s» quá lớn (tối đa %(limit)s MB). Hãy nén, chia nhỏ tệp hoặc lưu thành PDF rồi gửi lại."
            )
            % {"name": upload.name, "limit": settings.MAX_UPLOAD_MB}
        )


def _check_size(upload) -> None:
    check_received(upload)
    if upload.size == 0:
        raise ValidationError(
            gettext("Tệp «%(name)s» rỗng (0 byte). Hãy chọn lại tệp có nội dung.") % {"name": upload.name}
        )
    if upload.size > limit_bytes():
        raise ValidationError(
            gettext("Tệp «%(name)s» nặng %(size)s MB, vượt giới hạn %(limit)s MB. Hãy nén hoặc chia nhỏ tệp.")
            % {"name": upload.name, "size": f"{upload.size / 1024 / 1024:.1f}", "limit": settings.MAX_UPLOAD_MB}
        )


def _content(upload) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def _not_what_it_says(upload, extension: str) -> ValidationError:
    return ValidationError(
        gettext(
            "Nội dung tệp «%(name)s» không phải là tệp .%(extension)s thật (có thể đã bị đổi đuôi). "
            "Hãy mở tệp gốc và lưu lại đúng định dạng."
        )
        % {"name": upload.name, "extension": extension}
    )


def validate_evidence(upload) -> None:
    """Raise ValidationError with a Vietnamese reason and what to do instead."""
    extension = _extension(upload.name)
    if extension not in ALLOWED:
        raise ValidationError(
            gettext("Tệp «%(name)s» không thuộc loại được nhận. Hãy gửi tệp %(allowed)s.")
            % {"name": upload.name, "allowed": ALLOWED_TEXT}
        )
    _check_size(upload)
    data = _content(upload)
    expected = ALLOWED[extension]
    if not expected.endswith("/"):
        kind = filetype.guess(data[:8192])
        if (kind.mime if kind else None) != expected:
            raise _not_what_it_says(upload, extension)
        return
    archive = _open_zip(data)
    if archive is None:
        raise _not_what_it_says(upload, extension)
    with archive:
        archives.check_structure(archive, upload.name, limit_bytes())
        if _office_kind(archive) != expected:
            raise _not_what_it_says(upload, extension)
        archives.check_active_content(archive, upload.name)


def evidence_problems(uploads) -> list[str]:
    """The reasons `validate_evidence` gives for each of several files, all at once, so
    nothing is stored until every file is right."""
    problems = []
    for upload in uploads:
        try:
            validate_evidence(upload)
        except ValidationError as error:
            problems.extend(error.messages)
    return problems


def validate_spreadsheet(upload) -> None:
    """An Excel file to import: the same limits and checks of what it holds as evidence,
    before openpyxl unpacks it. A file that is not a zip at all is left to the import,
    which says it is not a readable .xlsx."""
    _check_size(upload)
    archive = _open_zip(_content(upload))
    if archive is not None:
        with archive:
            archives.check_structure(archive, upload.name, limit_bytes())
            archives.check_active_content(archive, upload.name)
