"""A small closed-loop load generator: N threads, each with its own keep-alive
connection to 127.0.0.1, sending GET requests one after another (no think time) for a
fixed number of seconds. Loopback only, bounded in time."""

import http.client
import statistics
import threading
import time
from dataclasses import dataclass, field


@dataclass
class LoadResult:
    users: int
    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)

    @property
    def requests(self) -> int:
        return len(self.latencies_ms)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float | None:
        if not self.latencies_ms:
            return None
        ordered = sorted(self.latencies_ms)
        index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
        return ordered[index]

    def summary(self) -> dict:
        return {
            "users": self.users,
            "requests": self.requests,
            "errors": self.errors,
            "rps": round(self.rps, 1),
            "p50": self.percentile(50),
            "p95": self.percentile(95),
            "p99": self.percentile(99),
            "mean": statistics.fmean(self.latencies_ms) if self.latencies_ms else None,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
        }


def _worker(
    port: int, path: str, headers: dict, until: float, record_from: float, out: LoadResult, lock: threading.Lock
) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    mine, errors, statuses = [], 0, {}
    while True:
        start = time.perf_counter()
        if start >= until:
            break
        try:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            errors += 1
            continue
        elapsed = (time.perf_counter() - start) * 1000
        if start < record_from:
            continue  # warming up
        statuses[status] = statuses.get(status, 0) + 1
        if status == 200:
            mine.append(elapsed)
        else:
            errors += 1
    conn.close()
    with lock:
        out.latencies_ms += mine
        out.errors += errors
        for status, n in statuses.items():
            out.statuses[status] = out.statuses.get(status, 0) + n


def run(port: int, path: str, *, users: int, seconds: float, warmup: float = 2.0, cookie: str = "") -> LoadResult:
    """`users` concurrent clients for `warmup + seconds`; only the last `seconds` count."""
    headers = {"Host": "127.0.0.1", "Cookie": cookie, "Accept": "text/html,application/json"}
    start = time.perf_counter()
    record_from, until = start + warmup, start + warmup + seconds
    result, lock = LoadResult(users=users, seconds=seconds), threading.Lock()
    threads = [
        threading.Thread(target=_worker, args=(port, path, headers, until, record_from, result, lock))
        for _ in range(users)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return result
