"""The JSON facts of the fixed interface: the example of the issue is read as stated,
every bad field is named by its path, and no JSON whatsoever raises."""

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua.commendation.eligibility import schema
from thidua.commendation.eligibility.engine import evaluate
from thidua.commendation.eligibility.ruleset import default_ruleset

EXAMPLE = {
    "year": 2026,
    "awards": ["LDTT", "CSTDCS", "CSTD_TINH", "BK_TINH", "BK_TTG", "TTLDXS"],
    "subjects": [
        {
            "id": "p1",
            "kind": "individual",
            "ratings": {"2024": "HTXSNV", "2025": "HTXSNV", "2026": "HTTNV"},
            "awards": [{"code": "CSTDCS", "year": 2025, "kind": "cong_trang"}],
            "initiatives": [{"year": 2026, "scope": "co_so", "recognised": True, "applied": True}],
            "research_projects": [],
            "participates_in_movement": True,
            "pending_discipline": False,
        },
        {
            "id": "u1",
            "kind": "collective",
            "ratings": {"2026": "HTXSNV"},
            "participates_in_movement": True,
            "pending_discipline": False,
            "members": [
                {"rating": "HTXSNV", "awards": [{"code": "LDTT", "year": 2026}, {"code": "CSTDCS", "year": 2026}]},
                {"rating": "HTTNV", "awards": [{"code": "LDTT", "year": 2026}]},
            ],
        },
    ],
}


def paths(data) -> list[str]:
    request, errors = schema.parse(data)
    assert (request is None) == bool(errors)
    return [e["path"] for e in errors]


def changed(path_setter) -> dict:
    data = copy.deepcopy(EXAMPLE)
    path_setter(data)
    return data


def test_the_issues_example_is_read_as_stated():
    request, errors = schema.parse(EXAMPLE)
    assert errors == []
    p1, u1 = request.subjects
    assert p1.ratings == {2024: "HTXSNV", 2025: "HTXSNV", 2026: "HTTNV"}
    assert p1.initiatives[0].scope == "co_so" and p1.initiatives[0].recognised
    assert u1.members[0].awards[1].code == "CSTDCS" and u1.members[0].awards[1].year == 2026
    assert u1.internal_unity is None  # not given: a person must confirm it


def test_omitted_kind_counts_as_cong_trang_and_omitted_member_year_is_the_evaluated_one():
    data = changed(lambda d: d["subjects"][1]["members"][1]["awards"][0].pop("year"))
    request, _ = schema.parse(data)
    assert request.subjects[1].members[1].awards[0].year == 2026
    assert request.subjects[1].members[1].awards[0].kind == "cong_trang"


