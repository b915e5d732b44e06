"""Registration rush: N people register at the same moment for an event of C seats.

Runs the real app under gunicorn (4 sync workers, loopback) on SQLite (a temporary
file) and on PostgreSQL, and for each N prints registrations/s, POST latency
percentiles, the seats taken (confirmed, waiting, oversold: must be 0) and errors,
next to the rate of a trivial Django view on the same stack and the ratio
(DESIGN.md: at least 0.5 on PostgreSQL).

    .venv/bin/python bench/registration_rush.py            # N = 50, 200, 500; C = 50
    .venv/bin/python bench/registration_rush.py --quick    # N = 50 only
    .venv/bin/python bench/registration_rush.py --postgres-url postgres://user@host:5432/db
    .venv/bin/python bench/registration_rush.py --backend postgres --workers 2 --redis

--workers sets gunicorn's sync workers (default 4); --redis starts a throwaway
redis-server and runs the app with REDIS_URL (Redis cache, RQ tasks backend).

PostgreSQL: --postgres-url, else DATABASE_URL when it points at PostgreSQL, else a
throwaway server through scripts/with-postgres.sh. The bench creates and drops its
own database on that server; it never touches the one in the URL.

What is measured: each client first GETs the form (CSRF cookie and token; not
timed); then all N clients are released together by a barrier and POST the form
once. Only the POST is timed, up to the redirect to the personal page, which is
not followed. The trivial view is timed the same way: N clients released
together, one GET each, repeated and the median burst taken. Client and server
share the machine's cores, so both rates include the client's own cost.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WORKERS = 4
EXTRA_ENV: dict[str, str] = {}
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TIMEOUT = 120


@dataclass
class Rush:
    clients: int
    seconds: float
    latencies: list[float]
    errors: int
    confirmed: int
    waiting: int
    stored: int
    trivial_per_second: float

    @property
    def per_second(self) -> float:
        return self.clients / self.seconds


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def django(env: dict[str, str], code: str) -> str:
    """Run ORM code in a fresh process with the bench's settings; return what it prints."""
    prelude = "import django; django.setup()\n"
    done = subprocess.run(
        [sys.executable, "-c", prelude + code],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


def create_event(env: dict[str, str], capacity: int) -> str:
    slug = f"rush-{uuid.uuid4().hex[:10]}"
    django(
        env,
        f"""
from datetime import timedelta
from django.utils import timezone
from samspil.events.models import Event
from samspil.people.models import Organisation
organiser, _ = Organisation.objects.get_or_create(
    slug="bench-centre", defaults={{"name": "Bench centre", "kind": "municipality"}}
)
starts = timezone.now() + timedelta(days=30)
Event.objects.create(
    slug={slug!r}, title={{"en": "Registration rush"}}, kind="meetup", mode="in_person",
    status="published", organiser=organiser, starts_at=starts,
    ends_at=starts + timedelta(hours=2), languages=["en"], capacity={capacity},
)
""",
    )
    return slug


def seat_counts(env: dict[str, str], slug: str) -> dict[str, int]:
    return json.loads(
        django(
            env,
            f"""
import json
from django.db.models import Count
from samspil.registrations.models import Registration
rows = Registration.objects.filter(event__slug={slug!r}).values("status").annotate(n=Count("pk"))
print(json.dumps({{row["status"]: row["n"] for row in rows}}))
""",
        )
    )


def request(port: int, method: str, path: str, body: str = "", headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        connection.request(method, path, body=body or None, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers.get_all("Set-Cookie") or [], response.read()
    finally:
        connection.close()


def open_form(port: int, path: str) -> tuple[str, str]:
    """GET the registration form: the CSRF cookie and the form's token."""
    status, cookies, body = request(port, "GET", path)
    if status != 200:
        raise RuntimeError(f"GET {path} answered {status}")
    token = CSRF_INPUT.search(body.decode()).group(1)
    csrf = next(c.split(";", 1)[0] for c in cookies if c.startswith("csrftoken="))
    return csrf, token


def burst(clients: int, job) -> tuple[float, list]:
    """Release `clients` threads together, each running `job(index)`; wall time and results."""
    barrier = threading.Barrier(clients + 1)
    results: list = [None] * clients

    def run(index: int) -> None:
        barrier.wait()
        results[index] = job(index)

    threads = [threading.Thread(target=run, args=(index,)) for index in range(clients)]
    for thread in threads:
        thread.start()
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start, results


def timed(call):
    start = time.perf_counter()
    try:
        outcome = call()
    except (OSError, http.client.HTTPException) as error:
        outcome = error
    return time.perf_counter() - start, outcome


def trivial_rate(port: int, clients: int, rounds: int) -> float:
    def job(_index):
        return timed(lambda: request(port, "GET", "/bench/trivial/"))

    rates = []
    for _ in range(rounds):
        seconds, results = burst(clients, job)
        bad = [outcome for _latency, outcome in results if not ok(outcome, 200)]
        if bad:
            raise RuntimeError(f"trivial view failed: {bad[:3]}")
        rates.append(clients / seconds)
    return statistics.median(rates)


def ok(outcome, status: int) -> bool:
    return isinstance(outcome, tuple) and outcome[0] == status


def rush(port: int, env: dict[str, str], clients: int, capacity: int, rounds: int) -> Rush:
    slug = create_event(env, capacity)
    path = f"/en/events/{slug}/register/"
    with ThreadPoolExecutor(max_workers=16) as pool:
        forms = list(pool.map(lambda _n: open_form(port, path), range(clients)))

    def post(index: int):
        cookie, token = forms[index]
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "name": f"Participant {index}",
                "email": f"participant{index}@example.org",
                "organisation": "Odense Kommune",
                "role_category": "employee",
                "municipality": "Odense",
            }
        )
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
        return timed(lambda: request(port, "POST", path, body, headers))

    seconds, results = burst(clients, post)
    counts = seat_counts(env, slug)
    return Rush(
        clients=clients,
        seconds=seconds,
        latencies=[latency for latency, _outcome in results],
        errors=sum(1 for _latency, outcome in results if not ok(outcome, 302)),
        confirmed=counts.get("confirmed", 0),
        waiting=counts.get("waiting", 0),
        stored=sum(counts.values()),
        trivial_per_second=trivial_rate(port, clients, rounds),
    )


@contextmanager
def gunicorn(env: dict[str, str]):
    port = free_port()
    process = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "samspil.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={WORKERS}",
            "--worker-class=sync",
            "--backlog=2048",
            "--timeout=120",
            "--log-level=warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {process.returncode}")
            try:
                if request(port, "GET", "/bench/trivial/")[0] == 200:
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def bench_env(database_url: str, data_dir: str) -> dict[str, str]:
    return {
        **os.environ,
        **EXTRA_ENV,
        "DATABASE_URL": database_url,
        "SAMSPIL_DATA_DIR": data_dir,
        "DJANGO_SETTINGS_MODULE": "bench.bench_settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        # Everyone posts from 127.0.0.1: the per-address rate limits would stop the rush.
        "SAMSPIL_RATE_LIMITS_ENABLED": "false",
        # Mail goes through the database task queue as in production; nobody sends it here.
        "LOG_LEVEL": "WARNING",
    }


