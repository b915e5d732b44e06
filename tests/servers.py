"""Real servers for the scale and fault tests: PostgreSQL, Redis, gunicorn, the tasks worker.

Each runs as its own process on a free loopback port and is stopped when its
block ends. Nothing is mocked: the tests drive the app over HTTP as production does.
"""

import contextlib
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(ready, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not ready within {timeout} s")
        time.sleep(0.1)


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    """Wait until `url` answers, failing at once if the server process exits."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (our own loopback server)
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not answer within {seconds} s")


def request(port: int, method: str, path: str, body: str = "", *, headers=None, timeout=30):
    """One HTTP request to 127.0.0.1:`port`: (status, headers, body text)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body or None, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode()
    finally:
        connection.close()


def open_form(port: int, path: str) -> tuple[str, str]:
    """GET a form: the CSRF cookie ("csrftoken=...") and the form's token."""
    status, headers, body = request(port, "GET", path)
    assert status == 200, (path, status)
    cookie = next(
        c.split(";", 1)[0] for c in headers.get_all("Set-Cookie") if c.startswith("csrftoken=")
    )
    return cookie, CSRF_INPUT.search(body).group(1)


def post_form(port: int, path: str, form: tuple[str, str], data: dict, timeout=30):
    cookie, token = form
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **data})
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
    return request(port, "POST", path, body, headers=headers, timeout=timeout)


def app_env(tmp_path: Path, **variables: str) -> dict[str, str]:
    """The environment of an app process: the real settings, plus `variables`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DATABASE_REPLICA_URL", "TASKS_BACKEND"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "samspil.settings",
            "SAMSPIL_DATA_DIR": str(tmp_path),
            "LOG_LEVEL": "ERROR",
            "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
            **variables,
        }
    )
    return env


def django_run(env: dict[str, str], code: str) -> str:
    """Run ORM code in a fresh process with `env`; return what it prints."""
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        env=env,
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@contextmanager
def process(command: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    with log.open("wb") as out:
        child = subprocess.Popen(command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        try:
            yield child
        finally:
            child.terminate()
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


@contextmanager
def gunicorns(env: dict[str, str], logs: list[Path], workers: int = 2) -> Iterator[list[int]]:
    """`samspil serve` once per log file, each on a free port, all starting at once;
    yields their ports once each answers /health/."""
    ports = [free_port() for _ in logs]
    with ExitStack() as stack:
        serve = [str(BIN / "samspil"), "serve", f"--workers={workers}"]
        children = [
            stack.enter_context(process([*serve, f"--bind=127.0.0.1:{port}"], env, log))
            for port, log in zip(ports, logs, strict=True)
        ]
        for port, log, child in zip(ports, logs, children, strict=True):

            def ready(port=port, log=log, child=child) -> bool:
                assert child.poll() is None, log.read_text()
                try:
                    return request(port, "GET", "/health/", timeout=5)[0] == 200
                except OSError:
                    return False

            wait_until(ready, f"gunicorn on port {port}", timeout=60)
        yield ports


@contextmanager
def gunicorn(env: dict[str, str], log: Path, workers: int = 2) -> Iterator[int]:
    """One `samspil serve` on a free port; yields the port once /health/ answers."""
    with gunicorns(env, [log], workers) as (port,):
        yield port


@contextmanager
def redis_server(directory: Path) -> Iterator[str]:
    """A throwaway Redis (Debian's redis-server) on a free port; yields its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is missing: `make test` installs Debian's redis-server.")
    port = free_port()
    command = [
        binary,
        "--port", str(port),
        "--bind", "127.0.0.1",
        "--save", "",
        "--appendonly", "no",
        "--dir", str(directory),
    ]  # fmt: skip
    with process(command, dict(os.environ), directory / "redis.log"):

        def ready() -> bool:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    return sock.recv(16).startswith(b"+PONG")
            except OSError:
                return False

        wait_until(ready, "redis-server")
        yield f"redis://127.0.0.1:{port}/0"


@dataclass
class Postgres:
    """A PostgreSQL server of our own, which a test may stop and start again."""

    directory: Path
    port: int
    bin: Path

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def _as_owner(self) -> list[str]:
        # initdb refuses to run as root: run the server as the postgres user then.
        return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def ctl(self, *args: str) -> None:
        subprocess.run(
            [*self._as_owner(), str(self.bin / "pg_ctl"), "-D", str(self.directory / "data"),
             "-l", str(self.directory / "server.log"), "-w", *args],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip

    def start(self) -> None:
        options = f"-h 127.0.0.1 -p {self.port} -k {self.directory} -c fsync=off"
        self.ctl("-o", options, "start")

    def stop(self, mode: str = "fast") -> None:
        self.ctl("-m", mode, "stop")


@contextmanager
def postgres_server() -> Iterator[Postgres]:
    """initdb and start a PostgreSQL server (Debian's), as scripts/with-postgres.sh does.

    Its directory is a fresh one in /tmp, since the postgres user (the server's owner
    when the tests run as root) cannot enter pytest's private tmp_path.
    """
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found:
        pytest.fail("PostgreSQL is missing: `make test` installs Debian's server.")
    directory = Path(tempfile.mkdtemp(prefix="samspil-pg-"))
    server = Postgres(directory=directory, port=free_port(), bin=found[-1].parent)
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres")
    try:
        done = subprocess.run(
            [*server._as_owner(), str(server.bin / "initdb"), "-D", str(directory / "data"),
             "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"],
            check=False, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        server.start()
        try:
            yield server
        finally:
            with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
                server.stop("immediate")
    finally:
        shutil.rmtree(directory, ignore_errors=True)
