"""WikiEvents dev: attack detection and role filling over whole articles.

Format (one article a line): ``tokens``; ``sentences`` as lists of
``[token, start, end]`` with the sentence's text; ``entity_mentions`` and
``event_mentions`` indexing tokens by global position (``start`` inclusive,
``end`` exclusive); each event has a trigger, an ``event_type`` such as
``Conflict.Attack.DetonateExplode`` and arguments naming entity mentions by id.

The article text is rebuilt from the sentences: inside a sentence the tokens
keep their original spacing, sentences are joined by a newline. Every token
gets its character span in that text.

Rules (docs/quality.md):
- Gold attacks are the ``Conflict.Attack.*`` events; predicted attacks are our
  ASSAULT mentions, one per distinct trigger span, back-references left out
  (``Mention.refers_to``: "six were killed" after the bombing adds to an attack told).
- A prediction matches a gold attack when their triggers overlap (strict), or,
  for the lenient figure, when the prediction's trigger lies in the gold
  trigger's sentence. Matching is one-to-one, gold in text order.
- Roles, over strictly matched pairs: Attacker -> actor1; Target and Victim ->
  actor2; Place -> the mention's place spans. A predicted span matches a gold
  argument of its slot when their character spans overlap; one-to-one,
  micro-averaged over all matched pairs.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.evaluation.metrics import PRF, Tally
from dateline.records import Mention, Span

ATTACK_PREFIX = "Conflict.Attack."
PREDICTED_TYPE = "ASSAULT"
SENTENCE_SEPARATOR = "\n"
ROLE_SLOTS = {"Attacker": "actor1", "Target": "actor2", "Victim": "actor2", "Place": "place"}
SLOTS = ("actor1", "actor2", "place")
# Target and Victim share actor2, so each is scored by recall alone: gold arguments of
# that role our actor2 spans overlap.
SHARED_SLOT_ROLES = ("Target", "Victim")
NO_GOLD_EVENT = "no gold event"


@dataclass(frozen=True)
class GoldAttack:
    trigger: Span
    sentence: Span
    arguments: tuple[tuple[str, Span], ...]  # (slot, span)
    type: str
    roles: tuple[str, ...] = ()  # the gold role of each argument, in the same order


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    attacks: tuple[GoldAttack, ...]
    other_triggers: tuple[tuple[str, Span], ...] = ()  # (event type, span) of non-attack events


def rebuild_text(sentences: Sequence[Any]) -> tuple[str, list[tuple[int, int]], list[Span]]:
    """(text, character span of every token, span of every sentence)."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    spans: list[Span] = []
    cursor = 0
    for tokens, sentence in sentences:
        base = tokens[0][1]
        offsets.extend((cursor + start - base, cursor + end - base) for _, start, end in tokens)
        spans.append(Span(sentence, cursor, cursor + len(sentence)))
        parts.append(sentence)
        cursor += len(sentence) + len(SENTENCE_SEPARATOR)
    return SENTENCE_SEPARATOR.join(parts), offsets, spans


def _span(text: str, offsets: list[tuple[int, int]], first: int, stop: int) -> Span:
    start, end = offsets[first][0], offsets[stop - 1][1]
    return Span(text[start:end], start, end)


def article_from_row(row: dict[str, Any]) -> Article:
    text, offsets, sentences = rebuild_text(row["sentences"])
    entities = {e["id"]: _span(text, offsets, e["start"], e["end"]) for e in row["entity_mentions"]}
    attacks: list[GoldAttack] = []
    others: list[tuple[str, Span]] = []
    for event in row["event_mentions"]:
        trigger = event["trigger"]
        span = _span(text, offsets, trigger["start"], trigger["end"])
        if not event["event_type"].startswith(ATTACK_PREFIX):
            others.append((event["event_type"], span))
            continue
        kept = [a for a in event["arguments"] if a["role"] in ROLE_SLOTS]
        arguments = tuple((ROLE_SLOTS[a["role"]], entities[a["entity_id"]]) for a in kept)
        roles = tuple(a["role"] for a in kept)
        sentence = sentences[trigger["sent_idx"]]
        attacks.append(GoldAttack(span, sentence, arguments, event["event_type"], roles))
    return Article(row["doc_id"], text, tuple(attacks), tuple(others))


def read_articles(path: Path) -> list[Article]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [article_from_row(json.loads(line)) for line in lines if line.strip()]


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


@dataclass(frozen=True)
class Predicted:
    """One predicted attack: a distinct trigger and the role spans of its mentions."""

    trigger: Span
    slots: dict[str, tuple[Span, ...]]


