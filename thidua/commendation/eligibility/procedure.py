"""Rules R13–R19 of `docs/law.md`: not verdicts on a subject's year but checks the
proposal, council and decision steps make. Each function is pure and takes the stored
rule (`RuleDef`) so the office's figures apply."""

import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.commendation.eligibility.facts import Reason
from thidua.commendation.eligibility.ruleset import AwardDef, RuleDef
from thidua.core.codes import EmulationTitle

DOCUMENTS = {
    "to_trinh": _("Tờ trình"),
    "bao_cao_thanh_tich": _("Báo cáo thành tích"),
    "bao_cao_tom_tat_thanh_tich": _("Báo cáo tóm tắt thành tích"),
    "bien_ban_binh_xet": _("Biên bản bình xét thi đua"),
    "bien_ban_xet_khen_thuong": _("Biên bản xét khen thưởng"),
    "chung_nhan_sang_kien": _("Giấy chứng nhận sáng kiến, đề tài khoa học"),
}
SIMPLIFIED_CASES = {
    "political_task": _("Khen thưởng phục vụ nhiệm vụ chính trị, động viên kịp thời"),
    "sudden_achievement": _("Thành tích xuất sắc đột xuất"),
    "head_discovered": _("Thủ trưởng phát hiện"),
    "dedication_service_external": _("Khen thưởng cống hiến, niên hạn, đối ngoại"),
    "state_secret": _("Thành tích liên quan bí mật nhà nước"),
}
REVOCATION_TRIGGERS = {
    "fraud": _("Gian dối trong việc kê khai thành tích"),
    "false_dossier": _("Làm giả hồ sơ, giấy tờ"),
    "unlawful_appraisal": _("Thẩm định, xét duyệt, đề nghị khen thưởng trái pháp luật"),
    "later_violation": _("Có kết luận, quyết định, bản án về vi phạm trong thời gian được tính để khen thưởng"),
}


# --- R13: the dossier -------------------------------------------------------------------
def required_documents(rule: RuleDef, award: str, *, simplified_case: str | None = None) -> list[str]:
    """Documents a proposal needs (Law Art. 84, 85). Raises ValueError, with the reason,
    when the simplified procedure is asked for a case it does not cover."""
    params = rule.params
    if simplified_case:
        if simplified_case not in params.get("simplified_cases", []):
            raise ValueError(gettext("Trường hợp này không được xét theo thủ tục đơn giản (Điều 85)."))
        return list(params.get("simplified_documents", []))
    if award in EmulationTitle.values:
        documents = list(params.get("title_documents", []))
        if award in params.get("certificate_titles", []):
            documents.append("chung_nhan_sang_kien")
        return documents
    return list(params.get("form_documents", []))


def missing_documents(rule: RuleDef, award: str, documents, *, simplified_case: str | None = None) -> list[str]:
    present = set(documents)
    return [code for code in required_documents(rule, award, simplified_case=simplified_case) if code not in present]


# --- R14: revocation ----------------------------------------------------------------------
def revocation_grounds(rule: RuleDef, findings) -> list[str]:
    """The recorded findings that require annulling a decision and recovering the
    insignia and money (Law Art. 93 cl. 2); empty when none does."""
    triggers = rule.params.get("triggers", list(REVOCATION_TRIGGERS))
    return [finding for finding in findings if finding in triggers]


# --- R15: the commemorative medal -------------------------------------------------------
def commemorative_medal(rule: RuleDef, *, already_received: bool, service_years: int | None) -> list[Reason]:
    """Kỷ niệm chương «Vì sự nghiệp Tư pháp»: once per person; a service-year threshold
    only when the office has entered one (not found in the sources)."""
    reasons = [
        rule.reason(
            gettext("Chưa từng được tặng Kỷ niệm chương (mỗi người chỉ một lần)"),
            not already_received if rule.params.get("once_per_person", True) else True,
        )
    ]
    minimum = rule.params.get("min_service_years")
    if minimum is None:
        reasons.append(rule.reason(gettext("Số năm công tác tối thiểu: chưa có căn cứ (xem xét thủ công)"), None))
    else:
        text = gettext("Số năm công tác: %(years)s (cần ít nhất %(minimum)s)") % {
            "years": service_years if service_years is not None else "—",
            "minimum": minimum,
        }
        reasons.append(rule.reason(text, service_years is not None and service_years >= int(minimum)))
    return reasons


# --- R16: the amount ----------------------------------------------------------------------
def cash_amount(multiple: Decimal | None, base_salary: Decimal) -> Decimal | None:
    """Multiple × mức lương cơ sở, in whole đồng; None when no multiple is configured."""
    if multiple is None:
        return None
    return (Decimal(multiple) * Decimal(base_salary)).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


# --- R17: the council's vote --------------------------------------------------------------
@dataclass(frozen=True)
class VoteOutcome:
    quorum_met: bool
    passed: bool
    needed: int
    secret_ballot: bool


def council_vote(rule: RuleDef, award: str, *, members: int, present: int, yes: int) -> VoteOutcome:
    """Counted on all members of the council, not on those present. Default: more than
    half; the awards listed in `pass_share_by_award` need at least that share, by
    secret ballot. The figures are not confirmed (not found) and the office sets them."""
    params = rule.params
    quorum = math.ceil(Fraction(str(params.get("quorum_share", "2/3"))) * members)
    by_award = params.get("pass_share_by_award", {})
    if award in by_award:
        needed = math.ceil(Fraction(str(by_award[award])) * members)
    else:
        needed = math.floor(Fraction(str(params.get("pass_share", "0.5"))) * members) + 1
    quorum_met = present >= quorum
    return VoteOutcome(
        quorum_met, quorum_met and yes >= needed, needed, award in params.get("secret_ballot_awards", [])
    )


# --- R18: the document number -------------------------------------------------------------
def document_number_ok(rule: RuleDef, number_symbol: str) -> bool:
    """Số, ký hiệu per Nghị định 30/2020: number zero-padded below 10, capitals joined
    by "-" (the full page layout is checked on the generated file itself)."""
    pattern = rule.params.get("number_pattern", r"^\d{2,}/[A-ZĐ]+(-[A-ZĐ0-9]+)*$")
    return re.fullmatch(pattern, number_symbol or "") is not None


# --- R19: who decides -----------------------------------------------------------------------
def route(award: AwardDef) -> str:
    """`director` (the Giám đốc Sở decides: LĐTT, CSTĐCS, TTLĐTT, Giấy khen),
    `province_chairman` or `minister` (proposed upward)."""
    return award.route


def decided_here(award: AwardDef) -> bool:
    return award.route == "director"
