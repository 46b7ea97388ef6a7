"""Record a development-set run in docs/quality.md: a dated table with the commit.

The file keeps whatever stands above the runs marker (how each figure is
measured, notes on errors) and every earlier run below it, newest first.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

RUNS_MARKER = "<!-- runs: newest first; `dateline eval --dev` adds each run below -->"
UNKNOWN_COMMIT = "unknown"

HEADER = """# Extraction quality on the development data

`dateline eval --dev [--shared PATH]` runs every development set in
`../shared/data` and the seed gold, and adds a dated table here. How each figure
is measured is documented in `dateline.evaluation` (`plover`, `wikievents`,
`ucdp`, `gold`).
"""

# (set, figure, path into the figures, target from issue 6 or "" when only reported)
SUMMARY: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("Seed gold", "recall of required events", ("seed_gold", "recall_counts"), ">= 0.90"),
    ("Seed gold", "precision", ("seed_gold", "precision_counts"), ">= 0.85"),
    ("Seed gold", "precision, duplicates not counted against (design.md's rule per event)",
     ("seed_gold", "precision_any_match_counts"), ""),
    ("Seed gold", "actor1 (matched required events)", ("seed_gold", "fields", "actor1"), ""),
    ("Seed gold", "actor2", ("seed_gold", "fields", "actor2"), ""),
    ("Seed gold", "date", ("seed_gold", "fields", "date"), ""),
    ("Seed gold", "fatalities", ("seed_gold", "fields", "fatalities"), ""),
    ("Seed gold", "location", ("seed_gold", "fields", "location"), ""),
    ("Seed gold", "ACLED event and sub-event type", ("seed_gold", "fields", "acled"), ""),
    ("Seed gold", "modality", ("seed_gold", "fields", "modality"), ""),
    ("PLOVER GSR", "event type accuracy", ("plover_gsr", "type"), ">= 0.80"),
    ("PLOVER GSR", "gold type among the sentence's mentions", ("plover_gsr", "type_any_mention"),
     ""),
    ("PLOVER GSR", "source actor country", ("plover_gsr", "source_country"), ""),
    ("PLOVER GSR", "target actor country", ("plover_gsr", "target_country"), ""),
    ("PLOVER GSR", "mode agreement", ("plover_gsr", "mode"), ""),
    ("WikiEvents dev", "attack detection F1 (trigger overlap)", ("wikievents", "attack"),
     ">= 0.75"),
    ("WikiEvents dev", "attack detection F1 (same sentence)",
     ("wikievents", "attack_same_sentence"), ""),
    ("WikiEvents dev", "role F1", ("wikievents", "roles"), ">= 0.60"),
    ("WikiEvents dev", "attacker (actor1) F1", ("wikievents", "roles_by_slot", "actor1"), ""),
    ("WikiEvents dev", "target/victim (actor2) F1", ("wikievents", "roles_by_slot", "actor2"), ""),
    ("WikiEvents dev", "target recall (gold Target found as actor2)",
     ("wikievents", "role_recall", "Target"), ""),
    ("WikiEvents dev", "victim recall (gold Victim found as actor2)",
     ("wikievents", "role_recall", "Victim"), ""),
    ("WikiEvents dev", "place F1", ("wikievents", "roles_by_slot", "place"), ""),
    ("UCDP GED Syria", "fatalities exact (toll-stating headlines)",
     ("ucdp_syria", "fatalities_exact"), ">= 0.85"),
    ("UCDP GED Syria", "toll headlines where we read no killed count",
     ("ucdp_syria", "fatalities_no_count"), ""),
    ("UCDP GED Syria", "side_a = actor1", ("ucdp_syria", "side_a"), ""),
    ("UCDP GED Syria", "side_b = actor2", ("ucdp_syria", "side_b"), ""),
    ("UCDP GED Syria", "both sides, either order", ("ucdp_syria", "sides_either_order"), ""),
    ("UCDP GED Syria", "place within 50 km (headline names one)", ("ucdp_syria", "place_50km"),
     ""),
    ("UCDP GED Syria", "place within 50 km, headlines giving a mention",
     ("ucdp_syria", "place_50km_given_mention"), ""),
    ("UCDP GED Syria", "headlines giving no mention", ("ucdp_syria", "headlines_without_mention"),
     ""),
)  # fmt: skip
# (set, seconds, items, unit) for the timing line
TIMINGS = (
    ("plover_gsr", "sentences", "sentences_per_second"),
    ("wikievents", "articles", "characters_per_second"),
    ("ucdp_syria", "scored_headlines", "headlines_per_second"),
    ("seed_gold", "documents", None),
)


def git_commit(where: Path) -> str:
    """The short commit of the checkout holding ``where``, or "unknown"."""
    try:
        done = subprocess.run(
            ["git", "-C", str(where), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return UNKNOWN_COMMIT
    return done.stdout.strip() or UNKNOWN_COMMIT


def _lookup(figures: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = figures
    for key in path:
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return value


def format_value(value: Any) -> str:
    """0.8123 -> "0.812"; a tally or P/R/F1 dict shows its counts too."""
    if value is None:
        return "n/a"
    if isinstance(value, Mapping) and "accuracy" in value:
        return f"{format_value(value['accuracy'])} ({value['correct']}/{value['total']})"
    if isinstance(value, Mapping) and "f1" in value:
        return (
            f"{format_value(value['f1'])} (P {format_value(value['precision'])}, "
            f"R {format_value(value['recall'])}; {value['matched']} of "
            f"{value['predicted']} predicted, {value['gold']} gold)"
        )
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _timing_line(figures: Mapping[str, Any]) -> str:
    parts = []
    for name, items, rate in TIMINGS:
        block = figures.get(name)
        if not block:
            continue
        text = f"{name} {block.get('seconds')} s for {block.get(items)} {items}"
        if rate and block.get(rate) is not None:
            text += f" ({block[rate]} {rate.replace('_', ' ')})"
        parts.append(text)
    return "; ".join(parts)


def render_run(figures: Mapping[str, Any], *, commit: str, when: dt.datetime) -> str:
    run = figures.get("run", {})
    limit = run.get("limit")
    scope = f"samples of at most {limit} items a set" if limit else "full sets"
    lines = [
        f"## {when:%Y-%m-%d %H:%M} UTC, commit {commit} ({scope})",
        "",
        "| set | figure | value | target |",
        "|---|---|---|---|",
    ]
    for dataset, label, path, target in SUMMARY:
        if path[0] in figures:
            value = format_value(_lookup(figures, path))
            lines.append(f"| {dataset} | {label} | {value} | {target} |")
    ucdp = figures.get("ucdp_syria")
    if ucdp:
        lines += [
            "",
            f"UCDP: {ucdp['headlines']} headline groups, {ucdp['toll_headlines']} state their "
            f"single event's toll; scored {ucdp['scored_toll_headlines']} and "
            f"{ucdp['scored_headlines']}.",
        ]
    lines += ["", f"Time: {_timing_line(figures)}.", ""]
    return "\n".join(lines)


def write_quality_md(figures: Mapping[str, Any], path: Path) -> None:
    """Add this run at the top of the runs in ``path``, keeping its header and older runs."""
    path = Path(path)
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    head, marker, earlier = old.partition(RUNS_MARKER)
    if not marker:
        head, earlier = HEADER, ""
    started = (figures.get("run") or {}).get("started")
    when = dt.datetime.fromisoformat(started) if started else dt.datetime.now(dt.UTC)
    run = render_run(figures, commit=git_commit(path.resolve().parent), when=when)
    body = head.rstrip("\n") + "\n\n" + RUNS_MARKER + "\n\n" + run
    if earlier.strip():
        body += "\n" + earlier.strip("\n") + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
