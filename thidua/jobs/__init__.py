"""Background jobs. `jobs.run(kind, actor=…, **params)` starts one (see `runner.run`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # this package is imported while Django loads the apps, before any model
    from thidua.organization.models import User


def run(kind: str, *, actor: User | None = None, **params):
    from thidua.jobs.runner import run as _run

    return _run(kind, actor=actor, **params)
