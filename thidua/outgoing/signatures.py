"""Checking the signatures of a signed PDF with pyHanko: who signed, when, whether the
file changed after signing and whether the signer's certificate chains to a root the
office trusts (`settings.SIGNING_TRUST_ROOTS_DIR`, see docs/operations.md).

Nothing is fetched from the network (no AIA, OCSP or CRL download): the check runs the
same on an office server without Internet access, and a root is trusted only because
the office put it in the folder."""

import dataclasses
import datetime
import io
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from thidua.outgoing.models import Signature

# Worst last: a file's verdict is the worst of its signatures'.
ORDER = [Signature.VALID, Signature.UNTRUSTED, Signature.MODIFIED, Signature.INVALID]
ROOT_SUFFIXES = {".pem", ".crt", ".cer", ".der"}

log = logging.getLogger(__name__)


@dataclasses.dataclass
class Verdict:
    status: str
    signer: str = ""
    signed_at: datetime.datetime | None = None
    details: list[dict] = dataclasses.field(default_factory=list)


def trusted_roots(folder: Path | None = None) -> list:
    """Every certificate of the folder's PEM/DER files; a file that is no certificate is
    logged and skipped, so one bad file does not stop the check."""
    from pyhanko.keys import load_certs_from_pemder_data

    folder = Path(folder or settings.SIGNING_TRUST_ROOTS_DIR)
    roots = []
    if not folder.is_dir():
        return roots
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in ROOT_SUFFIXES:
            continue
        try:
            roots.extend(load_certs_from_pemder_data(path.read_bytes()))
        except Exception:  # noqa: BLE001 - an unreadable file is the office's to fix, named in the log
            log.warning("Not a certificate, skipped: %s", path)
    return roots


def verify(data: bytes, roots: list | None = None) -> Verdict:
    """The verdict on a PDF's signatures. Raises ValidationError when the file cannot
    be read as a PDF."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    roots = trusted_roots() if roots is None else roots
    try:
        signatures = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise ValidationError(gettext("Không đọc được tệp PDF. Hãy xuất lại tệp PDF từ bản đã ký.")) from error
    if not signatures:
        return Verdict(Signature.UNSIGNED)
    details = [_check(signature, roots) for signature in signatures]
    worst = max(details, key=lambda d: ORDER.index(d["status"]))
    last = details[-1]
    return Verdict(
        status=worst["status"],
        signer=last["signer"],
        signed_at=datetime.datetime.fromisoformat(last["signed_at"]) if last["signed_at"] else None,
        details=details,
    )


def _check(signature, roots: list) -> dict:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    try:
        # pyHanko's synchronous call starts its own event loop, which fails inside a thread
        # that already runs one (an ASGI server, a test browser): a worker thread has none.
        with ThreadPoolExecutor(max_workers=1) as worker:
            status = worker.submit(validate_pdf_signature, signature, context).result()
    except Exception:  # noqa: BLE001 - pyHanko refuses malformed signatures in many ways; all mean "invalid"
        log.warning("Signature %s could not be checked", signature.field_name, exc_info=True)
        return {
            "field": signature.field_name,
            "status": Signature.INVALID,
            "changed": True,
            "signer": "",
            "signed_at": None,
        }
    signed_at = _signing_time(status)
    verdict = _status(status)
    return {
        "field": signature.field_name,
        "status": verdict,
        "changed": verdict in (Signature.MODIFIED, Signature.INVALID),
        "signer": _signer(status.signing_cert),
        "signed_at": signed_at.isoformat() if signed_at else None,
        "intact": status.intact,
        "valid": status.valid,
        "trusted": status.trusted,
        "coverage": status.coverage.name if status.coverage else "",
        "modification": status.modification_level.name if status.modification_level else "",
    }


def _status(status) -> str:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if not status.intact:
        return Signature.MODIFIED
    if not status.valid:
        return Signature.INVALID
    # Signing again (a second signature, a time stamp) fills a form field: that is allowed;
    # new content, annotations or a cut-off signed range are not.
    changed = (
        status.coverage is None
        or status.coverage < SignatureCoverageLevel.ENTIRE_REVISION
        or status.modification_level is None
        or status.modification_level > ModificationLevel.FORM_FILLING
        or status.docmdp_ok is False
    )
    if changed:
        return Signature.MODIFIED
    return Signature.VALID if status.trusted else Signature.UNTRUSTED


def _signing_time(status) -> datetime.datetime | None:
    stamp = getattr(status, "timestamp_validity", None)
    return stamp.timestamp if stamp is not None else status.signer_reported_dt


def _signer(certificate) -> str:
    """The signer's name as the certificate states it, with the organisation when given."""
    subject = certificate.subject.native
    parts = [subject.get("common_name"), subject.get("organization_name")]
    return ", ".join(str(p) for p in parts if p) or certificate.subject.human_friendly
