"""The director's decision establishing the council (Quyết định thành lập Hội đồng Thi
đua - Khen thưởng) and the council's rules issued with it (Quy chế tổ chức và hoạt
động), in the layout of Nghị định 30/2020. The members are the accounts holding the
council role in the agency, each with their role (`roles.py`); the Quy chế states the
quorum, the pass share and the secret ballot the council applies (rule R17, as the
office confirmed it). Both are drafts until the văn thư numbers the decision."""

from django.utils import timezone

from thidua.core.codes import EmulationTitle
from thidua.council import roles
from thidua.council.models import Meeting
from thidua.council.services import default_members, r17_defaults
from thidua.council.tally import share_text
from thidua.documents.appendix import Appendix
from thidua.documents.legal_bases import DECREE_98, LAW, basis
from thidua.documents.nd30 import OfficialDocument, Span, number_to_fill
from thidua.organization.enums import Role
from thidua.organization.models import User
from thidua.organization.rules import EVERYTHING, name_of, unit_scope
from thidua.plans.citation import plan_citation
from thidua.plans.models import Plan

# --- fixed texts of the decision --------------------------------------------------------
COUNCIL = "Hội đồng Thi đua - Khen thưởng"
DECISION_SUMMARY = "Về việc thành lập Hội đồng Thi đua - Khen thưởng {agency}"
BASES = [LAW, DECREE_98]
PROPOSED_BY = "Theo đề nghị của Chánh Văn phòng Sở."
ARTICLE_1 = "Thành lập {council} {agency} gồm các ông, bà có tên sau:"
ARTICLE_2 = (
    "Hội đồng có nhiệm vụ tham mưu cho Giám đốc Sở về công tác thi đua, khen thưởng; xét, đề nghị Giám đốc Sở "
    "quyết định khen thưởng theo thẩm quyền hoặc trình cấp trên khen thưởng. Hội đồng làm việc theo Quy chế tổ "
    "chức và hoạt động ban hành kèm theo Quyết định này. Văn phòng Sở là bộ phận thường trực của Hội đồng."
)
ARTICLE_3 = "Quyết định này có hiệu lực kể từ ngày ký."
ARTICLE_4 = (
    "Chánh Văn phòng Sở, Trưởng các phòng, đơn vị thuộc Sở và các ông, bà có tên tại Điều 1 chịu trách nhiệm "
    "thi hành Quyết định này."
)
DECISION_RECIPIENTS = ["Như Điều 4", "Sở Nội vụ", "Lưu: VT, VP"]
CLOSING_MARK = "/."
TABLE_HEADER = ["STT", "Họ và tên", "Chức vụ", "Chức danh trong Hội đồng"]

# --- fixed texts of the Quy chế ---------------------------------------------------------
RULES_TYPE = "Quy chế"
RULES_SUMMARY = "Tổ chức và hoạt động của Hội đồng Thi đua - Khen thưởng {agency}"
RULES_ATTACHED = "Ban hành kèm theo Quyết định số     /QĐ-{symbol} ngày     tháng     năm {year} của Giám đốc {agency}"
RULES = [
    ("Chương I", "QUY ĐỊNH CHUNG"),
    (
        "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng",
        "Quy chế này quy định về tổ chức, nhiệm vụ, quyền hạn và hoạt động của {council} {agency}; áp dụng đối "
        "với các thành viên Hội đồng và các phòng, đơn vị thuộc Sở.",
    ),
    (
        "Điều 2. Nguyên tắc làm việc",
        "Hội đồng làm việc theo chế độ tập thể, biểu quyết theo đa số; bảo đảm công khai, công bằng, chính xác, "
        "kịp thời theo quy định của {law} và {decree}.",
    ),
    ("Chương II", "NHIỆM VỤ, QUYỀN HẠN"),
    (
        "Điều 3. Nhiệm vụ, quyền hạn của Hội đồng",
        "Tham mưu cho Giám đốc Sở phát động, tổ chức các phong trào thi đua; định kỳ đánh giá kết quả phong trào; "
        "xét, đề nghị Giám đốc Sở khen thưởng theo thẩm quyền hoặc trình cấp trên khen thưởng.",
    ),
    (
        "Điều 4. Nhiệm vụ của các thành viên",
        "Chủ tịch Hội đồng lãnh đạo, điều hành hoạt động của Hội đồng và chủ trì các phiên họp. Phó Chủ tịch Hội "
        "đồng giúp Chủ tịch điều hành và chủ trì phiên họp khi được Chủ tịch ủy quyền. Ủy viên tham gia đầy đủ các "
        "phiên họp, nghiên cứu hồ sơ và biểu quyết. Thư ký Hội đồng chuẩn bị hồ sơ, ghi biên bản các phiên họp và "
        "kiểm phiếu.",
    ),
    ("Chương III", "HOẠT ĐỘNG CỦA HỘI ĐỒNG"),
    (
        "Điều 5. Phiên họp",
        "Hội đồng họp định kỳ mỗi năm một lần để xét khen thưởng cuối năm và họp khi cần theo triệu tập của Chủ "
        "tịch Hội đồng. Phiên họp được tiến hành khi có mặt ít nhất {quorum} tổng số thành viên Hội đồng.",
    ),
    (
        "Điều 6. Biểu quyết",
        "Đề nghị khen thưởng được thông qua khi có số phiếu đồng ý trên {pass_share} tổng số thành viên Hội đồng."
        "{special}{secret}",
    ),
    ("Chương IV", "ĐIỀU KHOẢN THI HÀNH"),
    (
        "Điều 7. Tổ chức thực hiện",
        "Văn phòng Sở là bộ phận thường trực của Hội đồng, có trách nhiệm theo dõi, đôn đốc thực hiện Quy chế này. "
        "Trong quá trình thực hiện, nếu có vướng mắc, các thành viên phản ánh về Văn phòng Sở để tổng hợp, báo cáo "
        "Giám đốc Sở xem xét, sửa đổi, bổ sung cho phù hợp.",
    ),
]
SPECIAL = " Đối với danh hiệu {award}, cần có ít nhất {share} tổng số thành viên Hội đồng đồng ý."
SECRET = " Hội đồng bỏ phiếu kín khi xét danh hiệu {awards}."


