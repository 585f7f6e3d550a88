"""Checking uploaded evidence and attachments: size, emptiness, and that the content
really is what the extension says (a program renamed .pdf is refused)."""

import io
import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

# extension → what the content must be. Office files are zip containers: their inner
# structure is checked, since a zip is all that the magic bytes can say.
ALLOWED = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png",
    "docx": "word/", "xlsx": "xl/", "pptx": "ppt/",
}
ALLOWED_TEXT = ", ".join(f".{ext}" for ext in ALLOWED)


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _office_kind(head: bytes, data) -> str | None:
    if not head.startswith(b"PK"):
        return None
    try:
        with zipfile.ZipFile(data) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        return None
    if "[Content_Types].xml" not in names:
        return None
    return next((prefix for prefix in ("word/", "xl/", "ppt/") if any(n.startswith(prefix) for n in names)), None)


def validate_evidence(upload) -> None:
    """Raise ValidationError with a Vietnamese reason and what to do instead."""
    limit_mb = settings.MAX_UPLOAD_MB
    extension = _extension(upload.name)
    if extension not in ALLOWED:
        raise ValidationError(gettext("Tệp «%(name)s» không thuộc loại được nhận. Hãy gửi tệp %(allowed)s.")
                              % {"name": upload.name, "allowed": ALLOWED_TEXT})
    if upload.size == 0:
        raise ValidationError(gettext("Tệp «%(name)s» rỗng (0 byte). Hãy chọn lại tệp có nội dung.")
                              % {"name": upload.name})
    if upload.size > limit_mb * 1024 * 1024:
        raise ValidationError(
            gettext("Tệp «%(name)s» nặng %(size)s MB, vượt giới hạn %(limit)s MB. Hãy nén hoặc chia nhỏ tệp.")
            % {"name": upload.name, "size": f"{upload.size / 1024 / 1024:.1f}", "limit": limit_mb})
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    expected = ALLOWED[extension]
    if expected.endswith("/"):
        actual = _office_kind(data[:4], io.BytesIO(data))
    else:
        kind = filetype.guess(data[:8192])
        actual = kind.mime if kind else None
    if actual != expected:
        raise ValidationError(
            gettext("Nội dung tệp «%(name)s» không phải là tệp .%(extension)s thật (có thể đã bị đổi đuôi). "
                    "Hãy mở tệp gốc và lưu lại đúng định dạng.") % {"name": upload.name, "extension": extension})
