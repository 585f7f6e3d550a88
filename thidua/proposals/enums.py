"""The workflow of a reward proposal (đề nghị khen thưởng), the kinds of commendation
a proposal may be of, and the documents of its dossier."""

from django.utils.translation import gettext_lazy as _

from thidua.core.codes import CommendationKind, State

# The states a proposal uses, in the order a reader follows them.
STATES = [
    State.DRAFT,
    State.SUBMITTED,
    State.RETURNED,
    State.ACCEPTED,
    State.UNDER_REVIEW,
    State.APPROVED,
    State.FORWARDED,
    State.DECIDED,
    State.REJECTED,
    State.REVOKED,
]

TRANSITIONS: dict[str, set[str]] = {
    State.DRAFT: {State.SUBMITTED},
    State.SUBMITTED: {State.ACCEPTED, State.RETURNED},
    State.RETURNED: {State.SUBMITTED},
    # The office may undo its acceptance (back to «Đã gửi») while the proposal has not
    # gone to the council.
    State.ACCEPTED: {State.UNDER_REVIEW, State.RETURNED, State.SUBMITTED},
    # Before the council: the director approves what is his to decide, the office
    # forwards the rest upward; either may end in a refusal.
    State.UNDER_REVIEW: {State.APPROVED, State.FORWARDED, State.REJECTED},
    # The director may undo an approval (back to «Đang xem xét») before the decision.
    State.APPROVED: {State.DECIDED, State.REJECTED, State.UNDER_REVIEW},
    State.FORWARDED: {State.DECIDED, State.REJECTED},
    # An issued decision is undone only by a new decision that revokes it (Law Art. 93).
    State.DECIDED: {State.REVOKED},
}

# The unit (or the office, for its own proposals) changes a proposal only in these.
EDITABLE = {State.DRAFT, State.RETURNED}
# Finished: nothing changes any more.
CLOSED = {State.DECIDED, State.REJECTED, State.REVOKED}
# What the council members see: proposals before the council and after it.
COUNCIL_STATES = set(STATES[STATES.index(State.UNDER_REVIEW) :])  # from the council on

# Kinds of commendation a proposal here may be of (Law Art. 8): yearly merit, the
# movement's own reviews (2027 mid-term, 2030 final), and sudden achievements.
PROPOSAL_KINDS = [CommendationKind.CONG_TRANG, CommendationKind.CHUYEN_DE, CommendationKind.DOT_XUAT]
KIND_CHOICES = [(k.value, k.label) for k in PROPOSAL_KINDS]

# Dossier documents the system itself provides, and what provides them.
SYSTEM_PROVIDED = {
    "bao_cao_thanh_tich": _("Báo cáo thành tích lập từ dữ liệu của hệ thống"),
    "bao_cao_tom_tat_thanh_tich": _("Báo cáo thành tích lập từ dữ liệu của hệ thống"),
    "bien_ban_binh_xet": _("Biên bản họp Hội đồng Thi đua – Khen thưởng"),
    "bien_ban_xet_khen_thuong": _("Biên bản họp Hội đồng Thi đua – Khen thưởng"),
    "chung_nhan_sang_kien": _("Quyết định công nhận sáng kiến đã ghi trong hệ thống"),
}