def _agency_symbol(plan) -> str:
    return (plan.issuer.short_name or plan.issuer.code).upper()


def roster(actor) -> list[tuple[str, str, str]]:
    """(name, position, role) of the council: accounts with the council or director
    role in the actor's agency; the director presides, the secretary is the one of the
    latest meeting."""
    scope = unit_scope(actor)
    seats = {"memberships__role__in": [Role.COUNCIL, Role.DIRECTOR]}
    if scope is not EVERYTHING:
        seats["memberships__unit_id__in"] = scope
    users = list(User.objects.filter(is_active=True, **seats).select_related("person").distinct().order_by("username"))
    users = users or list(default_members(actor))
    director = next((u for u in users if roles.is_director(u)), None)
    latest = Meeting.objects.exclude(secretary=None).order_by("-date", "-id").first()
    secretary_id = latest.secretary_id if latest else None
    ranked = roles.ranked(users, director.pk if director else None, secretary_id)
    return [(name_of(u), roles.position_of(u), role) for u, role in ranked]


class EstablishmentDecisionDocx:
    """`EstablishmentDecisionDocx(actor).render()`: the decision establishing the council."""

    def __init__(self, actor) -> None:
        self.actor = actor
        self.plan = Plan.objects.current()

    def render(self) -> bytes:
        plan = self.plan
        doc = OfficialDocument.of_department(
            plan,
            number_symbol=number_to_fill("QĐ", plan.issuer),
            date_parts=(None, None, timezone.localdate().year),
            doc_type="Quyết định",
            summary=DECISION_SUMMARY.format(agency=plan.issuer.name),
        )
        doc.decision_opening(plan.issuer_name, [*(basis(t) for t in [*BASES, plan_citation(plan)]), PROPOSED_BY])
        doc.paragraph([Span("Điều 1. ", bold=True), Span(ARTICLE_1.format(council=COUNCIL, agency=plan.issuer.name))])
        doc.table(
            [[str(i), name, position, role] for i, (name, position, role) in enumerate(roster(self.actor), 1)],
            header=TABLE_HEADER,
        )
        doc.articles(ARTICLE_2, ARTICLE_3, ARTICLE_4 + CLOSING_MARK, first=2)
        doc.signed_by(plan, DECISION_RECIPIENTS)
        return doc.to_bytes()


class CouncilRulesDocx:
    """`CouncilRulesDocx().render()`: the Quy chế issued with the decision."""

    def __init__(self) -> None:
        self.plan = Plan.objects.current()
        self.figures = r17_defaults(timezone.localdate())

    def render(self) -> bytes:
        plan, year = self.plan, timezone.localdate().year
        doc = Appendix(
            agency_parent=plan.issuer_parent_name,
            agency=plan.issuer_name,
            doc_type=RULES_TYPE,
            summary=RULES_SUMMARY.format(agency=plan.issuer.name),
            attached_to=RULES_ATTACHED.format(symbol=_agency_symbol(plan), year=year, agency=plan.issuer.name),
        )
        values = self._values()
        for heading, text in RULES:
            if heading.startswith("Chương"):
                doc.heading(heading, 1, center=True)
                doc.heading(text, 1, center=True)
            else:
                doc.heading(heading, 2)
                doc.paragraph(text.format(**values))
        doc.signer(plan.signer_authority, plan.signer_title, plan.signer_name)
        return doc.to_bytes()

    def _values(self) -> dict:
        f, plan = self.figures, self.plan
        labels = dict(EmulationTitle.choices)
        special = "".join(
            SPECIAL.format(award=labels.get(code, code), share=share_text(share))
            for code, share in f["pass_share_by_award"].items()
        )
        secret_awards = [str(labels.get(code, code)) for code in f["secret_ballot_awards"]]
        return {
            "council": COUNCIL,
            "agency": plan.issuer.name,
            "law": LAW,
            "decree": DECREE_98,
            "quorum": share_text(f["quorum_share"]),
            "pass_share": share_text(f["pass_share"]),
            "special": special,
            "secret": SECRET.format(awards=", ".join(secret_awards)) if secret_awards else "",
        }
