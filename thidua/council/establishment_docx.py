"""The director's decision establishing the council (Quyết định thành lập Hội đồng Thi
đua - Khen thưởng) and the council's rules issued with it (Quy chế tổ chức và hoạt
động), in the layout of Nghị định 30/2020. The members are the accounts holding the
council role in the agency, each with their seat (`roles.py`); the Quy chế states the
quorum, the pass share and the secret ballot the council applies (rule R17, as the
office confirmed it). Both are drafts until the văn thư numbers the decision."""

from django.utils import timezone

from thidua.core.codes import EmulationTitle
from thidua.council import roles
from thidua.council.models import Meeting
from thidua.council.services import default_members, r17_defaults
from thidua.council.tally import share_text
from thidua.council.wording import COUNCIL_RULES, ESTABLISHMENT
from thidua.documents.appendix import Appendix
from thidua.documents.legal_bases import basis
from thidua.documents.nd30 import OfficialDocument, Span, number_to_fill
from thidua.organization.enums import Role
from thidua.organization.models import User
from thidua.organization.rules import EVERYTHING, name_of, unit_scope
from thidua.plans.citation import plan_citation
from thidua.plans.models import Plan
from thidua.wording.models import BasisKind, cited_bases

CLOSING_MARK = "/."
TABLE_HEADER = ["STT", "Họ và tên", "Chức vụ", "Chức danh trong Hội đồng"]

# --- fixed texts of the Quy chế ---------------------------------------------------------
RULES_TYPE = "Quy chế"
RULES_ATTACHED = "Ban hành kèm theo Quyết định số     /QĐ-{symbol} ngày     tháng     năm {year} của Giám đốc {agency}"
# The Quy chế's chapters and articles: (heading, its text in `council.wording.COUNCIL_RULES`).
RULES = [
    ("Chương I", "QUY ĐỊNH CHUNG"),
    ("Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng", "dieu_1"),
    ("Điều 2. Nguyên tắc làm việc", "dieu_2"),
    ("Chương II", "NHIỆM VỤ, QUYỀN HẠN"),
    ("Điều 3. Nhiệm vụ, quyền hạn của Hội đồng", "dieu_3"),
    ("Điều 4. Nhiệm vụ của các thành viên", "dieu_4"),
    ("Chương III", "HOẠT ĐỘNG CỦA HỘI ĐỒNG"),
    ("Điều 5. Phiên họp", "dieu_5"),
    ("Điều 6. Biểu quyết", "dieu_6"),
    ("Chương IV", "ĐIỀU KHOẢN THI HÀNH"),
    ("Điều 7. Tổ chức thực hiện", "dieu_7"),
]


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
    directors = User.objects.filter(pk__in=[u.pk for u in users], memberships__role=Role.DIRECTOR)
    director = directors.order_by("pk").first()
    latest = Meeting.objects.exclude(secretary=None).order_by("-date", "-id").first()
    secretary_id = latest.secretary_id if latest else None
    ranked = roles.ranked(users, director.pk if director else None, secretary_id)
    return [(name_of(u), roles.position_of(u), role) for u, role in ranked]


class EstablishmentDecisionDocx:
    """`EstablishmentDecisionDocx(actor).render()`: the decision establishing the council."""

    def __init__(self, actor) -> None:
        self.actor = actor
        self.plan = Plan.objects.current()
        self.texts = ESTABLISHMENT.in_force()

    def render(self) -> bytes:
        plan, texts = self.plan, self.texts
        doc = OfficialDocument.of_department(
            plan,
            number_symbol=number_to_fill("QĐ", plan.issuer),
            date_parts=(None, None, timezone.localdate().year),
            doc_type="Quyết định",
            summary=texts.get("trich_yeu", ten_so=plan.issuer.name),
        )
        doc.decision_opening(plan.issuer_name, self._bases())
        doc.paragraph([Span("Điều 1. ", bold=True), Span(texts.get("dieu_1", ten_so=plan.issuer.name))])
        doc.table(
            [[str(i), name, position, role] for i, (name, position, role) in enumerate(roster(self.actor), 1)],
            header=TABLE_HEADER,
        )
        last = texts.get("dieu_4").rstrip("/.").strip() + "." + CLOSING_MARK
        doc.articles(texts.get("dieu_2"), texts.get("hieu_luc"), last, first=2)
        doc.signed_by(plan, texts.lines("noi_nhan"))
        return doc.to_bytes()

    def _bases(self) -> list[str]:
        """The issuer's functions, the law and decree, the province's regulation, the plan, whose proposal."""
        lines = cited_bases(BasisKind.FUNCTIONS) + self.texts.lines("can_cu") + cited_bases(BasisKind.PROVINCE)
        return [*lines, basis(plan_citation(self.plan)), self.texts.get("de_nghi")]


class CouncilRulesDocx:
    """`CouncilRulesDocx().render()`: the Quy chế issued with the decision."""

    def __init__(self) -> None:
        self.plan = Plan.objects.current()
        self.figures = r17_defaults(timezone.localdate())
        self.texts = COUNCIL_RULES.in_force()

    def render(self) -> bytes:
        plan, year = self.plan, timezone.localdate().year
        doc = Appendix(
            agency_parent=plan.issuer_parent_name,
            agency=plan.issuer_name,
            doc_type=RULES_TYPE,
            summary=self.texts.get("trich_yeu", ten_so=plan.issuer.name),
            attached_to=RULES_ATTACHED.format(symbol=_agency_symbol(plan), year=year, agency=plan.issuer.name),
        )
        for heading, text in RULES:
            if heading.startswith("Chương"):
                doc.heading(heading, 1, center=True)
                doc.heading(text, 1, center=True)
            else:
                doc.heading(heading, 2)
                doc.paragraph(self._article(text))
        doc.signer(plan.signer_authority, plan.signer_title, plan.signer_name)
        return doc.to_bytes()

    def _article(self, key: str) -> str:
        f, texts, labels = self.figures, self.texts, dict(EmulationTitle.choices)
        if key == "dieu_5":
            return texts.get(key, ty_le_co_mat=share_text(f["quorum_share"]))
        if key != "dieu_6":
            return texts.get(key, ten_so=self.plan.issuer.name)
        sentences = [texts.get(key, ty_le_thong_qua=share_text(f["pass_share"]))]
        sentences += [
            texts.get("nguong_rieng", danh_hieu=labels.get(code, code), ty_le=share_text(share))
            for code, share in f["pass_share_by_award"].items()
        ]
        secret_awards = [str(labels.get(code, code)) for code in f["secret_ballot_awards"]]
        if secret_awards:
            sentences.append(texts.get("phieu_kin", danh_hieu=", ".join(secret_awards)))
        return " ".join(sentences)
