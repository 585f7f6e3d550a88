"""The layers of the code (`[tool.importlinter]` in pyproject.toml, docs/architecture.md)
hold, and would catch a new import that breaks them: core reaching into a domain app,
a domain app reaching up, a package left out of every layer. Import cycles between
modules are the few accepted ones only.

`python -m tests.test_layers` lists the import cycles between modules."""

import pathlib

import grimp
import pytest
from importlinter import api  # configures import-linter before its contracts are used
from importlinter.contracts.layers import LayersContract

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Module cycles through imports written inside functions, each inside one app, kept on
# purpose (docs/architecture.md, "Layers"): a unit queryset asks the access rules, which
# read the unit tree from the Unit model; a job is sent to the Celery task that runs it.
ACCEPTED_CYCLES = [
    {"thidua.organization.models", "thidua.organization.rules", "thidua.organization.tree"},
    {"thidua.jobs.runner", "thidua.jobs.tasks"},
]


def layers_contract() -> LayersContract:
    config = api.read_configuration(str(ROOT / "pyproject.toml"))
    options = next(c for c in config["contracts_options"] if c["id"] == "layers")
    return LayersContract(name=options["name"], session_options=config["session_options"], contract_options=options)


def build_graph() -> grimp.ImportGraph:
    return grimp.build_graph("thidua", exclude_type_checking_imports=True, cache_dir=None)


@pytest.fixture
def graph():
    return build_graph()


def broken_pairs(graph) -> set[tuple[str, str]]:
    """(importer, imported) layer pairs the contract reports, e.g. ('thidua.core', 'thidua.plans')."""
    check = layers_contract().check(graph, verbose=False)
    return {(d["importer"], d["imported"]) for d in check.metadata.get("invalid_dependencies", [])}


def test_the_code_keeps_its_layers(graph):
    check = layers_contract().check(graph, verbose=False)
    assert check.kept, check.metadata


@pytest.mark.parametrize(
    ("importer", "imported", "pair"),
    [
        ("thidua.core.history", "thidua.plans.models", ("thidua.core", "thidua.plans")),
        ("thidua.core.workflow", "thidua.organization.rules", ("thidua.core", "thidua.organization")),
        ("thidua.plans.models", "thidua.proposals.models", ("thidua.plans", "thidua.proposals")),
        ("thidua.proposals.models", "thidua.council.models", ("thidua.proposals", "thidua.council")),
        ("thidua.organization.views", "thidua.privacy.personal_data", ("thidua.organization", "thidua.privacy")),
        ("thidua.documents.nd30", "thidua.plans.models", ("thidua.documents", "thidua.plans")),
    ],
)
def test_an_import_that_points_up_breaks_the_layers(graph, importer, imported, pair):
    graph.add_import(importer=importer, imported=imported, line_number=1, line_contents=f"import {imported}")
    assert pair in broken_pairs(graph)


def test_an_import_through_another_module_still_counts(graph):
    # core -> a new helper -> plans: the chain is reported, not only direct imports.
    graph.add_module("thidua.core.helper")
    graph.add_import(
        importer="thidua.core.history",
        imported="thidua.core.helper",
        line_number=1,
        line_contents="import thidua.core.helper",
    )
    graph.add_import(
        importer="thidua.core.helper",
        imported="thidua.plans.timeline",
        line_number=1,
        line_contents="import thidua.plans.timeline",
    )
    assert ("thidua.core", "thidua.plans") in broken_pairs(graph)


def test_a_new_package_must_be_given_a_layer(graph):
    graph.add_module("thidua.newapp")
    check = layers_contract().check(graph, verbose=False)
    assert not check.kept
    assert check.metadata["undeclared_modules"] == {"thidua.newapp"}


def import_cycles(graph) -> list[set[str]]:
    """Groups of modules of thidua (migrations aside) that import each other in a
    circle, directly or through others: the strongly connected components."""
    modules = {m for m in graph.modules if ".migrations" not in m}
    edges = {m: sorted(graph.find_modules_directly_imported_by(m) & modules) for m in sorted(modules)}
    order, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(start):  # Tarjan's algorithm, iterative so deep chains need no recursion
        work = [(start, 0)]
        order[start] = low[start] = len(order)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, index = work[-1]
            if index < len(edges[node]):
                work[-1] = (node, index + 1)
                target = edges[node][index]
                if target not in order:
                    order[target] = low[target] = len(order)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], order[target])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == order[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(group)

    for module in sorted(modules):
        if module not in order:
            visit(module)
    return groups


def test_the_cycle_finder_finds_a_new_cycle(graph):
    graph.add_import(
        importer="thidua.core.text",
        imported="thidua.core.history",
        line_number=1,
        line_contents="import thidua.core.history",
    )
    graph.add_import(
        importer="thidua.core.history",
        imported="thidua.core.text",
        line_number=1,
        line_contents="import thidua.core.text",
    )
    assert {"thidua.core.history", "thidua.core.text"} <= set().union(*import_cycles(graph))


def test_no_import_cycle_between_modules_but_the_accepted_ones(graph):
    unexpected = [group for group in import_cycles(graph) if not any(group <= accepted for accepted in ACCEPTED_CYCLES)]
    assert unexpected == []


if __name__ == "__main__":
    cycles = import_cycles(build_graph())
    print(f"{len(cycles)} import cycle(s) between modules of thidua ({sum(map(len, cycles))} modules):")
    for group in cycles:
        print("  " + " <-> ".join(sorted(group)))
