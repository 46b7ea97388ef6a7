"""Counts joined by "and" or a comma, which add up when each names people: "three soldiers
and two civilians" is 5, "kill a woman and 2 of her children" is 3.

Part of ``dateline.extract.counts``.
"""

from __future__ import annotations

from dateline.extract.counts_numbers import Quantity
from dateline.extract.counts_sentence import Sentence
from dateline.extract.counts_terms import CONJUNCTIONS

MAX_CHAIN_GAP = 3  # words between a number and "and" in "three Iraqi soldiers and ..."
# Prepositions and relatives that end a noun phrase ("a man in Homs", "a child who ...").
PHRASE_ENDERS = frozenset(
    ("of", "in", "at", "on", "near", "from", "with", "by", "inside", "during", "while", "who")
)
POSSESSIVES = frozenset(("his", "her", "their", "its"))


def chain_left(state: Sentence, quantity: Quantity) -> list[Quantity]:
    """Counts before ``quantity`` joined to it: "three soldiers and two civilians"."""
    parts = [quantity]
    joint = quantity.first - 1
    while state.low(joint) in ("and", ","):
        for gap in range(1, MAX_CHAIN_GAP + 1):
            earlier = state.free(state.by_last.get(joint - gap - 1))
            if earlier and _names_people(state, joint - gap, joint):
                parts.insert(0, earlier)
                joint = earlier.first - 1
                break
        else:
            break
    return parts


def chain_right(state: Sentence, quantity: Quantity) -> list[Quantity]:
    """Counts after ``quantity`` joined to it: "killing two soldiers and three police"."""
    parts = [quantity]
    k = quantity.stop
    while True:
        joint = next(
            (k + gap for gap in range(MAX_CHAIN_GAP + 1) if state.low(k + gap) in ("and", ",")),
            None,
        )
        if joint is None or not (parts[-1].person or _names_people(state, k, joint)):
            return parts
        # "a father, a mother and their 5 children"
        start = joint + 1 + (state.low(joint + 1) in POSSESSIVES)  # "and their 5 children"
        later = state.free(state.by_first.get(start)) or one_person(state, start)
        if later is None:
            return parts
        noun_end = later.stop if later.person else _noun_end(state, later)
        # "killing 5 people and 20 wounded": 20 belongs to its own term; not so in "kill a
        # man and 3 children and injure others", where "and" starts another clause.
        if noun_end is None or _own_term_follows(state, noun_end):
            return parts
        parts.append(later)
        k = noun_end


def one_person(state: Sentence, k: int) -> Quantity | None:
    """ "kill a man and 3 children": "a" before a word for a person is one of them, read
    like a bare killing verb (at least one) so that alone it stays what it was."""
    if state.low(k) not in ("a", "an"):
        return None
    for noun in range(k + 1, k + 1 + MAX_CHAIN_GAP):
        if not state.is_word(noun) or state.lex.has("barrier", state.low(noun)):
            return None
        # The head of its phrase: "a woman and", "a man in", not "a rebel spokesman".
        if state.lex.has("people", state.low(noun)) and _phrase_ends(state, noun + 1):
            return Quantity(k, noun + 1, 1, 1, None, "vague", person=True)
    return None


def _names_people(state: Sentence, first: int, stop: int) -> bool:
    """Tokens [first, stop) are a short noun phrase naming people."""
    words = range(first, stop)
    return (
        0 < stop - first <= MAX_CHAIN_GAP
        and all(state.is_word(i) and not state.lex.has("barrier", state.low(i)) for i in words)
        and any(state.lex.has("people", state.low(i)) for i in words)
    )


def _phrase_ends(state: Sentence, k: int) -> bool:
    return not state.is_word(k) or state.low(k) in CONJUNCTIONS | PHRASE_ENDERS


def _noun_end(state: Sentence, quantity: Quantity) -> int | None:
    """Where the short noun phrase naming the people of ``quantity`` ends."""
    ends = (quantity.stop + gap for gap in range(1, MAX_CHAIN_GAP + 1))
    return next((end for end in ends if _names_people(state, quantity.stop, end)), None)


def _own_term_follows(state: Sentence, noun_end: int) -> bool:
    """A casualty term right after the noun phrase (or after its auxiliary), not after
    "and" opening another clause."""
    if noun_end in state.term_tokens:
        return True
    return noun_end + 1 in state.term_tokens and state.low(noun_end) not in CONJUNCTIONS
