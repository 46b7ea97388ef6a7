"""How a casualty term reads in its sentence: passive or active, a death or only an intent,
the event's own toll or one that yields to it (a running total, what came before).

Part of ``dateline.extract.counts``.
"""

from __future__ import annotations

from dateline.extract.counts_numbers import Quantity
from dateline.extract.counts_sentence import Sentence
from dateline.extract.counts_terms import Hit

CUMULATIVE_LOOKAHEAD = 4  # tokens after a toll searched for "since", "so far", "in total"
BACKGROUND_REACH = 4  # "Hours after ...", "About 2 months after ...": the opener comes early
CLAUSE_BREAKS = frozenset({"…", ":", ";"})  # headline clause breaks
BREAKS = CLAUSE_BREAKS | {","}
HEADLINE_BREAKS = frozenset({"…"})  # a headline's opening clause ends here
BARE_WINDOW = 5  # tokens after a killing verb searched for a victim noun
QUOTES = frozenset({"`", "'", '"', "“", "”", "‘", "’"})
# A count after these is a part of another count, not the event's own toll: "raises to 124
# the number of casualties, including 62 who were executed".
PART_OPENERS = frozenset({"including"})
SET_AGAINST_REACH = 9  # "5 casualties at least and a large number of wounded"


def passive_before(state: Sentence, hit: Hit) -> bool:
    return state.lex.has("auxiliary", state.low(hit.first - 1))


def active(state: Sentence, hit: Hit) -> bool:
    """A verb followed by its object: "killed a policeman", "killed 20"."""
    nxt = hit.stop
    return nxt in state.by_first or any(
        state.lex.has(role, state.low(nxt)) for role in ("object", "people", "reflexive")
    )


def irrealis(state: Sentence, hit: Hit) -> bool:
    """ "vowed to kill 5 hostages", "will execute prisoners": no one has died yet. Not
    "managed to kill 9" or "used a car bomb to kill 12", which report deaths."""
    if not hit.term.verb:
        return False
    before = state.low(hit.first - 1)
    if before == "to":
        return state.lex.has("intent", state.low(hit.first - 2))
    return state.lex.has("irrealis", before)


def bare(state: Sentence, hit: Hit) -> bool:
    """The term alone tells of at least one victim: "a soldier was killed", "killed him"."""
    term = hit.term
    if not term.bare or irrealis(state, hit) or _bare_infinitive(state, hit):
        return False
    return not term.verb or passive_before(state, hit) or _victim_follows(state, hit)


def _bare_infinitive(state: Sentence, hit: Hit) -> bool:
    """ "the right to kill civilians", "prepared to kill": no death, unless the verb before
    says it happened ("managed to kill a guard")."""
    return (
        hit.term.verb
        and state.low(hit.first - 1) == "to"
        and not state.lex.has("implicative", state.low(hit.first - 2))
    )


def _victim_follows(state: Sentence, hit: Hit) -> bool:
    """A bare killing verb with a victim: "killing and injuring more Iraqi civilians"."""
    for i in range(hit.stop, hit.stop + BARE_WINDOW):
        if state.lex.has("people", state.low(i)) or state.lex.has("pronoun", state.low(i)):
            return True  # "kill the “chief of the committee”", "they killed him"
        if state.low(i) in QUOTES:
            continue
        # A participle starts another clause: "those killed fighting the militants".
        if not state.is_word(i) or state.low(i).endswith("ing"):
            return False
    return False


def background_end(state: Sentence) -> int | None:
    """Where an opening clause about what came before ends (its comma), if there is one:
    "After killing 37 in the city, jets kill 25"."""
    openers = [
        i for i in range(min(BACKGROUND_REACH, len(state.tokens)))
        if state.lex.has("background", state.low(i))
    ]  # fmt: skip
    if not openers:
        return _background_clause_end(state)
    ends = (k for k in range(openers[0], len(state.tokens)) if state.low(k) in BREAKS)
    return next(ends, len(state.tokens))


def _background_clause_end(state: Sentence) -> int | None:
    """A headline's first clause, cut off by "…", that tells what came before: "More
    than 14 months after a massacre that claimed 60 lives… the group executes a man"."""
    end = next((k for k, t in enumerate(state.tokens) if t.low in HEADLINE_BREAKS), None)
    if end is None or not any(state.lex.has("background", state.low(i)) for i in range(end)):
        return None
    return end


def _background(state: Sentence, hit: Hit) -> bool:
    end = background_end(state)
    return end is not None and hit.first < end


def tells_deaths(state: Sentence, hit: Hit) -> bool:
    """Another word of the sentence says people died: "the number of victims rose to 9"."""
    return any(
        other is not hit and not other.term.needs_toll and other.term.label != "injured"
        for other in state.hits
    ) or any(state.lex.has("victims", token.low) for token in state.tokens)


def secondary(state: Sentence, hit: Hit, parts: list[Quantity]) -> bool:
    """A toll that yields to the event's own: a running total, one told in an opening
    clause or a relative clause ("a funeral for 3 people who were killed on Friday"), a
    part ("..., including 62 who were executed"), or a count of bodies seen."""
    return (
        _cumulative(state, hit, parts)
        or _background(state, hit)
        or hit in state.through_relative
        or state.low(parts[0].first - 1) in PART_OPENERS
        or hit.term.secondary
    )


def besides_counted(state: Sentence, parts: list[Quantity]) -> bool:
    """ "the bodies of eight others", "two other soldiers": people besides those the sentence
    already counts, so the count adds to theirs. Not after "including", where the others
    are one more part of a total ("15 were killed, including 3 soldiers and 12 other
    people")."""
    first = parts[0].first
    return state.lex.has("besides", state.low(parts[0].stop)) and not any(
        state.low(k) in PART_OPENERS for k in range(first)
    )


def _cumulative(state: Sentence, hit: Hit, parts: list[Quantity]) -> bool:
    """A running total: "the death toll rose to 40", "300 killed since January"."""
    if hit.term.cumulative:
        return True
    stop = max(hit.stop, *(part.stop for part in parts))
    after = range(stop, stop + CUMULATIVE_LOOKAHEAD)
    return any(state.lex.has("cumulative", state.low(k)) for k in after)


def set_against_wounded(state: Sentence, casualties: Hit) -> bool:
    """The wounded follow the casualties in the same list: "5 casualties and many wounded"."""
    reach = range(casualties.stop, casualties.stop + SET_AGAINST_REACH)
    joined = any(state.low(k) == "and" for k in reach)
    return joined and any(hit.term.label == "injured" and hit.first in reach for hit in state.hits)
