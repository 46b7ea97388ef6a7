"""Throughput on Timeline17: `python benchmarks/bench.py [--workers N] [--limit N]`."""

from dateline.cli import app

if __name__ == "__main__":
    app(["bench", *__import__("sys").argv[1:]])
