"""The fixed JSON interface shared by `POST /api/v1/eligibility/evaluate` and
`thidua check_eligibility`: facts in, verdicts out, or the list of bad fields."""

from thidua.commendation.eligibility import schema
from thidua.commendation.eligibility.engine import evaluate
from thidua.commendation.eligibility.ruleset import from_database


def evaluate_facts(data) -> tuple[bool, dict]:
    """(True, {"results": […]}) or (False, {"errors": [{"path", "message"}, …]}). The
    rules and catalogue are those in force at the end of the evaluated year."""
    request, errors = schema.parse(data)
    if errors:
        return False, {"errors": errors}
    results = evaluate(request, from_database(request.year))
    return True, {"results": [result.as_dict() for result in results]}
