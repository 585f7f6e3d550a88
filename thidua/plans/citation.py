"""How other documents cite the plan: 'Kế hoạch số 05/KH-STP ngày 05/4/2026 của Sở Tư
pháp … về …', with the number and date when the plan has them."""

from thidua.documents.legal_bases import lower_first


def plan_citation(plan) -> str:
    number = f" số {plan.number_and_symbol}" if plan.number else ""
    date = ""
    if plan.issued_day and plan.issued_month:
        date = f" ngày {plan.issued_day:02d}/{plan.issued_month:02d}/{plan.issued_year}"
    return f"Kế hoạch{number}{date} của {plan.issuer.name} {lower_first(plan.title)}"
