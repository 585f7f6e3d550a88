"""Every change to initiatives, their scores, conflicts and adoptions. Pages and the API
call these functions only; each checks who may act and what the data must satisfy,
saves through the workflow or the activity log, and raises:
- PermissionDenied when the account may not take the action (403),
- ValidationError with the reason in Vietnamese when the data is wrong,
- TransitionError (or NotEditable, AlreadyChanged) when the state forbids it."""

from thidua.initiatives.services.council import (
    CO_AUTHOR,
    CRITERIA,
    DECLARED,
    OWN_UNIT,
    conflict_label,
    conflict_of,
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
from thidua.initiatives.services.workflow import (
    not_recognise,
    put_forward,
    recognise,
    return_for_changes,
    start_review,
    submit,
)

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
    "remove_attachment",
    "return_for_changes",
    "score",
    "start_review",
    "submit",
    "update_initiative",
]