def test_omitted_awards_mean_every_award_of_the_subjects_kind():
    data = changed(lambda d: d.pop("awards"))
    request, _ = schema.parse(data)
    results = evaluate(request, default_ruleset())
    assert {r.award for r in results if r.subject == "u1"} >= {"TTLDTT", "TTLDXS", "CO_TINH", "CO_CP", "GK"}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["subjects"][0]["ratings"].update({"2026": "GOOD"}), ["subjects[0].ratings.2026"]),
        (lambda d: d["subjects"][0]["ratings"].update({"năm": "HTTNV"}), ["subjects[0].ratings.năm"]),
        (lambda d: d.update(year="2026"), ["year"]),
        (lambda d: d.update(year=True), ["year"]),
        (lambda d: d.pop("year"), ["year"]),
        (lambda d: d.update(awards=["LDTT", "HUAN_CHUONG"]), ["awards[1]"]),
        (lambda d: d["subjects"][0].update(kind="person"), ["subjects[0].kind"]),
        (lambda d: d["subjects"][0].pop("id"), ["subjects[0].id"]),
        (lambda d: d["subjects"][1].update(id="p1"), ["subjects[1].id"]),
        (lambda d: d["subjects"][0]["awards"][0].update(year=2025.5), ["subjects[0].awards[0].year"]),
        (lambda d: d["subjects"][0]["awards"][0].update(kind="thuong"), ["subjects[0].awards[0].kind"]),
        (lambda d: d["subjects"][0]["awards"][0].pop("year"), ["subjects[0].awards[0].year"]),
        (lambda d: d["subjects"][0]["initiatives"][0].update(scope="huyen"), ["subjects[0].initiatives[0].scope"]),
        (lambda d: d["subjects"][0]["initiatives"][0].pop("applied"), ["subjects[0].initiatives[0].applied"]),
        (
            lambda d: d["subjects"][0]["research_projects"].append(
                {"year": 2026, "scope": "tinh", "accepted": "yes", "applied": True}
            ),
            ["subjects[0].research_projects[0].accepted"],
        ),
        (lambda d: d["subjects"][0].update(pending_discipline=0), ["subjects[0].pending_discipline"]),
        (lambda d: d["subjects"][0].update(pending_dicipline=True), ["subjects[0].pending_dicipline"]),
        (lambda d: d["subjects"][0].update(members=[]), ["subjects[0].members"]),
        (lambda d: d["subjects"][1]["members"][1].update(rating="XS"), ["subjects[1].members[1].rating"]),
        (
            lambda d: d["subjects"][1]["members"][0]["awards"][0].update(code=7),
            ["subjects[1].members[0].awards[0].code"],
        ),
        (lambda d: d.update(subjects=[]), ["subjects"]),
        (lambda d: d.update(subjects={"p1": {}}), ["subjects"]),
        (lambda d: d["subjects"].append("u2"), ["subjects[2]"]),
    ],
)
def test_each_bad_field_is_named_by_its_path(change, expected):
    assert paths(changed(change)) == expected


def test_several_bad_fields_are_all_reported():
    def spoil(d):
        d["subjects"][0]["ratings"]["2026"] = "?"
        d["subjects"][1]["kind"] = None

    assert paths(changed(spoil)) == ["subjects[0].ratings.2026", "subjects[1].kind"]


@pytest.mark.parametrize("data", [None, [], "facts", 3, {"year": 2026}])
def test_a_document_of_the_wrong_shape_is_an_error_at_the_root(data):
    assert paths(data)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**20), 10**20) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=25,
)
KEYS = st.sampled_from(
    [
        "year",
        "awards",
        "subjects",
        "id",
        "kind",
        "ratings",
        "members",
        "initiatives",
        "code",
        "rating",
        "scope",
        "2026",
        "recognised",
        "applied",
        "accepted",
        "discipline",
    ]
)
VALUES = st.sampled_from([2026, "2026", "HTXSNV", "individual", "collective", "co_so", "LDTT", True, None, [], {}])


def mutated_example(draw_path, value):
    """The example with one value somewhere inside replaced."""
    data = copy.deepcopy(EXAMPLE)
    node = data
    for step in draw_path[:-1]:
        if isinstance(node, dict) and node:
            node = node[sorted(node)[step % len(node)]]
        elif isinstance(node, list) and node:
            node = node[step % len(node)]
    if isinstance(node, dict) and node:
        node[sorted(node)[draw_path[-1] % len(node)]] = value
    elif isinstance(node, list) and node:
        node[draw_path[-1] % len(node)] = value
    return data


def answer(data) -> str:
    """What the interface would answer: never an exception."""
    request, errors = schema.parse(data)
    if errors:
        assert all(isinstance(e["path"], str) and e["message"] for e in errors)
        return "400"
    evaluate(request, default_ruleset())
    return "200"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(JSON)
def test_any_json_is_an_answer_never_an_exception(data):
    assert answer(json.loads(json.dumps(data))) in {"200", "400"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(0, 50), min_size=1, max_size=6), JSON | VALUES)
def test_the_example_with_any_value_replaced_is_an_answer(path, value):
    assert answer(mutated_example(path, value)) in {"200", "400"}


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(KEYS, JSON | VALUES, max_size=6))
def test_any_subject_is_an_answer(subject):
    assert answer({"year": 2026, "subjects": [subject]}) in {"200", "400"}
