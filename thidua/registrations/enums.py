"""The registration workflow: a unit's registration (with its people's rows) is drafted,
submitted by the unit head, then accepted or returned with a reason by the office; a
returned registration is edited and submitted again."""

from thidua.core.codes import State
from thidua.core.workflow import sent_for_review

TRANSITIONS = sent_for_review()

# States in which the unit and its people may still change what they registered.
EDITABLE = {State.DRAFT, State.RETURNED}

REGISTRATION_STATES = [State.DRAFT, State.SUBMITTED, State.RETURNED, State.ACCEPTED]
