"""Casualty terms found in a sentence's tokens ("killed", "death toll", "wounded").

Part of ``dateline.extract.counts``.
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.extract.counts_lexicon import CountLexicon, Term
from dateline.extract.counts_numbers import Token

CONJUNCTIONS = frozenset({"and", "or", "&", "/"})


@dataclass(frozen=True)
class Hit:
    """A casualty term over tokens [first, stop)."""

    term: Term
    first: int
    stop: int


def term_hits(tokens: list[Token], lex: CountLexicon) -> list[Hit]:
    """The lexicon's terms in ``tokens``, longest first at each token, without overlaps."""
    hits: list[Hit] = []
    i = 0
    while i < len(tokens):
        for term in lex.terms.get(tokens[i].low, ()):
            size = len(term.words)
            if tuple(token.low for token in tokens[i : i + size]) == term.words:
                hits.append(Hit(term, i, i + size))
                i += size
                break
        else:
            i += 1
    return _merge_killed_and_injured(tokens, hits)


def _merge_killed_and_injured(tokens: list[Token], hits: list[Hit]) -> list[Hit]:
    """ "46 killed and wounded", "killing or injuring 40", "40 casualties, wounded and missing":
    one number for both, so casualties."""
    merged: list[Hit] = []
    for hit in hits:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.term.label in ("killed", "casualties")
            and hit.term.label == "injured"
            and hit.first == previous.stop + 1
            and tokens[previous.stop].low in CONJUNCTIONS | {","}
        ):
            left = previous.term.attach in ("left", "both")
            right = hit.term.attach in ("right", "both")
            term = Term(
                words=(*previous.term.words, tokens[previous.stop].low, *hit.term.words),
                label="casualties",
                attach="both" if left and right else ("left" if left else "right"),
                verb=previous.term.verb,
                bare=True,  # killing and wounding someone: at least one died
                right_filler=False,
                max_left_gap=previous.term.max_left_gap,
            )
            merged[-1] = Hit(term, previous.first, hit.stop)
        else:
            merged.append(hit)
    return merged
