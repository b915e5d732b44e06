"""Page benchmark: public pages with a large database, under gunicorn.

Serves the app with gunicorn (sync workers, loopback, free port) against an
existing PostgreSQL database filled by `samspil generate --events 10000
--registrations 1000000`, and for each page prints requests/s and the p50, p95
and p99 of the latency the client saw and of the server time (the
`Server-Timing: app;dur=` header, from the first middleware to the last), next
to a trivial view in the same run.

    .venv/bin/samspil generate --events 10000 --registrations 1000000   # once
    .venv/bin/python bench/pages.py --database-url postgres://postgres@127.0.0.1:5432/samspil

Each page runs twice: with the page cache off (`SAMSPIL_PAGE_CACHE_SECONDS=0`:
every request renders, which is what DESIGN.md's bar of 50 ms server time is
about) and on (as production runs it). Event pages rotate over --events-sample
different events, so the cached run also pays for first renders.
"""

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def get(port: int, path: str) -> tuple[int, float, float]:
    """GET `path`: status, client latency (ms), server time (ms, from Server-Timing)."""
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        timing = response.headers.get("Server-Timing", "app;dur=nan")
    finally:
        connection.close()
    latency = 1000 * (time.perf_counter() - start)
    return response.status, latency, float(timing.split("dur=")[1].split(",")[0])


def django(env: dict[str, str], code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


@contextmanager
def gunicorn(env: dict[str, str], workers: int):
    port = free_port()
    process = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "samspil.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--worker-class=sync",
            "--backlog=2048",
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
                if get(port, "/bench/trivial/")[0] == 200:
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def load(port: int, paths: list[str], requests: int, concurrency: int) -> dict:
    """`requests` GETs over `concurrency` threads, cycling through `paths`."""
    results: list[tuple[int, float, float]] = []
    lock = threading.Lock()
    counter = iter(range(requests))

    def worker() -> None:
        while True:
            with lock:
                index = next(counter, None)
            if index is None:
                return
            outcome = get(port, paths[index % len(paths)])
            with lock:
                results.append(outcome)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    latencies = [latency for _status, latency, _server in results]
    server = [server for _status, _latency, server in results]
    return {
        "per_second": requests / seconds,
        "errors": sum(1 for status, _l, _s in results if status != 200),
        "latency": [percentile(latencies, share) for share in (0.5, 0.95, 0.99)],
        "server": [percentile(server, share) for share in (0.5, 0.95, 0.99)],
        "server_mean": statistics.fmean(server),
    }


def page_paths(env: dict[str, str], sample: int) -> dict[str, list[str]]:
    found = json.loads(
        django(
            env,
            f"""
import json
from django.db.models import Count
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from samspil.events.models import Event
upcoming = Event.objects.filter(status="published", ends_at__gte=timezone.now())
busiest = list(
    upcoming.annotate(n=Count("registrations")).order_by("-n").values_list("slug", flat=True)[
        :{sample}
    ]
)
try:
    statistics = reverse("solutions:statistics")
except NoReverseMatch:
    statistics = None
print(json.dumps({{"events": busiest, "statistics": statistics}}))
""",
        )
    )
    pages = {
        "trivial view": ["/bench/trivial/"],
        "event list": ["/en/events/"],
        "event list, page 50": ["/en/events/?page=50"],
        "event page": [f"/en/events/{slug}/" for slug in found["events"]],
        "search": ["/en/events/?q=klima", "/en/events/?q=mobilit", "/en/events/?q=workshop"],
    }
    if found["statistics"]:
        pages["solutions statistics"] = [found["statistics"]]
    else:
        print("The solutions statistics page is not wired into the URLs yet: not measured.")
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--requests", type=int, default=300, help="per page and cache mode")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--events-sample", type=int, default=100)
    args = parser.parse_args()
    if not args.database_url.startswith(("postgres://", "postgresql://")):
        parser.error("give --database-url (or DATABASE_URL) of a PostgreSQL database")
    base_env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "DJANGO_SETTINGS_MODULE": "bench.bench_settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "LOG_LEVEL": "ERROR",
    }
    counts = django(
        base_env,
        "from samspil.events.models import Event\n"
        "from samspil.registrations.models import Registration\n"
        "print(Event.objects.count(), Registration.objects.count())",
    )
    events, registrations = counts.split()
    pages = page_paths(base_env, args.events_sample)
    print(
        f"Pages: {events} events, {registrations} registrations; gunicorn {args.workers} sync "
        f"workers, {args.concurrency} clients, {args.requests} requests per row; "
        f"{os.cpu_count()} CPUs shared by client, server and PostgreSQL"
    )
    header = (
        f"{'page':<22} {'cache':<5} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
        f"{'srv p50':>7} {'srv p95':>7} {'srv p99':>7} {'errors':>6}"
    )
    for cache_seconds in ("0", "60"):
        env = {**base_env, "SAMSPIL_PAGE_CACHE_SECONDS": cache_seconds}
        with gunicorn(env, args.workers) as port:
            for paths in pages.values():  # warm up every worker
                for path in paths[: 4 * args.workers]:
                    get(port, path)
            print("\n" + header)
            for name, paths in pages.items():
                row = load(port, paths, args.requests, args.concurrency)
                latency, server = row["latency"], row["server"]
                print(
                    f"{name:<22} {'on' if cache_seconds != '0' else 'off':<5} "
                    f"{row['per_second']:>7.1f} {latency[0]:>7.1f} {latency[1]:>7.1f} "
                    f"{latency[2]:>7.1f} {server[0]:>7.1f} {server[1]:>7.1f} {server[2]:>7.1f} "
                    f"{row['errors']:>6}"
                )
                sys.stdout.flush()


if __name__ == "__main__":
    main()