def run_backend(label: str, database_url: str, sizes: list[int], capacity: int, rounds: int):
    with tempfile.TemporaryDirectory(prefix="samspil-rush-") as data_dir:
        env = bench_env(database_url, data_dir)
        subprocess.run(
            [str(BIN / "samspil"), "migrate", "--no-input", "-v0"], env=env, cwd=ROOT, check=True
        )
        with gunicorn(env) as port:
            # Warm up: every worker imports the views and opens its database connection.
            warm = create_event(env, capacity)
            for _ in range(4 * WORKERS):
                request(port, "GET", "/bench/trivial/")
                request(port, "GET", f"/en/events/{warm}/register/")
            report(label, [rush(port, env, n, capacity, rounds) for n in sizes], capacity)


def report(label: str, rushes: list[Rush], capacity: int) -> None:
    tasks = "RQ on Redis" if EXTRA_ENV.get("REDIS_URL") else "database queue"
    print(f"\n{label}: gunicorn {WORKERS} sync workers, tasks {tasks}, C = {capacity} seats")
    print(
        f"{'N':>5} {'reg/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'confirmed':>9} "
        f"{'waiting':>7} {'oversold':>8} {'lost':>4} {'errors':>6} {'trivial/s':>9} {'ratio':>6}"
    )
    for r in rushes:
        ms = [1000 * latency for latency in r.latencies]
        print(
            f"{r.clients:>5} {r.per_second:>8.1f} {percentile(ms, 0.50):>8.1f} "
            f"{percentile(ms, 0.95):>8.1f} {percentile(ms, 0.99):>8.1f} {r.confirmed:>9} "
            f"{r.waiting:>7} {max(0, r.confirmed - capacity):>8} {r.clients - r.stored:>4} "
            f"{r.errors:>6} {r.trivial_per_second:>9.1f} "
            f"{r.per_second / r.trivial_per_second:>6.2f}"
        )
    sys.stdout.flush()


