"""Which number a casualty term takes: on its right ("killing 71"), on its left ("57
civilians were killed"), or the number opening the sentence as the subject of a passive
killing verb ("8 of the regime forces and militiamen loyal to them were killed").

Part of ``dateline.extract.counts``.
"""

from __future__ import annotations

from dateline.extract.counts_chains import MAX_CHAIN_GAP, chain_left, chain_right, one_person
from dateline.extract.counts_lexicon import MAX_LEFT_GAP
from dateline.extract.counts_numbers import Quantity
from dateline.extract.counts_readings import (
    CLAUSE_BREAKS,
    QUOTES,
    active,
    background_end,
    irrealis,
    passive_before,
)
from dateline.extract.counts_sentence import Sentence
from dateline.extract.counts_terms import CONJUNCTIONS, Hit

# A number opening the sentence is the subject of a passive killing verb however long the
# noun phrase between ("8 of the regime forces and militiamen loyal to them were killed").
MAX_SUBJECT_GAP = 16
MAX_RIGHT_GAP = 8  # "the death toll in the Syrian crisis now stands at 10,000"
ASIDE_OPENERS = frozenset({"including", "among", "mostly", "mainly", "many"})


def count_for(state: Sentence, hit: Hit) -> list[Quantity] | None:
    """The counts ``hit`` takes, joined ones included; None when it takes no number."""
    term = hit.term
    if irrealis(state, hit):
        return None
    sides = ["right", "left"] if not passive_before(state, hit) else ["left", "right"]
    for side in sides:
        if term.attach not in (side, "both"):
            continue
        if side == "right":
            quantity = _right_of(state, hit)
        else:
            quantity = _left_of(state, hit) or _subject_number(state, hit)
        if quantity is not None:
            if side == "right":
                return chain_right(state, quantity)
            return chain_left(state, quantity)
    return None


def _right_of(state: Sentence, hit: Hit) -> Quantity | None:
    """ "killing 71", "the death toll in the province rose to 40", "killed himself" """
    k = hit.stop
    if state.lex.has("reflexive", state.low(k)):
        return Quantity(k, k + 1, 1, 1, 1, "exact", person=True)
    if quantity := state.free(state.by_first.get(k)):
        return quantity
    if hit.term.verb and (quantity := _group_of(state, k) or one_person(state, k)):
        return quantity
    if hit.term.right_filler and (quantity := _after_filler(state, hit)):
        return quantity
    return _raised_to(state, hit) if hit.term.to_within else None


def _after_filler(state: Sentence, hit: Hit) -> Quantity | None:
    """ "the death toll in the province rose to 40" """
    for k in range(hit.stop, hit.stop + MAX_RIGHT_GAP):
        if not state.is_word(k) or state.lex.has("barrier", state.low(k)):
            return None
        quantity = state.free(state.by_first.get(k + 1))
        if quantity is None and state.low(k + 1) == "the":
            # "the lives of the 5 fighters", not "the death toll of the two blasts"
            quantity = state.free(state.by_first.get(k + 2))
            if quantity and not state.lex.has("people", state.low(quantity.stop)):
                quantity = None
        if quantity and _is_filler(state, k, hit):
            return quantity
    return None


def _is_filler(state: Sentence, k: int, hit: Hit) -> bool:
    return state.lex.has("filler", state.low(k)) or state.low(k) in hit.term.fillers


def _group_of(state: Sentence, k: int) -> Quantity | None:
    """ "killed a family of seven": the group's number is the toll."""
    if state.low(k) in ("a", "an", "the"):
        k += 1
    if state.lex.has("group", state.low(k)) and state.low(k + 1) == "of":
        return state.free(state.by_first.get(k + 2))
    return None


def _raised_to(state: Sentence, hit: Hit) -> Quantity | None:
    """ "raise the number of those killed in the shelling to 20": the "to" comes late."""
    for k in range(hit.stop, min(hit.stop + hit.term.to_within, len(state.tokens))):
        if state.low(k) in (".", ";"):
            return None
        if state.low(k) == "to" and (quantity := state.free(state.by_first.get(k + 1))):
            return quantity
    return None


