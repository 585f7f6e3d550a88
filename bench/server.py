"""The production server for the benchmark: gunicorn with `deploy/gunicorn.conf.py` on
127.0.0.1, started and stopped here; signing in once as the office; and the resident
memory of its workers, sampled from /proc while the load runs."""

import http.client
import os
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
CONFIG = ROOT / "deploy" / "gunicorn.conf.py"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, env: dict, log_dir: Path, workers: int | None = None) -> None:
        self.port = free_port()
        self.env = env | {
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "GUNICORN_ACCESS_LOG": str(log_dir / "access.log"),
        }
        if workers:
            self.env["GUNICORN_WORKERS"] = str(workers)
        self.log_dir = log_dir
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = (self.log_dir / "server.log").open("ab")
        self.process = subprocess.Popen(
            [str(GUNICORN), "-c", str(CONFIG), "thidua.wsgi"],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped at start; see {self.log_dir / 'server.log'}")
            if len(self.workers()) >= self.expected_workers() and self._answers():
                return
            time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer within 60 s")

    def expected_workers(self) -> int:
        return int(self.env.get("GUNICORN_WORKERS") or os.cpu_count() * 2 + 1)

    def _answers(self) -> bool:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
            conn.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
            return conn.getresponse().status in (200, 503)
        except OSError:
            return False

    def workers(self) -> list[int]:
        if not self.process:
            return []
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(fields[1]) == self.process.pid:
                    found.append(int(entry.name))
        return sorted(found)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # gunicorn's graceful stop of master and workers
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def sign_in(self, username: str, password: str) -> str:
        """Sign in through the login form; returns the Cookie header to reuse."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        conn.request("GET", "/dang-nhap/", headers={"Host": "127.0.0.1"})
        response = conn.getresponse()
        page = response.read().decode()
        cookies = _cookies(response)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token})
        conn.request(
            "POST",
            "/dang-nhap/",
            body=body,
            headers={
                "Host": "127.0.0.1",
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
            },
        )
        response = conn.getresponse()
        response.read()
        cookies |= _cookies(response)
        if response.status != 302 or "sessionid" not in cookies:
            raise RuntimeError(f"sign-in as {username} failed (HTTP {response.status})")
        return "; ".join(f"{k}={v}" for k, v in cookies.items())


def _cookies(response) -> dict:
    found = {}
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            found[name.strip()] = rest.split(";", 1)[0]
    return found


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class MemorySampler:
    """Peak resident memory of each worker while running (sampled every 0.2 s)."""

    def __init__(self, server: Server) -> None:
        self.server, self.peak = server, {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid in self.server.workers():
                self.peak[pid] = max(self.peak.get(pid, 0.0), rss_mb(pid))
            self._stop.wait(0.2)

    @property
    def max_mb(self) -> float:
        return max(self.peak.values(), default=0.0)
