"""How reconcile() scales: time and peak memory on generated mentions, and merge quality.

Generates events (type, country, spot or country-level place, day, actors, toll) and
several reports of each, with the noise real reports have: places given at country level
or a few km off, relative or publication-derived dates, missing actors, tolls that
differ. Each size runs in a fresh process so peak memory is its own.

    .venv/bin/python benchmarks/reconcile_scale.py --sizes 100000 300000 1000000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time
from itertools import combinations

from dateline.reconcile import reconcile
from dateline.reconcile.build import count, make_mention
from dateline.records import PLOVER_TYPES, Actor, Mention, Place

SEED = 7
REPORTS_PER_EVENT = (1, 2, 2, 3, 3, 4, 6)
MENTIONS_PER_DOC = 5
COUNTRIES = 25  # each a 4 x 4 degree box on a grid
ACTORS = 300
VOCABULARY = 20000
DAYS = 3 * 365
START = dt.date(2014, 1, 1)
FORCE_SHARE = 0.5
COARSE_SHARE = 0.3  # events known only at country level
KM_PER_DEGREE = 111.0


def generate(n: int, *, seed: int = SEED) -> tuple[list[Mention], list[int]]:
    """About ``n`` mentions and, for each, the index of the event it reports."""
    rng = random.Random(seed)
    countries = [f"C{i:02d}" for i in range(COUNTRIES)]
    actors = [
        Actor(
            f"A{i}",
            f"Actor {i}",
            country=rng.choice(countries),
            sector=rng.choice(["GOV", "MIL", "REB"]),
        )
        for i in range(ACTORS)
    ]
    country_places = {c: Place(c, c, *_origin(i), "country") for i, c in enumerate(countries)}
    mentions: list[Mention] = []
    truth: list[int] = []
    event = 0
    while len(mentions) < n:
        for mention in _reports(rng, event, countries, actors, country_places):
            mentions.append(mention)
            truth.append(event)
        event += 1
    return mentions[:n], truth[:n]


def _origin(i: int) -> tuple[float, float]:
    return 10.0 + 4 * (i // 5), 20.0 + 4 * (i % 5)


def _reports(rng, event, countries, actors, country_places):
    kind = "ASSAULT" if rng.random() < FORCE_SHARE else rng.choice(PLOVER_TYPES)
    ci = rng.randrange(COUNTRIES)
    country = countries[ci]
    lat0, lon0 = _origin(ci)
    spot = None
    if rng.random() > COARSE_SHARE:
        lat, lon = lat0 + rng.random() * 4, lon0 + rng.random() * 4
        spot = Place(f"P{event}", country, lat, lon, "town", admin1=f"{country}-{int(lat)}")
    day = START + dt.timedelta(days=rng.randrange(DAYS))
    actor1, actor2 = rng.sample(actors, 2)
    toll = rng.choice([None, 1, 2, 3, 5, 8, 12, 20, 40, 70]) if kind == "ASSAULT" else None
    words = [f"w{rng.randrange(VOCABULARY)}" for _ in range(8)]
    for _ in range(rng.choice(REPORTS_PER_EVENT)):
        doc = f"doc{rng.randrange(10**9):09d}"
        said = words[:5] + [f"w{rng.randrange(VOCABULARY)}" for _ in range(6)]
        yield make_mention(
            doc_id=doc,
            sentence=" ".join(said),
            trigger=said[0],
            offset=rng.randrange(MENTIONS_PER_DOC) * 200,
            type=kind,
            actor1=actor1 if rng.random() < 0.85 else None,
            actor2=actor2 if rng.random() < 0.6 else None,
            place=_told_place(rng, spot, country_places[country]),
            **_told_date(rng, day),
            killed=count(max(1, round(toll * rng.uniform(0.8, 1.2)))) if toll else None,
        )


def _told_place(rng, spot, country_place):
    if spot is None or rng.random() < 0.1:
        return country_place
    if rng.random() < 0.1:  # a few km off: another report's geocoding
        shift = rng.uniform(-2, 2) / KM_PER_DEGREE
        return Place(spot.name, spot.country, spot.lat + shift, spot.lon, "town", spot.admin1)
    return spot


def _told_date(rng, day):
    roll = rng.random()
    if roll < 0.7:
        return {"date": day, "date_from": "text"}
    if roll < 0.9:
        return {"date": day, "date_from": "relative"}
    return {"date": day + dt.timedelta(days=rng.randrange(3)), "date_from": "published"}


def pairwise(events, truth_of: dict[tuple, int], truth: list[int]) -> dict[str, float]:
    """Pairwise precision and recall of the events against the generated truth."""
    predicted = 0
    correct = 0
    for event in events:
        labels = [truth_of[_key(m)] for m in event.mentions]
        for a, b in combinations(labels, 2):
            predicted += 1
            correct += a == b
    sizes: dict[int, int] = {}
    for label in truth:
        sizes[label] = sizes.get(label, 0) + 1
    gold = sum(k * (k - 1) // 2 for k in sizes.values())
    return {
        "precision": round(correct / predicted, 4) if predicted else 1.0,
        "recall": round(correct / gold, 4) if gold else 1.0,
    }


def _key(mention: Mention) -> tuple:
    return mention.doc_id, mention.sentence.start, mention.sentence.text


def run_one(n: int) -> dict:
    started = time.perf_counter()
    mentions, truth = generate(n)
    generated = time.perf_counter() - started
    rss_before = _peak_rss_mb()
    started = time.perf_counter()
    events = reconcile(mentions)
    seconds = time.perf_counter() - started
    truth_of = {_key(m): t for m, t in zip(mentions, truth, strict=True)}
    return {
        "mentions": n,
        "events": len(events),
        "true_events": len(set(truth)),
        "generate_s": round(generated, 1),
        "reconcile_s": round(seconds, 1),
        "mentions_per_s": round(n / seconds),
        "peak_rss_mb_before": rss_before,
        "peak_rss_mb": _peak_rss_mb(),
        **pairwise(events, truth_of, truth),
    }


def _peak_rss_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)), flush=True)
        return
    for n in args.sizes:
        subprocess.run([sys.executable, __file__, "--one", str(n)], check=True)


if __name__ == "__main__":
    main()
