"""A Word document as the office prints and signs it: .docx bytes converted to PDF (PDF/A-2b,
the archival PDF a digital signature is put on) by LibreOffice run headless on the server.

Times New Roman, the font of every document (Nghị định 30/2020), is replaced by Liberation
Serif (Debian's fonts-liberation), whose letters have the same widths, so lines and pages
break where they break in Word (docs/deployment.md, "PDF")."""

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext

# The PDF/A-2 filter option in the JSON form LibreOffice 7.4 reads (the older
# "SelectPdfVersion=2" form is silently ignored there and gives a plain PDF).
PDF_A = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'


class ConversionError(Exception):
    """The PDF could not be made; the message says why, in the office's words."""


def command() -> str:
    return settings.SOFFICE


def available() -> bool:
    return shutil.which(command()) is not None


def missing_message() -> str:
    return gettext(
        "Máy chủ chưa cài LibreOffice để tạo PDF; tải bản Word (.docx) rồi chuyển sang PDF trên máy tính "
        "của mình, hoặc báo quản trị hệ thống cài LibreOffice."
    )


def docx_to_pdf(data: bytes, *, timeout: int | None = None) -> bytes:
    """The PDF of one Word document."""
    return docx_to_pdfs({"van-ban": data}, timeout=timeout)["van-ban"]


def docx_to_pdfs(files: dict[str, bytes], *, timeout: int | None = None) -> dict[str, bytes]:
    """The PDF of each Word document of `files` (name → .docx bytes), converted by one
    LibreOffice start (starting it is most of the time a conversion takes).

    Each conversion has its own LibreOffice profile in a temporary folder: two running
    at once would otherwise lock the same profile and one would fail."""
    if not available():
        raise ConversionError(missing_message())
    with tempfile.TemporaryDirectory(prefix="thidua-pdf-") as folder:
        work = Path(folder)
        sources = []
        for name, data in files.items():
            source = work / f"{name}.docx"
            source.write_bytes(data)
            sources.append(str(source))
        _run(work, sources, timeout or _allowed_seconds(len(files)))
        return {name: _read(work / f"{name}.pdf") for name in files}


def _allowed_seconds(count: int) -> int:
    """The wait for one document (THIDUA_PDF_TIMEOUT), and a few seconds more for each
    further one of a batch."""
    return settings.PDF_TIMEOUT + 5 * (count - 1)


def _run(work: Path, sources: list[str], timeout: int) -> None:
    args = [
        command(),
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        PDF_A,
        "--outdir",
        str(work),
        *sources,
    ]
    # A session of its own, so a conversion that hangs is killed with the helper
    # processes LibreOffice starts, not only the launcher.
    process = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, env=_environment(work)
    )
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise ConversionError(
            gettext("Tạo PDF quá %(seconds)s giây nên đã dừng; hãy thử lại sau hoặc tải bản Word (.docx).")
            % {"seconds": timeout}
        ) from exc


def _environment(work: Path) -> dict:
    """LibreOffice writes caches under HOME: the temporary folder, as the web server's
    account may have none it can write to."""
    return {**os.environ, "HOME": str(work)}


def _read(path: Path) -> bytes:
    if not path.exists() or path.stat().st_size == 0:
        raise ConversionError(gettext("LibreOffice không tạo được PDF từ văn bản này; hãy tải bản Word (.docx)."))
    return path.read_bytes()
