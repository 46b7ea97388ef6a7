"""Score dateline on the development sets in ``../shared/data`` and the seed gold.

One function per set, each returning a dict of figures; ``run_all`` runs them
all and ``write_quality_md`` (from ``dateline.evaluation.quality``) records a
run in docs/quality.md. Measuring only: nothing here tunes anything.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.language import Language

from dateline.evaluation import gold, plover, ucdp, wikievents
from dateline.evaluation.metrics import Tally
from dateline.evaluation.quality import write_quality_md
from dateline.evaluation.runner import main_mention, make_doc, token_depths
from dateline.extract import load_nlp
from dateline.pipeline import map_documents, run
from dateline.store import Ledger

__all__ = ["plover_gsr", "run_all", "seed_gold", "ucdp_syria", "wikievents_dev",
           "write_quality_md"]  # fmt: skip

PLOVER_FILE = Path("data/plover_gsr/PLOVER_GSR_CAMEO.json")
WIKIEVENTS_FILE = Path("data/wikievents/dev.jsonl")
UCDP_FILE = Path("data/ucdp_syria/ged_syria_v19.1.csv.gz")
SEEDS_DIR = Path("seeds")
SEED_GOLD_FILE = Path("gold/seed-events.jsonl")
TOP_ERRORS = 10


def _rate(items: int, seconds: float) -> float:
    return round(items / seconds, 1) if seconds else 0.0


def plover_gsr(path: Path, *, nlp: Language, limit: int | None = None) -> dict[str, Any]:
    """Sentence -> PLOVER type accuracy; source/target actor country accuracy; mode."""
    sentences = plover.read_gold(path)[:limit]
    began = time.perf_counter()
    docs = [make_doc(s.text, name=s.id) for s in sentences]
    found = map_documents(docs, nlp)
    depths = token_depths([s.text for s in sentences], nlp)
    predicted = [main_mention(m, d) for m, d in zip(found, depths, strict=True)]
    seconds = time.perf_counter() - began
    figures = plover.score(sentences, predicted, found).as_dict()
    figures.update(seconds=round(seconds, 1), sentences_per_second=_rate(len(docs), seconds))
    return figures


def wikievents_dev(path: Path, *, nlp: Language, limit: int | None = None) -> dict[str, Any]:
    """Attack detection P/R/F1 over whole articles; role F1 on matched attacks."""
    articles = wikievents.read_articles(path)[:limit]
    began = time.perf_counter()
    found = map_documents([make_doc(a.text, name=a.id) for a in articles], nlp)
    seconds = time.perf_counter() - began
    total = wikievents.ArticleScore()
    for article, mentions in zip(articles, found, strict=True):
        total += wikievents.score_article(article, mentions)
    return {
        "articles": len(articles),
        "attack": total.strict.as_dict(),
        "attack_same_sentence": total.lenient.as_dict(),
        "roles": total.roles.as_dict(),
        "roles_by_slot": {slot: prf.as_dict() for slot, prf in total.by_slot.items()},
        "role_recall": {role: tally.as_dict() for role, tally in total.role_recall.items()},
        "false_positives_on": dict(total.false_on.most_common()),
        "missed_triggers": dict(total.missed.most_common(TOP_ERRORS)),
        "seconds": round(seconds, 1),
        "characters_per_second": _rate(sum(len(a.text) for a in articles), seconds),
    }


def _map_headlines(groups: list[ucdp.HeadlineGroup], nlp: Language):
    docs = [
        make_doc(g.headline, name=f"ucdp-{i}", published=g.published) for i, g in enumerate(groups)
    ]
    return map_documents(docs, nlp), token_depths([g.headline for g in groups], nlp)


def ucdp_syria(path: Path, *, nlp: Language, limit: int | None = None) -> dict[str, Any]:
    """Fatalities exact on toll-stating headlines; side and place agreement on all."""
    groups = ucdp.group_headlines(ucdp.read_rows(path))
    toll_groups = [g for g in groups if ucdp.states_toll(g)]
    scored_toll = ucdp.sample(toll_groups, limit)
    scored_all = ucdp.sample(groups, limit)
    # Each distinct headline is run once, whichever samples hold it.
    todo = list({g.headline: g for g in [*scored_toll, *scored_all]}.values())
    began = time.perf_counter()
    mentions, depths = _map_headlines(todo, nlp)
    seconds = time.perf_counter() - began
    found = {g.headline: (m, d) for g, m, d in zip(todo, mentions, depths, strict=True)}
    exact, no_count = ucdp.score_fatalities(
        scored_toll, [found[g.headline][0] for g in scored_toll]
    )
    sides = ucdp.score_sides_and_places(
        scored_all,
        [found[g.headline][0] for g in scored_all],
        [found[g.headline][1] for g in scored_all],
        rules=ucdp.load_side_rules(),
    )
    return {
        "headlines": len(groups),
        "toll_headlines": len(toll_groups),
        "scored_toll_headlines": len(scored_toll),
        "scored_headlines": len(scored_all),
        "fatalities_exact": exact.as_dict(),
        "fatalities_no_count": no_count,
        **sides.as_dict(),
        "seconds": round(seconds, 1),
        "headlines_per_second": _rate(len(todo), seconds),
    }


def seed_gold(shared: Path, *, workers: int | None = None) -> dict[str, Any]:
    """The seed pages run through the whole pipeline into a fresh ledger, scored on the gold."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "seeds.db"
        began = time.perf_counter()
        summary = run([shared / SEEDS_DIR], db=db, workers=workers)
        seconds = time.perf_counter() - began
        events = list(Ledger(db).event_records())
    report = gold.score(events, gold.read_gold(shared / SEED_GOLD_FILE)).as_dict()
    report.update(
        documents=summary.read,
        seconds=round(seconds, 1),
        # The same figures with their counts, for the table.
        recall_counts=Tally(report["required_found"], report["required"]).as_dict(),
        precision_counts=Tally(report["matched_events"], report["events"]).as_dict(),
        precision_any_match_counts=Tally(report["matching_events"], report["events"]).as_dict(),
    )
    return report


def run_all(shared: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Every development set and the seed gold; ``limit`` caps the items of each sampled set."""
    shared = Path(shared)
    started = dt.datetime.now(dt.UTC)
    nlp = load_nlp()
    runs: dict[str, Callable[[], dict[str, Any]]] = {
        "plover_gsr": lambda: plover_gsr(shared / PLOVER_FILE, nlp=nlp, limit=limit),
        "wikievents": lambda: wikievents_dev(shared / WIKIEVENTS_FILE, nlp=nlp, limit=limit),
        "ucdp_syria": lambda: ucdp_syria(shared / UCDP_FILE, nlp=nlp, limit=limit),
        "seed_gold": lambda: seed_gold(shared),
    }
    figures: dict[str, Any] = {name: go() for name, go in runs.items()}
    figures["run"] = {
        "started": started.isoformat(timespec="seconds"),
        "limit": limit,
        "seconds": round((dt.datetime.now(dt.UTC) - started).total_seconds(), 1),
    }
    return figures
