"""Certificates of the titles and forms the director decides, other than a person's
Giấy khen (filled from the office's template, `certificate_docx.py`): the Giấy chứng
nhận of Chiến sĩ thi đua cơ sở and of Tập thể lao động xuất sắc, and a collective's
Giấy khen. A landscape A4 page in Times New Roman: the agency and Quốc hiệu, the
certificate's name, the person or collective as the decision fixed them, the
achievement once, the decision, the place and date, the signer's title and name."""

import re

from thidua.core.codes import CommendationForm, CommendationKind, EmulationTitle
from thidua.core.text import fold
from thidua.documents.certificate_page import certificate_page
from thidua.documents.nd30 import MOTTO, NATIONAL_NAME, date_line
from thidua.plans.models import Plan
from thidua.proposals.wording import AWARD_CERTIFICATE

# --- fixed texts ------------------------------------------------------------------------
TITLE_CERTIFICATE = "GIẤY CHỨNG NHẬN"
GIAY_KHEN = "GIẤY KHEN"
AWARDS = "TẶNG"
CERTIFIES = "CHỨNG NHẬN"
# The achievement's text of each kind of commendation (`proposals.wording.AWARD_CERTIFICATE`).
FORM_ACHIEVEMENT = {
    CommendationKind.CONG_TRANG: "thanh_tich",
    CommendationKind.CHUYEN_DE: "thanh_tich_chuyen_de",
    CommendationKind.DOT_XUAT: "thanh_tich_dot_xuat",
}
# The awards made here: (code, for a collective) → the certificate's name.
KINDS = {
    (EmulationTitle.CSTDCS.value, False): TITLE_CERTIFICATE,
    (EmulationTitle.TTLDXS.value, True): TITLE_CERTIFICATE,
    (CommendationForm.GK.value, True): GIAY_KHEN,
}


def has_certificate(proposal) -> bool:
    return (proposal.award_code, proposal.unit_id is not None) in KINDS


def filename(proposal) -> str:
    name = re.sub(r"[^a-z0-9]+", "-", fold(proposal.decided_name or str(proposal.subject))).strip("-")
    return f"chung-nhan-{proposal.award_code.lower().replace('_', '-')}-{name}-{proposal.year}.docx"


def achievement(proposal, texts=None) -> str:
    texts = texts or AWARD_CERTIFICATE.in_force()
    if proposal.is_title:
        return texts.get("thanh_tich_danh_hieu", danh_hieu=proposal.get_award_code_display(), nam=proposal.year)
    return texts.get(FORM_ACHIEVEMENT.get(proposal.kind, "thanh_tich"), nam=proposal.year)


class AwardCertificateDocx:
    """`AwardCertificateDocx(proposal).render()` for a decided proposal of KINDS."""

    def __init__(self, proposal, *, plan=None, texts=None) -> None:
        # A batch of one decision's certificates reads the plan and the texts once.
        self.proposal = proposal
        self.plan = plan or Plan.objects.current()
        self.texts = texts or AWARD_CERTIFICATE.in_force()

    def lines(self) -> list[tuple[str, int, bool, bool, int]]:
        """(text, size in pt, bold, italic, space before in pt), top to bottom."""
        p, plan, decision = self.proposal, self.plan, self.proposal.decision
        name = KINDS[(p.award_code, p.unit_id is not None)]
        position = ", ".join(x for x in (p.decided_position, p.decided_unit) if x and x != p.decided_name)
        lines = [
            (plan.issuer_parent_name.upper(), 13, False, False, 0),
            (plan.issuer_name.upper(), 13, True, False, 0),
            (NATIONAL_NAME, 13, True, False, 12),
            (MOTTO, 14, True, False, 0),
        ]
        director = f"GIÁM ĐỐC {plan.issuer.name.upper()}"
        if name == GIAY_KHEN:  # "Giám đốc … tặng Giấy khen"
            lines += [(director, 15, True, False, 18), (AWARDS, 15, True, False, 6), (name, 30, True, False, 6)]
        else:  # "Giấy chứng nhận — Giám đốc … chứng nhận"
            lines += [(name, 30, True, False, 18), (f"{director} {CERTIFIES}", 15, True, False, 6)]
        lines.append((p.decided_name or str(p.subject), 20, True, False, 12))
        if position:
            lines.append((position, 14, False, False, 4))
        lines += [
            (achievement(p, self.texts), 14, False, False, 12),
            (
                self.texts.get("quyet_dinh", so=decision.number_symbol, ngay=f"{decision.date:%d/%m/%Y}"),
                13,
                False,
                True,
                18,
            ),
            (date_line(plan.place, decision.date), 13, False, True, 0),
        ]
        signer = [decision.signer_authority, decision.signer_title or plan.signer_title]
        lines += [(x.upper(), 14, True, False, 6) for x in signer if x]
        lines.append((decision.signer_name or plan.signer_name, 14, True, False, 48))
        return lines

    def render(self) -> bytes:
        return certificate_page(self.lines())
