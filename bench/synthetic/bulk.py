"""Batched inserts and the progress line the generator writes on stderr."""

import sys
import time
from collections.abc import Iterable
from contextlib import contextmanager

from django.db import reset_queries

BATCH = 2000


class Progress:
    """One line per part, rewritten in place on a terminal:
    `[4/9] Kết quả            412 000 / 1 010 000  41%   12,3 s`."""

    def __init__(self, stream=None, parts: int = 1) -> None:
        self.stream = stream or sys.stderr
        self.parts = parts
        self.part = 0
        self.tty = getattr(self.stream, "isatty", lambda: False)()
        self.label, self.total, self.done, self.started = "", 0, 0, 0.0
        self.last_drawn = 0.0

    def start(self, label: str, total: int) -> None:
        self.part += 1
        self.label, self.total, self.done, self.started = label, max(total, 1), 0, time.monotonic()
        self._draw(force=True)

    def advance(self, n: int) -> None:
        self.done += n
        self._draw()

    def finish(self) -> float:
        self.done = max(self.done, self.total)
        elapsed = time.monotonic() - self.started
        self._draw(force=True, end="\n")
        return elapsed

    def _draw(self, force: bool = False, end: str = "") -> None:
        now = time.monotonic()
        if not force and (not self.tty or now - self.last_drawn < 0.2):
            return
        self.last_drawn = now
        percent = min(100, round(100 * self.done / self.total))
        bar = "#" * (percent // 5) + "." * (20 - percent // 5)
        line = (
            f"[{self.part}/{self.parts}] {self.label:<26} [{bar}] {n(self.done):>11} / {n(self.total):<11}"
            f" {percent:3d}%  {now - self.started:6.1f} s"
        )
        if self.tty:
            self.stream.write("\r" + line + end)
        elif end:
            self.stream.write(line + end)
        self.stream.flush()


def n(value: int) -> str:
    """12 345 678: thousands apart by a space, as Vietnamese writes them."""
    return f"{value:,}".replace(",", " ")


def insert(model, objects: Iterable, progress: Progress | None = None, batch: int = BATCH) -> list:
    """bulk_create `objects` in batches; returns the created objects (with their ids on
    PostgreSQL and SQLite)."""
    created, pending = [], []
    for obj in objects:
        pending.append(obj)
        if len(pending) >= batch:
            created += _flush(model, pending, progress)
            pending = []
    if pending:
        created += _flush(model, pending, progress)
    return created


def stream(model, objects: Iterable, progress: Progress | None = None, batch: int = BATCH) -> int:
    """Like `insert`, for large tables whose objects are not needed afterwards."""
    count, pending = 0, []
    for obj in objects:
        pending.append(obj)
        if len(pending) >= batch:
            count += len(_flush(model, pending, progress))
            pending = []
    if pending:
        count += len(_flush(model, pending, progress))
    return count


def _flush(model, rows: list, progress: Progress | None) -> list:
    done = model.objects.bulk_create(rows)
    reset_queries()  # with DEBUG on, Django would keep every INSERT's text in memory
    if progress:
        progress.advance(len(rows))
    return done


@contextmanager
def explicit_timestamps(*fields):
    """Let generated rows keep the dates they are given: `auto_now_add`/`auto_now`
    fields would otherwise all be stamped with the moment of generation."""
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    try:
        for f, _, _ in saved:
            f.auto_now = f.auto_now_add = False
        yield
    finally:
        for f, now, now_add in saved:
            f.auto_now, f.auto_now_add = now, now_add