def predicted_attacks(mentions: Iterable[Mention]) -> list[Predicted]:
    """ASSAULT mentions grouped by trigger (a capture split by place is one prediction);
    a back-reference is no attack of its own."""
    by_trigger: dict[tuple[int, int], dict[str, list[Span]]] = {}
    triggers: dict[tuple[int, int], Span] = {}
    for m in mentions:
        if m.type != PREDICTED_TYPE or m.refers_to is not None:
            continue
        key = (m.trigger.start, m.trigger.end)
        triggers.setdefault(key, m.trigger)
        slots = by_trigger.setdefault(key, {slot: [] for slot in SLOTS})
        for slot, spans in (("actor1", [m.actor1]), ("actor2", [m.actor2]), ("place", m.places)):
            slots[slot].extend(s for s in spans if s is not None and s not in slots[slot])
    return [
        Predicted(triggers[key], {slot: tuple(spans) for slot, spans in slots.items()})
        for key, slots in sorted(by_trigger.items())
    ]


def _pair(
    gold: Sequence[GoldAttack], predicted: Sequence[Predicted], *, lenient: bool
) -> list[tuple[GoldAttack, Predicted]]:
    """One-to-one (gold, predicted) pairs, gold in order, each taking the first free match."""
    taken: set[int] = set()
    pairs: list[tuple[GoldAttack, Predicted]] = []
    for g in gold:
        for i, p in enumerate(predicted):
            hit = overlaps(p.trigger, g.sentence if lenient else g.trigger)
            if i not in taken and hit:
                taken.add(i)
                pairs.append((g, p))
                break
    return pairs


def _match_spans(predicted: Sequence[Span], gold: Sequence[Span]) -> int:
    taken: set[int] = set()
    for p in predicted:
        for i, g in enumerate(gold):
            if i not in taken and overlaps(p, g):
                taken.add(i)
                break
    return len(taken)


@dataclass
class ArticleScore:
    strict: PRF = field(default_factory=PRF)
    lenient: PRF = field(default_factory=PRF)
    roles: PRF = field(default_factory=PRF)
    by_slot: dict[str, PRF] = field(default_factory=lambda: {s: PRF() for s in SLOTS})
    role_recall: dict[str, Tally] = field(
        default_factory=lambda: {r: Tally() for r in SHARED_SLOT_ROLES}
    )
    # Error patterns: predictions on other gold events' triggers, gold attacks missed.
    false_on: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)

    def __iadd__(self, other: ArticleScore) -> ArticleScore:
        self.strict += other.strict
        self.lenient += other.lenient
        self.roles += other.roles
        for slot in SLOTS:
            self.by_slot[slot] += other.by_slot[slot]
        for role in SHARED_SLOT_ROLES:
            self.role_recall[role] += other.role_recall[role]
        self.false_on.update(other.false_on)
        self.missed.update(other.missed)
        return self


def _family(event_type: str) -> str:
    """ "Life.Die.Unspecified" -> "Life.Die" """
    return ".".join(event_type.split(".")[:2])


def score_article(article: Article, mentions: Iterable[Mention]) -> ArticleScore:
    predicted = predicted_attacks(mentions)
    result = ArticleScore()
    strict = _pair(article.attacks, predicted, lenient=False)
    lenient = _pair(article.attacks, predicted, lenient=True)
    gold_n, pred_n = len(article.attacks), len(predicted)
    result.strict = PRF(len(strict), pred_n, gold_n)
    result.lenient = PRF(len(lenient), pred_n, gold_n)
    for g, p in strict:
        for slot in SLOTS:
            gold_spans = [span for s, span in g.arguments if s == slot]
            score = PRF(
                _match_spans(p.slots[slot], gold_spans), len(p.slots[slot]), len(gold_spans)
            )
            result.by_slot[slot] += score
            result.roles += score
        for role in SHARED_SLOT_ROLES:
            gold_spans = [
                span for (_, span), r in zip(g.arguments, g.roles, strict=True) if r == role
            ]
            tally = result.role_recall[role]
            tally.correct += _match_spans(p.slots["actor2"], gold_spans)
            tally.total += len(gold_spans)
    matched = {id(p) for _, p in strict}
    for p in predicted:
        if id(p) not in matched:
            on = (_family(t) for t, span in article.other_triggers if overlaps(span, p.trigger))
            result.false_on[next(on, NO_GOLD_EVENT)] += 1
    found = {id(g) for g, _ in strict}
    result.missed.update(g.trigger.text.lower() for g in article.attacks if id(g) not in found)
    return result
