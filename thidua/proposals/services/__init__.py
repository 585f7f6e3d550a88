"""One function per action on proposals, dossiers, decisions and the office's
settings; pages and the API call these same functions."""

from thidua.proposals.services.decisions import (
    default_summary,
    issue_decision,
    record_external_decision,
)
from thidua.proposals.services.files import attach, remove
from thidua.proposals.services.office import (
    confirm_base_salary,
    record_blank_layout,
    record_payment_rule,
    set_base_salary,
    upload_certificate_template,
)
from thidua.proposals.services.revocations import revocable, revoke_decision
from thidua.proposals.services.rounds import propose_round, submit_round
from thidua.proposals.services.workflow import (
    accept,
    approve,
    create_proposal,
    forward,
    not_editable_message,
    refresh_verdict,
    reject,
    return_proposal,
    review_years,
    set_override,
    submit,
    undo_acceptance,
    undo_approval,
    update_proposal,
)

__all__ = [
    "accept",
    "approve",
    "attach",
    "confirm_base_salary",
    "create_proposal",
    "default_summary",
    "forward",
    "issue_decision",
    "not_editable_message",
    "record_external_decision",
    "propose_round",
    "revocable",
    "revoke_decision",
    "record_blank_layout",
    "submit_round",
    "record_payment_rule",
    "refresh_verdict",
    "reject",
    "remove",
    "return_proposal",
    "review_years",
    "set_base_salary",
    "set_override",
    "submit",
    "undo_acceptance",
    "undo_approval",
    "update_proposal",
    "upload_certificate_template",
]