def _left_of(state: Sentence, hit: Hit) -> Quantity | None:
    """ "57 Iraqi civilians were killed", "40 dead" """
    k = hit.first - 1
    passive = relative = False
    gap = 0
    while k >= 0 and gap <= hit.term.max_left_gap:
        if quantity := state.by_last.get(k):
            # "321 injured Libyans" right before the term is adjectival, not active.
            if hit.term.verb and gap and not passive and active(state, hit):
                return None
            if relative:
                state.through_relative.add(hit)
            return state.free(_including(state, quantity) or quantity)
        word = state.low(k)
        if word in QUOTES:
            k -= 1
            continue
        if word == ",":
            k = _before_aside(state, k)
            continue
        if _relative_to(state, k, hit):
            relative = True  # "2 members who were killed": they died
            k -= 1
            continue
        if not state.is_word(k) or k in state.term_tokens or _blocks(state, k):
            return None
        passive = passive or state.lex.has("auxiliary", word)
        k -= 1
        gap += 1
    return None


def _relative_to(state: Sentence, k: int, hit: Hit) -> bool:
    """Token ``k`` is a relative pronoun whose clause is the killing itself: "who were
    killed", "who died"; not "who killed a guard" (the killers)."""
    if not state.lex.has("relative", state.low(k)):
        return False
    between = range(k + 1, hit.first)
    if not all(state.lex.has("auxiliary", state.low(i)) for i in between):
        return False
    # "who were killed"; "who died" (a bare word of death), not "one that lives".
    return len(between) > 0 if hit.term.verb else hit.term.bare


def _subject_number(state: Sentence, hit: Hit) -> Quantity | None:
    """The number opening the sentence as the subject of a passive killing verb, however
    long its noun phrase: "22 fighters and members of the factions were killed"."""
    starts = [0, *(i + 1 for i in range(hit.first) if state.low(i) in CLAUSE_BREAKS)]
    if (end := background_end(state)) is not None and end < hit.first:
        starts.append(end + 1)  # the main clause after "After ..., "
    start = max(starts)
    start += state.low(start) in CONJUNCTIONS  # "...and 69 members of the factions"
    subject = state.free(state.by_first.get(start))
    # A verb reads as passive with its auxiliary, or in a headline with no object after
    # it ("12 members of the militia killed in clashes").
    passive = passive_before(state, hit) or not active(state, hit)
    if subject is None or (hit.term.verb and not passive):
        return None  # "5 gunmen stormed the bank and killed a guard": the killers
    if not (state.lex.has("people", state.low(subject.stop)) or state.low(subject.stop) == "of"):
        return None  # "5 rockets hit the town and civilians were killed"
    between = range(subject.stop, hit.first)
    if len(between) > MAX_SUBJECT_GAP:
        return None
    aside = False
    in_aside = set()  # the numbers of the aside: "10 fighters including 5 Egyptians"
    for k in between:
        word = state.low(k)
        aside = aside or word in ASIDE_OPENERS
        if k in state.term_tokens or (k in state.by_first and not aside):
            return None  # another number or toll: another clause
        if k in state.by_first:
            in_aside.update(range(k, state.by_first[k].stop))
        if k in in_aside or word in QUOTES or word in CONJUNCTIONS or word == ",":
            continue  # lists inside the subject: "of the regime, its allies, and ISIS"
        if not state.is_word(k) or state.lex.has("barrier", word):
            return None
    return subject


def _blocks(state: Sentence, k: int) -> bool:
    """A barrier word, except "and"/"or" between people: "500 soldiers and police", "19
    policemen and tribal fighters" (the number counts the whole coordinated phrase)."""
    if not state.lex.has("barrier", state.low(k)):
        return False
    joins_people = (
        state.low(k) in CONJUNCTIONS
        and state.lex.has("people", state.low(k - 1))
        and _people_follow(state, k + 1)
    )
    return not joins_people


def _people_follow(state: Sentence, k: int) -> bool:
    """A short noun phrase for people starts at ``k``: "police", "tribal fighters"."""
    for i in range(k, k + MAX_CHAIN_GAP):
        if not state.is_word(i) or state.lex.has("barrier", state.low(i)):
            return False
        if state.lex.has("people", state.low(i)):
            return True
    return False


def _before_aside(state: Sentence, comma: int) -> int:
    """The token before ", including seven defectors," or -1 when the comma ends no aside."""
    for k in range(comma - 1, max(comma - MAX_LEFT_GAP, 0) - 1, -1):
        if state.low(k) == "," and state.low(k + 1) in ASIDE_OPENERS:
            return k - 1
    return -1


def _including(state: Sentence, part: Quantity) -> Quantity | None:
    """The total in "6 soldiers including 2 officers were killed"."""
    if state.low(part.first - 1) != "including":
        return None
    k = part.first - 2
    for _ in range(MAX_CHAIN_GAP + 1):
        if total := state.by_last.get(k):
            return total
        if not state.is_word(k) or state.lex.has("barrier", state.low(k)):
            return None
        k -= 1
    return None