@contextmanager
def fresh_postgres_database(server_url: str):
    """A new, empty database on the server of `server_url`, dropped afterwards."""
    import psycopg  # noqa: PLC0415 (only the PostgreSQL run needs it)

    url = urllib.parse.urlsplit(server_url)
    name = f"samspil_rush_{os.getpid()}"
    admin = urllib.parse.urlunsplit(url._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urllib.parse.urlunsplit(url._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def postgres_server_version(server_url: str) -> str:
    import psycopg  # noqa: PLC0415

    with psycopg.connect(server_url) as connection:
        return connection.execute("SHOW server_version").fetchone()[0].split()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="N = 50 only, fewer trivial bursts")
    parser.add_argument("--capacity", type=int, default=50, help="seats of the event (C)")
    parser.add_argument("--sizes", default="50,200,500", help="the N to run, comma-separated")
    parser.add_argument("--postgres-url", help="a PostgreSQL server to create the bench's DB on")
    parser.add_argument("--backend", choices=["both", "sqlite", "postgres"], default="both")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--redis", action="store_true", help="Redis cache and RQ tasks backend")
    args = parser.parse_args()
    global WORKERS  # noqa: PLW0603 (one setting for the whole run)
    WORKERS = args.workers
    with redis_for(args.redis):
        run(args)


@contextmanager
def redis_for(wanted: bool):
    """A throwaway redis-server when `wanted`; the app then runs with REDIS_URL."""
    if not wanted:
        yield
        return
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="samspil-rush-redis-") as directory:
        server = subprocess.Popen(
            ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--dir", directory],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            time.sleep(0.5)
            EXTRA_ENV["REDIS_URL"] = f"redis://127.0.0.1:{port}/0"
            yield
        finally:
            server.terminate()
            server.wait(timeout=30)


def run(args) -> None:
    sizes = [50] if args.quick else [int(n) for n in args.sizes.split(",")]
    rounds = 3 if args.quick else 5
    print(
        f"Registration rush: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; "
        "POST timed up to the redirect (not followed)"
    )

    if args.backend in {"both", "sqlite"}:
        with tempfile.TemporaryDirectory(prefix="samspil-rush-sqlite-") as directory:
            url = f"sqlite:///{directory}/rush.sqlite3"
            run_backend("SQLite (WAL, IMMEDIATE)", url, sizes, args.capacity, rounds)

    if args.backend in {"both", "postgres"}:
        server = args.postgres_url or os.environ.get("DATABASE_URL", "")
        if server.startswith(("postgres://", "postgresql://")):
            label = f"PostgreSQL {postgres_server_version(server)}"
            with fresh_postgres_database(server) as url:
                run_backend(label, url, sizes, args.capacity, rounds)
        else:
            # No server given: run this script again under a throwaway one.
            sys.stdout.flush()
            command = [sys.executable, __file__, "--backend=postgres", f"--sizes={args.sizes}"]
            command += [f"--workers={args.workers}"] + (["--redis"] if args.redis else [])
            command += [f"--capacity={args.capacity}"] + (["--quick"] if args.quick else [])
            with_postgres = shutil.which("with-postgres.sh", path=str(ROOT / "scripts"))
            subprocess.run([with_postgres, *command], cwd=ROOT, check=True)


if __name__ == "__main__":
    main()
