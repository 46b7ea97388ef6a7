"""GET /events latency on a 100k-event ledger under a bounded load of concurrent clients.

    .venv/bin/python benchmarks/api_latency.py [--events 100000] [--clients 50] [--rate 100]

Builds a synthetic ledger (dateline.api.sample; kept in --db, in the temp folder by
default, for re-runs), serves it with uvicorn in a separate process on loopback, and
runs --clients concurrent clients (httpx, asyncio) for --seconds. Each client sends a
request with varied filters, waits for the answer, then waits until its next turn so
the clients together offer --rate requests per second (the bounded load); --rate 0
sends back to back (saturation). Prints the ledger's indexes on the events table (the
figures depend on them), p50/p95/p99 latency and the throughput. Goal: p95 < 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from sqlalchemy import inspect

from dateline.api.sample import write_sample_ledger
from dateline.store.ledger import open_engine

HOST = "127.0.0.1"
SERVER = """
import sys, uvicorn
from dateline.api import create_app
uvicorn.run(create_app(sys.argv[1]), host=sys.argv[2], port=int(sys.argv[3]), log_level="warning")
"""
# Varied filters, as a dashboard and API clients send them; the weight is how often.
QUERIES = [
    (4, {}),
    (2, {"sort": "-date"}),
    (2, {"sort": "-fatalities"}),
    (2, {"type": "ASSAULT"}),
    (1, {"type": "AID,CONSULT", "sort": "-date"}),
    (2, {"country": "IRQ"}),
    (1, {"country": "SYR", "type": "ASSAULT", "sort": "-fatalities"}),
    (2, {"bbox": "43.5,35.5,44.5,36.8"}),
    (1, {"bbox": "35,30,48,38", "since": "2014-06-10", "until": "2014-06-20"}),
    (2, {"since": "2014-06-15", "until": "2014-06-16"}),
    (1, {"quad_class": "verbal_conflict"}),
    (1, {"acled_event_type": "Battles", "sort": "-date"}),
    (1, {"actor": "peshmerga"}),
    (1, {"min_confidence": 0.9, "sort": "-confidence"}),
    (1, {"q": "car bomb", "limit": 20}),
    (2, {"limit": 20, "page": 3}),  # follow next_cursor to the third page
]
LIMIT = 100


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def build(db: Path, n_events: int) -> None:
    if db.exists():
        return
    started = time.perf_counter()
    write_sample_ledger(db, n_events).engine.dispose()
    print(f"built {n_events} events in {time.perf_counter() - started:.0f} s -> {db}")


def start_server(db: Path, port: int) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", SERVER, str(db), HOST, str(port)])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://{HOST}:{port}/stats", timeout=5).raise_for_status()
            return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the server did not start")


async def one_request(client: httpx.AsyncClient, params: dict, timings: list[float]) -> None:
    params = {"limit": LIMIT, **params}
    pages = params.pop("page", 1)
    for _ in range(pages):
        started = time.perf_counter()
        response = await client.get("/events", params=params)
        timings.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
        if pages == 1:
            return
        cursor = response.json()["next_cursor"]
        if cursor is None:
            return
        params["cursor"] = cursor


async def run_client(client, rng, until, interval, timings):
    weights, queries = zip(*QUERIES, strict=True)
    await asyncio.sleep(rng.random() * interval)  # spread the clients' first requests
    while time.monotonic() < until:
        turn = time.monotonic()
        await one_request(client, rng.choices(queries, weights)[0], timings)
        await asyncio.sleep(max(0.0, interval - (time.monotonic() - turn)))


async def load(port: int, clients: int, rate: float, seconds: float) -> tuple[list[float], float]:
    interval = clients / rate if rate > 0 else 0.0
    timings: list[float] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(
        base_url=f"http://{HOST}:{port}", limits=limits, timeout=60
    ) as client:
        await one_request(client, {}, [])  # warm the connection pool and the page cache
        started = time.monotonic()
        until = started + seconds
        rngs = [random.Random(i) for i in range(clients)]
        await asyncio.gather(*(run_client(client, r, until, interval, timings) for r in rngs))
        elapsed = time.monotonic() - started
    return timings, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "dateline-100k.db")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--rate", type=float, default=100.0, help="requests/s offered; 0: max")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    build(args.db, args.events)
    engine = open_engine(args.db, read_only=True)
    indexes = sorted(i["name"] for i in inspect(engine).get_indexes("events"))
    engine.dispose()
    print(f"events indexes: {', '.join(indexes)}")
    server = start_server(args.db, args.port)
    try:
        timings, elapsed = asyncio.run(load(args.port, args.clients, args.rate, args.seconds))
    finally:
        server.terminate()
        server.wait()
    offered = f"{args.rate:.0f} req/s offered" if args.rate else "back to back"
    print(
        f"GET /events on {args.events} events, {args.clients} clients, {offered}, "
        f"{os.cpu_count()} CPUs: {len(timings)} requests in {elapsed:.1f} s "
        f"({len(timings) / elapsed:.0f} req/s)"
    )
    print(
        f"latency ms: p50 {percentile(timings, 50):.1f}  p95 {percentile(timings, 95):.1f}  "
        f"p99 {percentile(timings, 99):.1f}  mean {statistics.fmean(timings):.1f}  "
        f"max {max(timings):.1f}"
    )


if __name__ == "__main__":
    main()
