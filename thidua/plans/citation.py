"""How another document cites the plan: "Kế hoạch số 05/KH-STP ngày 05/4/2026 của Sở
Tư pháp tỉnh Tuyên Quang về triển khai thực hiện …". A part not known yet (the number
before the văn thư gives it, the day) is left out of the sentence, never printed as a
blank; the agency is named as the organisation data stores it, never re-cased."""

from thidua.documents.legal_bases import lower_first


def plan_number(plan) -> str:
    """ "05/KH-STP", or "" while the plan has no number."""
    number = (plan.number or "").strip()
    return plan.number_and_symbol.strip() if number else ""


def plan_date(plan) -> str:
    """ "05/4/2026" (months 1 and 2 with a leading zero, as in the header), or "" while
    the day is not known."""
    if not (plan.issued_day and plan.issued_month):
        return ""
    month = f"{plan.issued_month:02d}" if plan.issued_month <= 2 else str(plan.issued_month)
    return f"{plan.issued_day:02d}/{month}/{plan.issued_year}"


def agency_name(plan) -> str:
    """The issuing agency as the organisation data names it ("Sở Tư pháp tỉnh Tuyên
    Quang"), not the capitals of the letterhead."""
    return plan.issuer.name.strip()


def plan_citation(plan) -> str:
    """Kế hoạch số 05/KH-STP ngày 05/4/2026 của Sở Tư pháp … về triển khai …; a trích
    yếu that already ends "của <agency>" names the agency only there."""
    parts = [plan.citation]
    title = " ".join(plan.title.split())
    if not title.endswith(f"của {agency_name(plan)}"):
        parts.append(f"của {agency_name(plan)}")
    parts.append(f"về {lower_first(title)}")
    return " ".join(parts)
