"""What a zip container (a .docx, .xlsx or .pptx is one) holds, judged before anything
opens it: a file that could harm the office's computers or the server is named with
the reason, in Vietnamese, as a ValidationError.

The structure is judged from the zip's central directory alone (names and declared
sizes), never by decompressing: a "zip bomb" of a few kilobytes that unpacks to
gigabytes is refused by its declared size. Only the small XML parts that say what an
Office file contains ([Content_Types].xml and the relationship parts) are read, and at
most PART_LIMIT bytes of each."""

import re
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

MAX_MEMBERS = 1000
UNPACKED_FACTOR = 10  # unpacked size at most ten times the upload limit
PART_LIMIT = 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")

# Macros: VBA projects (.docm/.xlsm/.pptm, even renamed to .docx) and Excel 4.0 macro sheets.
_MACRO_CONTENT = ("macroenabled", "vnd.ms-office.vbaproject", "vnd.ms-excel.macrosheet", "vnd.ms-excel.intlmacrosheet")
_OLE_RELATIONSHIP = "/relationships/oleobject"


def check_structure(archive: zipfile.ZipFile, name: str, limit_bytes: int) -> None:
    """Member paths, member count and unpacked size, from the central directory."""
    members = archive.infolist()
    for member in members:
        if _unsafe_path(member.filename):
            raise ValidationError(
                gettext(
                    "Tệp «%(name)s» có thành phần bên trong mang đường dẫn không hợp lệ («%(member)s»), có thể "
                    "ghi đè tệp khác khi giải nén. Hãy mở tệp gốc, lưu lại thành tệp mới rồi gửi lại."
                )
                % {"name": name, "member": member.filename[:80]}
            )
    if len(members) > MAX_MEMBERS:
        raise ValidationError(
            gettext(
                "Tệp «%(name)s» có %(count)s thành phần bên trong, nhiều hơn mức cho phép (%(limit)s). "
                "Hãy chia nhỏ tệp hoặc lưu thành PDF rồi gửi lại."
            )
            % {"name": name, "count": len(members), "limit": MAX_MEMBERS}
        )
    unpacked = sum(member.file_size for member in members)
    if unpacked > UNPACKED_FACTOR * limit_bytes:
        raise ValidationError(
            gettext(
                "Tệp «%(name)s» khi giải nén nặng %(size)s MB, vượt mức cho phép %(limit)s MB (gấp %(factor)s lần "
                "giới hạn tải lên). Hãy chia nhỏ tệp hoặc lưu thành PDF rồi gửi lại."
            )
            % {
                "name": name,
                "size": f"{unpacked / 1024 / 1024:.0f}",
                "limit": UNPACKED_FACTOR * limit_bytes // (1024 * 1024),
                "factor": UNPACKED_FACTOR,
            }
        )


def _unsafe_path(member: str) -> bool:
    parts = re.split(r"[/\\]", member)
    return member.startswith(("/", "\\")) or bool(_DRIVE.match(member)) or ".." in parts


def check_active_content(archive: zipfile.ZipFile, name: str) -> None:
    """Macros, ActiveX controls and OLE objects, which run code when the file is opened."""
    names = [member.filename.lower() for member in archive.infolist()]
    content_types = _part(archive, "[Content_Types].xml", name).lower()
    if any(n.endswith("vbaproject.bin") or "/macrosheets/" in n for n in names) or any(
        kind in content_types for kind in _MACRO_CONTENT
    ):
        raise ValidationError(
            gettext(
                "Tệp «%(name)s» có chứa macro (mã lệnh VBA), có thể là mã độc nên hệ thống không nhận. "
                "Hãy lưu lại tệp dưới dạng tài liệu thường, không có macro (Word: .docx, Excel: .xlsx, "
                "PowerPoint: .pptx), rồi gửi lại."
            )
            % {"name": name}
        )
    if any("/activex/" in f"/{n}" for n in names) or "activex" in content_types:
        raise ValidationError(
            gettext(
                "Tệp «%(name)s» có chứa điều khiển ActiveX, có thể chạy chương trình khi mở tệp nên hệ thống "
                "không nhận. Hãy xóa các điều khiển đó (hoặc lưu tệp thành PDF) rồi gửi lại."
            )
            % {"name": name}
        )
    if _has_ole_object(archive, names, content_types, name):
        raise ValidationError(
            gettext(
                "Tệp «%(name)s» có nhúng hoặc liên kết đối tượng OLE (một tệp, chương trình khác đặt trong tài "
                "liệu), có thể chạy chương trình khi mở tệp nên hệ thống không nhận. Hãy xóa đối tượng đó, gửi "
                "riêng tệp được nhúng (hoặc lưu tài liệu thành PDF) rồi gửi lại."
            )
            % {"name": name}
        )


def _has_ole_object(archive: zipfile.ZipFile, names: list[str], content_types: str, name: str) -> bool:
    if any("embeddings/" in n and "oleobject" in n for n in names) or "oleobject" in content_types:
        return True
    # A linked object has no part of its own, only a relationship (possibly to a remote address).
    relationships = [m.filename for m in archive.infolist() if m.filename.lower().endswith(".rels")]
    return any(_OLE_RELATIONSHIP in _part(archive, part, name).lower() for part in relationships)


def _part(archive: zipfile.ZipFile, part: str, name: str) -> str:
    """The start of a small XML part; a part bigger than PART_LIMIT is read only that far.
    A part that cannot be read (damaged, encrypted) refuses the file: what it hides
    cannot be judged."""
    if part not in archive.NameToInfo:
        return ""
    try:
        with archive.open(part) as stream:
            return stream.read(PART_LIMIT).decode("utf-8", errors="replace")
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError, ValueError) as error:
        raise ValidationError(
            gettext(
                "Tệp «%(name)s» bị hỏng: không đọc được phần «%(part)s» bên trong. Hãy mở tệp gốc, lưu lại "
                "thành tệp mới rồi gửi lại."
            )
            % {"name": name, "part": part[:80]}
        ) from error
