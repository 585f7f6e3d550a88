"""Documents of a proposal's dossier: attaching (checked like every upload) and
removing them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from thidua.commendation.eligibility.procedure import DOCUMENTS
from thidua.core.history import record
from thidua.core.models import ActivityLog
from thidua.core.permissions import require
from thidua.core.uploads import validate_evidence
from thidua.organization.models import User
from thidua.proposals import rules
from thidua.proposals.models import DossierFile, Proposal


def log_file(row, *, actor: User, action: str, note: str = "") -> None:
    # Written by hand: the generic snapshot does not know how to write a file field.
    values = {
        "proposal_id": getattr(row, "proposal_id", None),
        "original_name": row.original_name,
        "file": row.file.name,
    }
    pairs = {k: [None, v] if action == ActivityLog.Action.CREATED else [v, None] for k, v in values.items()}
    record(actor=actor, obj=row, action=action, changes=pairs, note=note)


@transaction.atomic
def attach(*, actor: User, proposal: Proposal, document: str, upload) -> DossierFile:
    """Side effects: the file stored under a random name, one row, logged. Raises
    ValidationError (Vietnamese) for an unknown document or a file that is refused."""
    require(rules.can_edit(actor, proposal), gettext("Bạn không được bổ sung hồ sơ của đề nghị này lúc này."))
    if document not in DOCUMENTS:
        raise ValidationError({"document": gettext("Hãy chọn thành phần hồ sơ.")})
    validate_evidence(upload)
    row = DossierFile(
        proposal=proposal, document=document, original_name=upload.name[:255], size=upload.size, uploaded_by=actor
    )
    row.file.save(upload.name, upload, save=False)
    row.save()
    log_file(row, actor=actor, action=ActivityLog.Action.CREATED, note=str(DOCUMENTS[document]))
    return row


@transaction.atomic
def remove(*, actor: User, file: DossierFile) -> None:
    """Side effects: the row deleted (logged) and the stored file removed."""
    require(rules.can_edit(actor, file.proposal), gettext("Bạn không được xóa tệp của đề nghị này lúc này."))
    stored = file.file
    log_file(file, actor=actor, action=ActivityLog.Action.DELETED)
    file.delete()
    transaction.on_commit(lambda: stored.storage.delete(stored.name))
