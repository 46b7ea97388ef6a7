"""Killed and injured counts in a sentence, with their hedges.

Token rules over the sentence string, no parser: this runs on every sentence of
every document, and news tolls come in a handful of shapes ("killing 71",
"57 civilians were killed", "the death toll rose to 40", "40 dead").

How a number becomes a toll:

- A casualty term (lexicon ``terms``) takes the number on its right ("killing 71
  Iraqis") or on its left ("57 Iraqi civilians were killed", "40 dead"). A
  transitive verb takes a left number only when it reads as passive: an
  auxiliary sits between ("were killed"), or no object follows ("20 killed in
  blast", but not "5 gunmen killed a policeman").
- Numbers that measure something else never count: one next to a unit
  ("100 kilometers", "85%", "70 tons"), a month ("June 24"), a currency or an age
  marker, a bare year ("2003"), a hyphenated form ("a 25-year-old").
- Counts joined by "and" or a comma add up when each names people ("three
  soldiers and two civilians were killed" is 5). "killed himself and 5 others"
  is 6: the attacker is a fatality too, as ACLED and UCDP count it.
- A number before a coordinated noun phrase counts the whole phrase: "19 policemen and
  tribal fighters had been killed" is 19.
- "others" (or "other") right after a number means people besides those the sentence
  already counts: "19 ... had been killed, and the bodies of eight others had been found"
  is 27, exact, as a conflict coder records it (the sentence states both figures; the span
  runs from the first to the last). Only counts of one kind add ("killed 4 people and
  wounded 10 others" is 4 killed, 10 injured), only to the event's own toll (not to what
  came before: "Hours after beheading 3 guards, the cell executes 2 others" is 2), and not
  after "including", where the others are one more part of a total.
- A killing verb with a victim but no number ("killing and injuring more Iraqi
  civilians", "a soldier was killed", "killed him") is a vague count of at least
  one; "a" before a word for a person is one such victim, added to the numbers
  joined to it ("kill a woman and 2 of her children" is 3).
- Intentions, futures and negations report no death: "vowed to kill 20", "will
  execute prisoners", "do not kill"; an infinitive with no number neither ("the
  right to kill civilians"). "managed to kill 9" and a purpose "used a car bomb to
  kill 12" do (lexicon roles ``irrealis``, ``intent``, ``implicative``).
- "casualties" mixes the dead and the wounded in Western usage, but conflict
  monitors (and English translating Arabic sources) write it for the dead. So
  it fills the killed slot when the sentence sets it against the wounded ("4
  casualties and several wounded") or counts nothing else (lexicon flag
  ``alone_killed``, on by default); beside a killed count it fills the injured
  slot. One number for "killed and wounded" ("46 killed and injured", "killing
  or wounding 40") is casualties, and the killed slot gets "at least one".
- "6 soldiers including 2 officers were killed" is 6: the part after
  "including" is not the toll.
- Several killed numbers in one sentence: the event's own toll wins over a
  running total ("the death toll rose to 40", "300 killed since January", "the
  number of those killed ... rose to 20") and over an opening clause about what
  came before ("After killing 37 in the city, jets kill 25"); among equals the
  first wins. A running total alone is the toll.
- A number opening the sentence (or a headline clause after "…" or ":") is the
  subject of a later passive killing verb however long its noun phrase ("8 of
  the regime forces and militiamen loyal to them were killed"); numbers in an
  aside of it do not count ("10 fighters including 5 Egyptians ... were killed").
- A relative pronoun does not cut a number off its killing verb when the clause
  is the killing itself: "2 members who were killed", "4 children who died"; not
  "3 men who killed a guard" (the killers). Such a toll, a part after
  "including", and a count of bodies seen ("shown the bodies of 2 men among 9
  killed") yield to the sentence's own killing count, like a running total.
- Killing nouns take the number of what they target: "an assassination targets
  3 members", "executions against 14 people" (lexicon field ``fillers``).
- An opening clause of revenge or response tells what came before, like "After
  ...,"; so does a headline's first clause cut off by "…" with such a word in it:
  "More than 14 months after a massacre that killed 60… the group executes a man".
- "casualties" set against the wounded in the same list ("5 casualties at least
  and a large number of wounded") are the dead; one number for "casualties and
  injuries" or "casualties, wounded and missing" counts both, like "killed and
  wounded". We keep that reading although UCDP codes ``best`` = N on the few
  "kill and injure N" headlines that state a number equal to ``best``: over all
  single-event UCDP headlines with such a number, ``best`` is below N in 339 and
  equal in 5.

Modules, in the order they run: ``counts_lexicon`` (the JSONL tables), ``counts_numbers``
(number phrases and their hedges; the conventions for "dozens", "scores" and ranges),
``counts_terms`` (casualty terms), ``counts_sentence`` (the state of one sentence),
``counts_attach`` with ``counts_chains`` (which numbers a term takes) and
``counts_readings`` (how a term reads). This module picks the killed and injured counts.
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.extract.counts_attach import count_for
from dateline.extract.counts_lexicon import (
    TABLES,
    CountLexicon,
    Term,
    default_lexicon,
    lexicon_from_rows,
    load_lexicon,
)
from dateline.extract.counts_numbers import Quantity
from dateline.extract.counts_readings import (
    bare,
    besides_counted,
    secondary,
    set_against_wounded,
    tells_deaths,
)
from dateline.extract.counts_sentence import Sentence
from dateline.extract.counts_terms import Hit
from dateline.records import Count, Span

__all__ = [
    "TABLES",
    "CountLexicon",
    "Term",
    "default_lexicon",
    "find_counts",
    "lexicon_from_rows",
    "load_lexicon",
]


def find_counts(
    sentence: str, offset: int, *, lexicon: CountLexicon | None = None
) -> tuple[Count | None, Count | None]:
    """(killed, injured) reported in ``sentence``; spans are shifted by ``offset``."""
    lex = lexicon or default_lexicon()
    if not lex.trigger.search(sentence):
        return None, None
    state = Sentence(sentence, lex)
    found: dict[str, Count] = {}
    totals: dict[str, Count] = {}  # running totals, used when the event's own toll is missing
    bare_spans: dict[str, Span] = {}
    plain_casualties: Hit | None = None  # the word "casualties", not "killed and wounded"
    # "the bodies of eight others": added to the event's own toll, not competing with it
    besides: dict[str, list[tuple[Count, bool]]] = {}
    for hit in state.hits:
        if hit.term.needs_toll and not tells_deaths(state, hit):
            continue  # "raised the number of checkpoints to 12"
        # A bare killing verb says someone died, also inside "killed and wounded".
        bare_label = "killed" if hit.term.label == "casualties" else hit.term.label
        parts = count_for(state, hit)
        if parts is None:
            if bare(state, hit):
                bare_spans.setdefault(bare_label, state.span(hit.first, hit.stop, offset))
            continue
        if hit.term.label == "casualties" and hit.term.bare:
            bare_spans.setdefault(bare_label, state.span(hit.first, hit.stop, offset))
        state.used.update(part.first for part in parts)
        span = state.span(min(p.first for p in parts), max(p.stop for p in parts), offset)
        yields = secondary(state, hit, parts)
        if besides_counted(state, parts):
            besides.setdefault(hit.term.label, []).append((_combine(parts, span), yields))
            continue
        slot = totals if yields else found
        if hit.term.label == "casualties" and "casualties" not in found | totals:
            plain_casualties = None if hit.term.bare else hit
        slot.setdefault(hit.term.label, _combine(parts, span))
    if (
        plain_casualties is not None
        and "killed" not in found
        and _casualties_are_dead(state, plain_casualties, found)
    ):
        source = found if "casualties" in found else totals
        found["killed"] = source.pop("casualties")
    _add_besides(state, offset, besides, found, totals)
    for label, count in totals.items():
        found.setdefault(label, count)
    for label, span in bare_spans.items():
        found.setdefault(label, Count(span=span, best=1, low=1, high=None, qualifier="vague"))
    injured = found.get("injured") or found.get("casualties")
    return found.get("killed"), injured


def _casualties_are_dead(state: Sentence, casualties: Hit, found: dict[str, Count]) -> bool:
    """ "4 casualties and several wounded", "5 casualties and a large number of wounded":
    set against the wounded, the casualties are the dead; alone, they are the dead where
    the lexicon says so."""
    wounded = any(hit.term.label == "injured" for hit in state.hits)
    return (
        (wounded and "injured" in found)
        or set_against_wounded(state, casualties)
        or (not wounded and casualties.term.alone_killed)
    )


def _add_besides(
    state: Sentence,
    offset: int,
    besides: dict[str, list[tuple[Count, bool]]],
    found: dict[str, Count],
    totals: dict[str, Count],
) -> None:
    """ "19 ... had been killed, and the bodies of eight others had been found" is 27. With
    no own toll of their kind to add to ("Hours after beheading 3 guards, the cell executes
    2 others": the 3 came before), such counts are read like any other."""
    for label, extras in besides.items():
        if label in found:
            counts = [found[label], *(count for count, _ in extras)]
            found[label] = _combine(counts, _joint_span(state, offset, counts))
            continue
        for count, yields in extras:
            (totals if yields else found).setdefault(label, count)


def _joint_span(state: Sentence, offset: int, counts: list[Count]) -> Span:
    start = min(count.span.start for count in counts)
    end = max(count.span.end for count in counts)
    return Span(state.text[start - offset : end - offset], start, end)


def _combine(parts: Sequence[Quantity | Count], span: Span) -> Count:
    """One count for joined parts: "three soldiers and two civilians" is 5; "19 ... had
    been killed, and the bodies of eight others had been found" is 27."""
    qualifiers = {part.qualifier for part in parts if part.qualifier != "exact"}
    qualifier = qualifiers.pop() if len(qualifiers) == 1 else ("vague" if qualifiers else "exact")
    highs = [part.high for part in parts]
    return Count(
        span=span,
        best=sum(part.best for part in parts),
        low=sum(part.low for part in parts),
        high=None if None in highs else sum(high for high in highs if high is not None),
        qualifier=qualifier,
    )
