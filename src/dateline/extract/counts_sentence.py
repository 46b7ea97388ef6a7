"""One sentence as the toll rules see it: tokens, numbers, terms, and the numbers taken.

Part of ``dateline.extract.counts``; the rules over it are in ``counts_readings``,
``counts_chains`` and ``counts_attach``.
"""

from __future__ import annotations

from dateline.extract.counts_lexicon import CountLexicon
from dateline.extract.counts_numbers import Quantity, quantities, tokenize
from dateline.extract.counts_terms import Hit, term_hits
from dateline.records import Span


class Sentence:
    """One sentence's tokens, numbers and terms, and the numbers already claimed."""

    def __init__(self, sentence: str, lex: CountLexicon) -> None:
        self.text = sentence
        self.lex = lex
        self.tokens = tokenize(sentence)
        self.by_first = quantities(self.tokens, lex)
        self.by_last = {quantity.stop - 1: quantity for quantity in self.by_first.values()}
        self.hits = term_hits(self.tokens, lex)
        self.term_tokens = {i for hit in self.hits for i in range(hit.first, hit.stop)}
        self.used: set[int] = set()
        self.through_relative: set[Hit] = set()  # hits whose number came over "who were"

    def low(self, i: int) -> str:
        return self.tokens[i].low if 0 <= i < len(self.tokens) else ""

    def is_word(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.tokens[i].low[:1].isalpha()

    def free(self, quantity: Quantity | None) -> Quantity | None:
        return quantity if quantity is not None and quantity.first not in self.used else None

    def span(self, first: int, stop: int, offset: int) -> Span:
        start, end = self.tokens[first].start, self.tokens[stop - 1].end
        return Span(self.text[start:end], offset + start, offset + end)
