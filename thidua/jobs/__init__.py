"""Background jobs. `jobs.run(kind, actor=…, **params)` starts one (see `runner.run`)."""


def run(kind: str, *, actor=None, **params):
    from thidua.jobs.runner import run as _run

    return _run(kind, actor=actor, **params)
