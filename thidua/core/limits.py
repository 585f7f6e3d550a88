"""What a client is told when a request is over one of the size limits that Django
checks before any view runs (DATA_UPLOAD_MAX_*): the limit itself, so they know what to
send instead. Used by the pages' 400 page and by the API's answer alike."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.utils.translation import gettext

SIZE_LIMITS = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)


def size_text(size: int) -> str:
    """20 MB, or 512 KB for a limit under a megabyte."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MB"
    return f"{size / 1024:g} KB"


def limit_message(exc: BaseException) -> str | None:
    """The Vietnamese message naming the limit `exc` reports, or None for anything else."""
    if isinstance(exc, RequestDataTooBig):
        return gettext("Dữ liệu gửi lên quá lớn: tối đa %(size)s (không kể tệp đính kèm).") % {
            "size": size_text(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        }
    if isinstance(exc, TooManyFieldsSent):
        return gettext("Gửi quá nhiều trường dữ liệu: tối đa %(count)s trường một lần.") % {
            "count": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        }
    if isinstance(exc, TooManyFilesSent):
        return gettext("Gửi quá nhiều tệp: tối đa %(count)s tệp một lần.") % {
            "count": settings.DATA_UPLOAD_MAX_NUMBER_FILES
        }
    return None
