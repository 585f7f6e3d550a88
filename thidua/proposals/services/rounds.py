"""A unit's round of proposals (đợt đề nghị): many people and collectives proposed at
once, each as its own proposal made by `create_proposal`, with the Tờ trình and the
Biên bản bình xét attached once to the round; and the round sent in one move."""

from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from thidua.commendation.eligibility.procedure import DOCUMENTS
from thidua.core.actions import refusal_text
from thidua.core.codes import CommendationKind
from thidua.core.history import save_with_history
from thidua.core.models import ActivityLog
from thidua.core.permissions import require
from thidua.core.uploads import validate_evidence
from thidua.core.workflow import TransitionError
from thidua.organization.models import Unit, User
from thidua.proposals import rules
from thidua.proposals.enums import EDITABLE
from thidua.proposals.models import ProposalRound, RoundFile
from thidua.proposals.services.files import log_file
from thidua.proposals.services.workflow import Subject, create_proposal, submit

# The documents a round shares: the unit's Tờ trình and its rating meeting's minutes.
SHARED = ("to_trinh", "bien_ban_binh_xet")


@transaction.atomic
def propose_round(
    *,
    actor: User,
    unit: Unit,
    year: int,
    entries: Sequence[tuple[Subject, str]],
    files: Mapping[str, object],
    kind: str = CommendationKind.CONG_TRANG,
) -> ProposalRound:
    """Propose every (subject, award) of `entries` in one round of `unit`, sharing the
    `files` (document code → upload; a Tờ trình is needed). Every proposal is made, or
    none: a refusal names each subject that could not be proposed and why. Side effects:
    the round, its proposals (drafts) and its files, each logged."""
    require(rules.can_propose_for(actor, unit), gettext("Bạn chỉ lập đợt đề nghị cho đơn vị mình phụ trách."))
    _check_request(entries, files)
    title = f"Đề nghị khen thưởng năm {year} của {unit.name}"  # the round's name, as the Tờ trình names it
    batch = save_with_history(ProposalRound(unit=unit, year=year, title=title, created_by=actor), actor=actor)
    refused = []
    for subject, award_code in entries:
        try:
            with transaction.atomic():
                proposal = create_proposal(actor=actor, subject=subject, award_code=award_code, year=year, kind=kind)
                proposal.round = batch
                save_with_history(proposal, actor=actor)
        except (ValidationError, TransitionError) as error:
            refused.append(f"{subject}: {refusal_text(error)}")
    if refused:
        raise ValidationError([gettext("Chưa lập đề nghị nào, vì:")] + refused)
    for document, upload in files.items():
        if upload is not None:
            _attach(actor, batch, document, upload)
    return batch


def _check_request(entries, files) -> None:
    errors = {}
    if not entries:
        errors["entries"] = gettext("Hãy chọn danh hiệu, hình thức cho ít nhất một cá nhân hoặc tập thể.")
    if files.get("to_trinh") is None:
        errors["to_trinh"] = gettext("Hãy đính kèm Tờ trình của đơn vị: một tờ trình dùng chung cho cả đợt.")
    if errors:
        raise ValidationError(errors)


def _attach(actor: User, batch: ProposalRound, document: str, upload) -> RoundFile:
    if document not in DOCUMENTS:
        raise ValidationError({document: gettext("Hãy chọn thành phần hồ sơ.")})
    validate_evidence(upload)
    row = RoundFile(round=batch, document=document, original_name=upload.name[:255], size=upload.size)
    row.uploaded_by = actor
    row.file.save(upload.name, upload, save=False)
    row.save()
    log_file(row, actor=actor, action=ActivityLog.Action.CREATED, note=str(DOCUMENTS[document]))
    return row


@transaction.atomic
def submit_round(*, actor: User, batch: ProposalRound) -> int:
    """Send every proposal of the round still with the unit; all of them or none.
    Returns how many were sent. Side effects: each proposal's move, logged."""
    waiting = list(batch.proposals.filter(state__in=EDITABLE))
    if not waiting:
        raise ValidationError(gettext("Đợt đề nghị không còn đề nghị nào chờ gửi."))
    for proposal in waiting:
        submit(actor=actor, proposal=proposal)
    return len(waiting)
