"""The papers of a secret ballot at a council meeting (R17: the awards voted by secret
ballot), in the layout of Nghị định 30/2020:

- the Phiếu bầu: one paper listing every proposal voted in secret, with a box per
  choice that the member ticks by hand; no name, number or signature;
- the Biên bản kiểm phiếu: ballots issued and returned, and for each proposal the
  votes for, against and without opinion, with the share of all members and the
  result; counts only, never who voted what. Signed by the secretary, who counts,
  and the chair.
"""

from django.db.models import Count

from thidua.council.models import Ballot
from thidua.council.tally import tallies
from thidua.council.wording import SECRET_BALLOT
from thidua.documents import nd30
from thidua.documents.appendix import Appendix
from thidua.documents.nd30 import OfficialDocument
from thidua.organization.rules import name_of
from thidua.plans.models import Plan

# --- fixed texts ------------------------------------------------------------------------
COUNCIL = "Hội đồng Thi đua - Khen thưởng"
BALLOT_TYPE = "Phiếu bầu"
BALLOT_SUMMARY = "Xét khen thưởng năm {year}\nPhiên họp ngày {date:%d/%m/%Y}"
BALLOT_HEADER = [
    "STT",
    "Cá nhân, tập thể",
    "Đơn vị",
    "Danh hiệu, hình thức",
    "Đồng ý",
    "Không đồng ý",
    "Không có ý kiến",
]
COUNT_TYPE = "Biên bản"
COUNT_SYMBOL = "BB"
COUNT_HEADER = [
    "STT",
    "Cá nhân, tập thể",
    "Danh hiệu, hình thức",
    "Phiếu thu về",
    "Đồng ý",
    "Không đồng ý",
    "Không có ý kiến",
    "Tỷ lệ đồng ý trên tổng số thành viên",
    "Kết quả",
]
PASSED, NOT_PASSED = "Đạt", "Không đạt"
CLOSING_MARK = "/."


def has_secret_items(meeting) -> bool:
    return meeting.items.filter(secret=True).exists()


def ballot_filename(meeting) -> str:
    return f"phieu-bau-{meeting.date:%Y-%m-%d}.docx"


def count_filename(meeting) -> str:
    return f"bien-ban-kiem-phieu-{meeting.date:%Y-%m-%d}.docx"


def _subject(proposal) -> str:
    return proposal.person.full_name if proposal.person_id else proposal.unit.name


def _percent(part: int, whole: int) -> str:
    value = round(part * 1000 / whole) / 10 if whole else 0
    return f"{value:g}".replace(".", ",") + "%"


def _secret_items(meeting):
    return list(
        meeting.items.filter(secret=True)
        .select_related("proposal__person__unit", "proposal__unit", "proposal__subject_unit")
        .order_by("order", "id")
    )


class BallotDocx:
    """`BallotDocx(meeting).render()`: the blank paper every member receives."""

    def __init__(self, meeting) -> None:
        self.meeting = meeting
        self.plan = Plan.objects.current()

    def render(self) -> bytes:
        m, plan = self.meeting, self.plan
        doc = Appendix(
            agency_parent=plan.issuer_name,
            agency=COUNCIL,
            doc_type=BALLOT_TYPE,
            summary=BALLOT_SUMMARY.format(year=m.year, date=m.date),
        )
        doc.paragraph(SECRET_BALLOT.in_force().get("huong_dan"), italic=True)
        rows = [
            [str(i), _subject(item.proposal), item.proposal.subject_unit.name, item.proposal.get_award_code_display()]
            + ["", "", ""]
            for i, item in enumerate(_secret_items(m), start=1)
        ]
        doc.table(rows, header=BALLOT_HEADER)
        return doc.to_bytes()


class BallotCountDocx:
    """`BallotCountDocx(meeting).render()`: the minutes of counting the secret ballot."""

    def __init__(self, meeting) -> None:
        self.meeting = meeting
        self.plan = Plan.objects.current()
        items = _secret_items(meeting)
        self.tallies = tallies(meeting, items)
        returned = Ballot.objects.filter(item__in=items).values_list("item_id").annotate(n=Count("id")).order_by()
        self.returned = dict(returned)
        self.texts = SECRET_BALLOT.in_force()

    def render(self) -> bytes:
        m, plan = self.meeting, self.plan
        symbol = "HĐTĐKT"
        self.doc = OfficialDocument(
            agency_parent=plan.issuer_name,
            agency=COUNCIL,
            number_symbol=f"{' ' * 4}/{COUNT_SYMBOL}-{symbol}",
            place=plan.place,
            date_parts=m.date,
            doc_type=COUNT_TYPE,
            summary=self.texts.get("trich_yeu_kiem_phieu", nam=m.year),
        )
        members = self.tallies[0].members if self.tallies else m.members.count()
        present = self.tallies[0].present if self.tallies else m.members.filter(present=True).count()
        self.doc.paragraph(
            self.texts.get(
                "mo_dau",
                ngay=nd30.date_words(m.date),
                dia_diem=m.place or plan.issuer.name,
                ten_so=plan.issuer.name,
                nam=m.year,
            )
        )
        self.doc.paragraph(f"Người kiểm phiếu: {name_of(m.secretary)}, Thư ký Hội đồng; chủ tọa: {name_of(m.chair)}.")
        self.doc.paragraph(
            f"Tổng số thành viên Hội đồng: {members:02d} người; có mặt: {present:02d} người; số phiếu phát ra: "
            f"{present:02d} phiếu."
        )
        self.doc.paragraph("Kết quả kiểm phiếu như sau:")
        self.doc.table(
            [
                [
                    str(i),
                    _subject(t.item.proposal),
                    t.item.proposal.get_award_code_display(),
                    f"{self.returned.get(t.item.pk, 0):02d}",
                    f"{t.agree:02d}",
                    f"{t.disagree:02d}",
                    f"{t.abstain:02d}",
                    _percent(t.agree, t.members),
                    f"{PASSED if t.passed else NOT_PASSED} (cần {t.needed:02d} phiếu đồng ý)",
                ]
                for i, t in enumerate(self.tallies, start=1)
            ],
            header=COUNT_HEADER,
        )
        self.doc.paragraph(self.texts.get("ket_thuc").rstrip("/.").strip() + "." + CLOSING_MARK)
        self._signatures()
        return self.doc.to_bytes()

    def _signatures(self) -> None:
        self.doc.two_signatures(
            (self.texts.get("ky_trai"), name_of(self.meeting.secretary)),
            (self.texts.get("ky_phai"), name_of(self.meeting.chair)),
            self.texts.lines("noi_nhan"),
        )
