"""The list of commendation decisions: the one filter the page and its Excel file share
(number or summary typed with or without accents, the year of the achievements), and
the workbook, one line per decision."""

from django.db.models import Q
from django.utils.translation import gettext

from thidua.core import params
from thidua.core.db_functions import Fold
from thidua.core.text import fold
from thidua.documents import sheets
from thidua.proposals.models import Decision

FILENAME = "quyet-dinh-khen-thuong.xlsx"


def filtered(request, user) -> tuple[dict, object]:
    """The decisions the account sees, narrowed by `q` and `year` of the query string;
    an unreadable value is set aside with a warning that names it (`core.params`)."""
    chosen = {
        "q": (params.for_page(request, params.text, "q") or "").strip(),
        "year": params.for_page(request, params.year, "year"),
    }
    qs = Decision.objects.visible_to(user).order_by("-date", "-id")
    if chosen["year"]:
        qs = qs.filter(year=chosen["year"])
    if chosen["q"]:
        words = fold(chosen["q"])
        qs = qs.annotate(number_folded=Fold("number_symbol"), summary_folded=Fold("summary")).filter(
            Q(number_folded__contains=words) | Q(summary_folded__contains=words)
        )
    return chosen, qs


def workbook(decisions) -> bytes:
    book = sheets.streamed_book()
    sheet = sheets.add_sheet(
        book,
        gettext("Quyết định khen thưởng"),
        [
            (gettext("STT"), 6),
            (gettext("Số, ký hiệu"), 20),
            (gettext("Ngày"), 12),
            (gettext("Cấp quyết định"), 36),
            (gettext("Trích yếu"), 60),
            (gettext("Năm thành tích"), 14),
        ],
    )
    for index, decision in enumerate(decisions, start=1):
        row = [index, decision.number_symbol, decision.date.strftime("%d/%m/%Y"), decision.issuer, decision.summary]
        sheets.append(sheet, sheets.wrapped_row(sheet, [*row, decision.year]))
    return sheets.to_bytes(book)
