"""Every change to initiatives, their scores, conflicts and adoptions. Pages and the API
call these functions only; each checks who may act and what the data must satisfy,
saves through the workflow or the activity log, and raises:
- PermissionDenied when the account may not take the action (403),
- ValidationError with the reason in Vietnamese when the data is wrong,
- TransitionError (or NotEditable, AlreadyChanged) when the state forbids it."""

from thidua.initiatives.services.council import (
    CRITERIA,
    conflict_label,
    conflict_reason,
    declare_conflict,
    score,
)
from thidua.initiatives.services.editing import (
    DATA_FIELDS,
    DESCRIPTION_FIELDS,
    AuthorShare,
    NotEditable,
    add_attachment,
    check_authors,
    create_initiative,
    normalise_tags,
    not_editable_message,
    remove_attachment,
    update_initiative,
)
from thidua.initiatives.services.library import mark_applied
from thidua.initiatives.services.recognition_rule import set_recognition_rule
from thidua.initiatives.services.workflow import (
    not_recognise,
    put_forward,
    recognise,
    record_higher_recognition,
    return_for_changes,
    start_review,
    submit,
)
from thidua.initiatives.tally import CO_AUTHOR, DECLARED, OWN_UNIT, conflict_of

__all__ = [
    "CO_AUTHOR",
    "CRITERIA",
    "DATA_FIELDS",
    "DESCRIPTION_FIELDS",
    "DECLARED",
    "OWN_UNIT",
    "AuthorShare",
    "NotEditable",
    "add_attachment",
    "check_authors",
    "conflict_label",
    "conflict_of",
    "conflict_reason",
    "create_initiative",
    "declare_conflict",
    "mark_applied",
    "normalise_tags",
    "not_editable_message",
    "not_recognise",
    "put_forward",
    "recognise",
    "record_higher_recognition",
    "remove_attachment",
    "return_for_changes",
    "score",
    "set_recognition_rule",
    "start_review",
    "submit",
    "update_initiative",
]
