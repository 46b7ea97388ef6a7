"""PLOVER type accuracy: the rules, MiniLM prototypes, and rules with prototypes as fallback.

Scores each sentence of the PLOVER gold-standard records (``../shared/data/plover_gsr``)
by its PLOVER type only, three ways:

- rules: the main mention of ``dateline.evaluation.devsets.plover_gsr`` (none: wrong);
- prototypes: nearest prototype centroid (``dateline.evaluation.embeddings``);
- combined: the rules' type where they give a mention, the prototypes' where they give none.

Nothing here tunes anything: the prototypes were written from the PLOVER type
definitions, never from this set. Needs the ``embeddings`` extra (torch), so run it
from a venv that has it, e.g.::

    /tmp/embvenv/bin/python benchmarks/embedding_prototypes.py [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dateline.evaluation import devsets, plover
from dateline.evaluation.embeddings import build_typer
from dateline.evaluation.metrics import Tally
from dateline.evaluation.runner import main_mention, make_doc, token_depths
from dateline.extract import load_nlp
from dateline.pipeline import map_documents

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TOP_CONFUSIONS = 8


def _rate(items: int, seconds: float) -> float:
    return round(items / seconds, 1) if seconds else 0.0


def _tally(gold: Sequence[str], guesses: Sequence[str | None]) -> Tally:
    tally = Tally()
    for right, guess in zip(gold, guesses, strict=True):
        tally.add(guess == right)
    return tally


def _by_type(gold: Sequence[str], guesses: Sequence[str | None]) -> dict[str, str]:
    hits: Counter[str] = Counter(g for g, p in zip(gold, guesses, strict=True) if g == p)
    totals = Counter(gold)
    return {kind: f"{hits[kind]}/{n}" for kind, n in totals.most_common()}


def _confusions(gold: Sequence[str], guesses: Sequence[str | None]) -> list[str]:
    wrong = Counter((g, p or "-") for g, p in zip(gold, guesses, strict=True) if g != p)
    return [f"{g}->{p} x{n}" for (g, p), n in wrong.most_common(TOP_CONFUSIONS)]


def rule_types(texts: Sequence[str], names: Sequence[str], nlp) -> list[str | None]:
    """The type of each sentence's main mention, as ``devsets.plover_gsr`` picks it."""
    found = map_documents([make_doc(t, name=n) for t, n in zip(texts, names, strict=True)], nlp)
    depths = token_depths(list(texts), nlp)
    mains = [main_mention(m, d) for m, d in zip(found, depths, strict=True)]
    return [m.type if m else None for m in mains]


def _timed(go):
    began = time.perf_counter()
    result = go()
    return result, time.perf_counter() - began


def measure(path: Path, *, limit: int | None) -> dict[str, Any]:
    nlp = load_nlp()
    rules_figures = devsets.plover_gsr(path, nlp=nlp, limit=limit)
    sentences = plover.read_gold(path)[:limit]
    texts = [s.text for s in sentences]
    gold = [s.event for s in sentences]
    rules, rules_seconds = _timed(lambda: rule_types(texts, [s.id for s in sentences], nlp))
    typer, load_seconds = _timed(build_typer)
    protos, proto_seconds = _timed(lambda: typer.classify(texts))
    missing = [i for i, r in enumerate(rules) if r is None]
    fallback, fallback_seconds = _timed(lambda: typer.classify([texts[i] for i in missing]))
    combined = list(rules)
    for i, kind in zip(missing, fallback, strict=True):
        combined[i] = kind
    having = [i for i in range(len(rules)) if rules[i] is not None]

    def subset(guesses, rows):
        return _tally([gold[i] for i in rows], [guesses[i] for i in rows]).as_dict()

    return {
        "sentences": len(sentences),
        "rules_no_mention": len(missing),
        "rules_devsets": {"type": rules_figures["type"],
                          "sentences_per_second": rules_figures["sentences_per_second"]},
        "rules": {"type": _tally(gold, rules).as_dict(),
                  "sentences_per_second": _rate(len(texts), rules_seconds)},
        "prototypes": {"type": _tally(gold, protos).as_dict(),
                       "sentences_per_second": _rate(len(texts), proto_seconds),
                       "load_seconds": round(load_seconds, 1)},
        "combined": {"type": _tally(gold, combined).as_dict(),
                     "sentences_per_second":
                         _rate(len(texts), rules_seconds + fallback_seconds)},
        "where_rules_give_a_mention": {"rules": subset(rules, having),
                                       "prototypes": subset(protos, having)},
        "where_rules_give_none": {"prototypes": subset(protos, missing)},
        "by_gold_type": {"rules": _by_type(gold, rules), "prototypes": _by_type(gold, protos),
                         "combined": _by_type(gold, combined)},
        "top_confusions": {"rules": _confusions(gold, rules),
                           "prototypes": _confusions(gold, protos),
                           "combined": _confusions(gold, combined)},
    }  # fmt: skip


def _table(figures: dict[str, Any]) -> str:
    lines = [f"PLOVER GSR, {figures['sentences']} sentences "
             f"(rules give no mention for {figures['rules_no_mention']})",
             f"{'method':<12}{'type accuracy':>22}{'sentences/s':>14}"]  # fmt: skip
    for name in ("rules", "prototypes", "combined"):
        row = figures[name]
        tally = row["type"]
        shown = f"{tally['accuracy']:.3f} ({tally['correct']}/{tally['total']})"
        lines.append(f"{name:<12}{shown:>22}{row['sentences_per_second']:>14}")
    lines.append(
        f"devsets.plover_gsr type accuracy: {figures['rules_devsets']['type']['accuracy']}"
    )
    lines.append(f"prototype typer load + centroids: {figures['prototypes']['load_seconds']} s")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", action="store_true", help="print every figure as JSON")
    args = parser.parse_args()
    figures = measure(args.shared / devsets.PLOVER_FILE, limit=args.limit)
    print(json.dumps(figures, indent=2) if args.json else _table(figures))


if __name__ == "__main__":
    main()
