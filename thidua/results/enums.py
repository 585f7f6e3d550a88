"""The workflow of a result entry. A person's entry is drafted, submitted, then
confirmed by the unit head or returned with a reason (and is editable again until it
is submitted anew). An entry the unit head submits is confirmed on submission: it goes
through «Đã gửi» to «Đã xác nhận», both moves logged."""

from thidua.core.codes import State
from thidua.core.workflow import sent_for_review

TRANSITIONS = sent_for_review(accepted=State.CONFIRMED)

# States in which the author may still change the entry and its evidence.
EDITABLE = {State.DRAFT, State.RETURNED}

# The states a result uses, in the order a reader follows them.
STATES = [State.DRAFT, State.SUBMITTED, State.RETURNED, State.CONFIRMED]
