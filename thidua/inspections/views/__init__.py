"""Pages of self-inspection: plans (`plans.py`), a unit's checklist (`checklists.py`),
findings and follow-up actions (`actions.py`)."""

from thidua.inspections.views.actions import (
    action_add,
    action_done,
    action_list,
    finding_add,
    overdue_actions,
)
from thidua.inspections.views.checklists import (
    checklist_accept,
    checklist_answers,
    checklist_detail,
    checklist_return,
    checklist_submit,
    evidence_download,
)
from thidua.inspections.views.plans import inspection_create, inspection_detail, inspection_list

__all__ = [
    "action_add",
    "action_done",
    "action_list",
    "finding_add",
    "overdue_actions",
    "checklist_accept",
    "checklist_answers",
    "checklist_detail",
    "checklist_return",
    "checklist_submit",
    "evidence_download",
    "inspection_create",
    "inspection_detail",
    "inspection_list",
]
