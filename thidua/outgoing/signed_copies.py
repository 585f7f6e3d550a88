"""The signed copy of an issued document: the office uploads the PDF after signing
(scanned from paper, or signed with a USB token in its own signing tool); its
signatures are checked (`signatures.verify`) and the verdict stored with it. The latest
copy of a register line is the issued copy; only a valid signature shows as signed."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from thidua.core.history import record
from thidua.core.models import ActivityLog
from thidua.core.permissions import require
from thidua.core.uploads import validate_evidence
from thidua.organization.models import User
from thidua.outgoing import rules, signatures
from thidua.outgoing.models import IssuedNumber, SignedCopy


def latest(issued_ids) -> dict[int, SignedCopy]:
    """The issued copy (the latest upload) of each register line, in one query."""
    copies = {}
    for copy in SignedCopy.objects.filter(issued_id__in=list(issued_ids)).order_by("issued_id", "-uploaded_at", "-id"):
        copies.setdefault(copy.issued_id, copy)
    return copies


def signed_issued_copies(number_symbols) -> dict[str, SignedCopy]:
    """By number and symbol, the issued copy of each of these documents whose signature
    is valid; a document whose latest copy is unsigned or altered has none. One query."""
    copies: dict[int, SignedCopy] = {}
    rows = SignedCopy.objects.filter(issued__number_symbol__in=set(number_symbols)).select_related("issued")
    for copy in rows.order_by("issued_id", "-uploaded_at", "-id"):
        copies.setdefault(copy.issued_id, copy)
    return {copy.issued.number_symbol: copy for copy in copies.values() if copy.is_signed}


def _pdf_bytes(upload) -> bytes:
    if not upload.name.lower().endswith(".pdf"):
        raise ValidationError(
            {"file": gettext("Bản đã ký phải là tệp PDF (.pdf); tệp «%(name)s» không phải.") % {"name": upload.name}}
        )
    try:
        validate_evidence(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


@transaction.atomic
def upload(*, actor: User, issued: IssuedNumber, file) -> SignedCopy:
    """Store the signed PDF of `issued` with the check of its signatures.
    Side effects: the file in the media storage, one SignedCopy row, one ActivityLog row."""
    require(rules.can_keep_register(actor), gettext("Chỉ Văn phòng Sở tải lên bản đã ký của văn bản."))
    data = _pdf_bytes(file)
    try:
        verdict = signatures.verify(data)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    copy = SignedCopy(
        issued=issued,
        original_name=file.name[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        status=verdict.status,
        signer=verdict.signer[:500],
        signed_at=verdict.signed_at,
        details=verdict.details,
        uploaded_by=actor,
    )
    copy.file.save(file.name, file, save=False)
    copy.save()
    record(
        actor=actor,
        obj=copy,
        action=ActivityLog.Action.CREATED,
        changes={"status": [None, copy.status], "sha256": [None, copy.sha256]},
        note=f"{issued.number_symbol}: {copy.get_status_display()}",
    )
    return copy
