"""The kinds of job and the function that does each. A handler is called as
`handler(job, **params)`, reports its progress with `runner.progress(job, …)` and returns
a `JobResult` (or None)."""

from dataclasses import dataclass

from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

HANDLERS = {
    "consolidated_report": "thidua.reports.consolidation.consolidate_job",
}

# What each kind of job does, as its page names it (never "job #1").
TITLES = {
    "consolidated_report": _("Lập báo cáo tổng hợp"),
}


def title_of(kind: str) -> str:
    return str(TITLES.get(kind, _("Xử lý dữ liệu")))


@dataclass(frozen=True)
class JobResult:
    filename: str = ""
    content: bytes = b""
    link: str = ""


def handler_for(kind: str):
    if kind not in HANDLERS:
        raise KeyError(f"Unknown job kind {kind!r}")
    return import_string(HANDLERS[kind])
