"""The plan (Kế hoạch) as a Word document, laid out like the signed original: preamble,
I. purposes and requirements, II. content areas, III. criteria and forms of reward,
IV. solutions, V. time frame and who does what, then the signature and Nơi nhận."""

from django.db.models import prefetch_related_objects

from thidua.core.text import fold
from thidua.documents.nd30 import OfficialDocument, Span
from thidua.plans.emphasis import emphasise, passages
from thidua.plans.enums import ItemKind, SubjectKind
from thidua.plans.models import Plan

# Every part the document prints, fetched in one query each.
PARTS = ("items", "content_areas", "criteria", "phases", "report_duties", "recipients")
CLOSING_MARK = "/."  # after the last sentence of the content: nothing may be added below


def filename(plan: Plan) -> str:
    """'ke-hoach-stp-tuyen-quang-2026-2030.docx'."""
    return f"{'-'.join(fold(plan.document_type).split())}-{plan.code}.docx"


class PlanDocx:
    """`PlanDocx(plan).render()` returns the .docx bytes."""

    def __init__(self, plan: Plan) -> None:
        prefetch_related_objects([plan], *PARTS)
        self.plan = plan
        self.items = list(plan.items.all())
        self.marked = passages(plan.emphasis)

    def render(self) -> bytes:
        self.doc = self._letterhead()
        for paragraph in _lines(self.plan.preamble):
            self._paragraph(paragraph)
        for write in (self._aims, self._contents, self._criteria_and_rewards, self._solutions, self._organisation):
            write()
        plan = self.plan
        self.doc.signed_by(plan, [r.text for r in plan.recipients.all()])
        return self.doc.to_bytes()

    def _letterhead(self) -> OfficialDocument:
        plan = self.plan
        return OfficialDocument.of_department(
            plan,
            number_symbol=plan.number_and_symbol,
            date_parts=(plan.issued_day, plan.issued_month, plan.issued_year),
            doc_type=plan.document_type,
            summary=plan.title,
        )

    # --- the five parts -----------------------------------------------------------------
    def _aims(self) -> None:
        self.doc.heading("I. MỤC ĐÍCH, YÊU CẦU", 1)
        self.doc.heading("1. Mục đích", 2)
        self._numbered_items(ItemKind.PURPOSE)
        self.doc.heading("2. Yêu cầu", 2)
        self._numbered_items(ItemKind.REQUIREMENT)

    def _contents(self) -> None:
        self.doc.heading("II. NỘI DUNG", 1)
        for area in self.plan.content_areas.all():
            self._paragraph(_numbered(area.number, area.text, always=True))

    def _criteria_and_rewards(self) -> None:
        self.doc.heading("III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG", 1)
        self.doc.heading("1. Tiêu chí thi đua", 2)
        for number, kind in (("1.1", SubjectKind.COLLECTIVE), ("1.2", SubjectKind.INDIVIDUAL)):
            self.doc.heading(f"{number}. Đối với {kind.label.lower()}", 3)
            for criterion in self.plan.criteria.all():
                if criterion.subject_kind == kind:
                    self._paragraph(_dashed(criterion.text))
        self.doc.heading("2. Hình thức khen thưởng", 2)
        for item in self._of(ItemKind.REWARD_FORM):
            self.doc.heading(_numbered(item.number, item.heading, always=True), 3)
            self._texts(item.text)

    def _solutions(self) -> None:
        self.doc.heading("IV. GIẢI PHÁP THỰC HIỆN", 1)
        for item in self._of(ItemKind.SOLUTION):
            self._paragraph(_numbered(item.number, item.text, always=True))

    def _organisation(self) -> None:
        self.doc.heading("V. THỜI GIAN VÀ TỔ CHỨC THỰC HIỆN", 1)
        self.doc.heading("1. Thời gian thực hiện", 2)
        self._phases()
        self.doc.heading("2. Tổ chức thực hiện", 2)
        for item in self._of(ItemKind.DUTY):
            self._paragraph(self._with_due_dates(_numbered(item.number, item.text)))
        closing = [text for item in self._of(ItemKind.DIFFICULTY) for text in _lines(item.text)]
        for text in closing[:-1]:
            self._paragraph(text)
        if closing:
            self._paragraph(_closed(closing[-1]))

    # --- pieces -------------------------------------------------------------------------
    def _paragraph(self, text: str | list[Span]) -> None:
        """A body paragraph with the signed text's italics and bold (`plan.emphasis`)."""
        spans = [Span(text)] if isinstance(text, str) else list(text)
        self.doc.paragraph(emphasise(spans, self.marked))

    def _phases(self) -> None:
        plan, phases = self.plan, list(self.plan.phases.all())
        self._paragraph(
            f"Phong trào thi đua được triển khai từ năm {plan.start_year} đến năm "
            f"{plan.end_year}, chia thành {len(phases):02d} giai đoạn:"
        )
        for phase in phases:
            self._paragraph(
                [
                    Span(f"- {phase.name} ("),
                    Span(f"từ năm {phase.start_year} - {phase.end_year}", italic=True),
                    Span(f"): {phase.text}"),
                ]
            )

    def _with_due_dates(self, text: str) -> list[Span]:
        """The yearly report deadline ('trước ngày 15/12') stands out in bold, as in
        the signed plan."""
        for duty in self.plan.report_duties.all():
            words = duty.deadline_words.rsplit(" ", 1)[0]  # "trước ngày" or "chậm nhất ngày"
            for due in (f"{duty.due_day}/{duty.due_month}", f"{duty.due_day:02d}/{duty.due_month:02d}"):
                before, found, after = text.partition(f"{words} {due}")
                if found:
                    return [Span(before), Span(found, bold=True), Span(after)]
        return [Span(text)]

    def _numbered_items(self, kind: ItemKind) -> None:
        for item in self._of(kind):
            lines = _lines(item.text)
            self._paragraph(_numbered(item.number, lines[0] if lines else ""))
            for line in lines[1:]:
                self._paragraph(line)

    def _texts(self, text: str) -> None:
        for line in _lines(text):
            self._paragraph(line)

    def _of(self, kind: ItemKind) -> list:
        return [item for item in self.items if item.kind == kind]


def _lines(text: str) -> list[str]:
    """One paragraph per non-empty line of a stored text."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _numbered(number: str, text: str, *, always: bool = False) -> str:
    """'1.1. text'. A bare number such as '2' repeats its section's heading, so it is
    printed only where the items themselves are numbered (`always`)."""
    number = number.strip().rstrip(".")
    if number and (always or "." in number):
        return f"{number}. {text}"
    return text


def _dashed(text: str) -> str:
    return text if text.startswith("-") else f"- {text}"


def _closed(text: str) -> str:
    """'… tổng hợp)./.': the closing mark ends the content of the document."""
    if text.endswith(CLOSING_MARK):
        return text
    return f"{text}{CLOSING_MARK}" if text.endswith(".") else f"{text}.{CLOSING_MARK}"
