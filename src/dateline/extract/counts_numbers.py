"""Numbers of people in a sentence: digits, number words, vague quantities, ranges, hedges.

Part of ``dateline.extract.counts``. Hand-written rather than a number-parsing library:
besides the value we need the tokens a number covers and its hedge ("at least 57",
"dozens", "between 10 and 15"), read against the count lexicon.

Conventions (lexicon ``quantities``): dozens = 24, scores = 40, hundreds = 200,
several = a few = 3. "up to N" allows 1..N; a range's best is its low end;
"about N" keeps N as low and high, its qualifier marking it approximate.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from dateline.extract.counts_lexicon import CountLexicon

MAX_PHRASE_TOKENS = 3  # longest lexicon phrase: "tens of thousands", "no fewer than"
THOUSAND = 1000  # scales from here on close a group: "two hundred thousand" = 200 * 1000

# Words, numbers (with thousands separators, decimals, ranges and glued
# suffixes such as "25-year-old" kept whole), currency and percent signs.
DOUBLE_QUOTES = frozenset({'"', "\u201c", "\u201d"})
TOKEN_RE = re.compile(r"[$£€%]|\d+(?:[.,]\d+)*[^\W_]*(?:[-–]\w+)*|[^\W\d_]+(?:[-'’.][^\W\d_]+)*|\S")
INTEGER_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
DECIMAL_RE = re.compile(r"\d+\.\d+")
RANGE_RE = re.compile(r"(\d+)[-–](\d+)")
YEAR_RE = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class Token:
    text: str
    low: str
    start: int
    end: int


@dataclass(frozen=True)
class Quantity:
    """A number phrase over tokens [first, stop), hedge included."""

    first: int
    stop: int
    best: int
    low: int
    high: int | None
    qualifier: str
    person: bool = False  # "himself": one person, no noun needed


def tokenize(sentence: str) -> list[Token]:
    """The sentence's words and signs, without double quotes: a quoted toll ('killed
    "dozens of Muslims"') reads as the same words unquoted."""
    return [
        Token(m.group(), m.group().lower(), m.start(), m.end())
        for m in TOKEN_RE.finditer(sentence)
        if m.group() not in DOUBLE_QUOTES
    ]


def quantities(tokens: list[Token], lex: CountLexicon) -> dict[int, Quantity]:
    """People-counting number phrases, keyed by their first token."""
    found: dict[int, Quantity] = {}
    i = 0
    while i < len(tokens):
        quantity = _parse_quantity(tokens, i, lex)
        if quantity is None:
            i += 1
            continue
        if _counts_people(tokens, quantity, lex):
            found[quantity.first] = quantity
        i = quantity.stop
    return found


def _match_phrase(
    tokens: list[Token], i: int, table: Mapping[tuple[str, ...], object]
) -> tuple[str, ...] | None:
    """The longest key of ``table`` (up to MAX_PHRASE_TOKENS words) spelled from token ``i``."""
    for size in range(min(MAX_PHRASE_TOKENS, len(tokens) - i), 0, -1):
        key = tuple(token.low for token in tokens[i : i + size])
        if key in table:
            return key
    return None


def _digits(text: str) -> int | None:
    if INTEGER_RE.fullmatch(text):
        return int(text.replace(",", ""))
    return None


def _word_number(tokens: list[Token], i: int, lex: CountLexicon) -> tuple[int, int, str] | None:
    """(value, next index, kind) for a spelled number: "two hundred and fifty", "twenty-five"."""
    phrase = _match_phrase(tokens, i, lex.numbers)
    if phrase and lex.numbers[phrase][0] in ("vague", "number"):
        kind, value = lex.numbers[phrase]
        return value, i + len(phrase), kind
    total = current = 0
    j = i
    seen = False
    if j < len(tokens) and tokens[j].low in ("a", "an"):
        if j + 1 >= len(tokens) or lex.kind(tokens[j + 1].low) != "scale":
            return None
        current, j = 1, j + 1  # "a hundred", "a million"
    while j < len(tokens):
        entries = [lex.numbers.get((part,)) for part in tokens[j].low.split("-")]
        if not all(entries):
            nxt = tokens[j + 1].low if j + 1 < len(tokens) else ""
            # "two hundred and fifty": "and" inside a spelled number.
            if seen and tokens[j].low == "and" and lex.kind(nxt) in ("unit", "ten"):
                j += 1
                continue
            break
        for kind, value in entries:
            if kind == "scale":
                current = max(current, 1) * value
                if value >= THOUSAND:
                    total, current = total + current, 0
            elif kind in ("unit", "ten"):
                current += value
            else:
                return None
        seen = True
        j += 1
    if not seen:
        return None
    return total + current, j, "number"


def _number(tokens: list[Token], i: int, lex: CountLexicon) -> tuple[int, int, str] | None:
    """(value, next index, kind) for the number starting at token ``i``."""
    if i >= len(tokens):
        return None
    text = tokens[i].text
    scale = tokens[i + 1].low if i + 1 < len(tokens) else ""
    multiplier = lex.numbers[(scale,)][1] if lex.kind(scale) == "scale" else None
    if DECIMAL_RE.fullmatch(text) and multiplier:
        return round(float(text) * multiplier), i + 2, "number"  # "1.5 million"
    value = _digits(text)
    if value is not None:
        if multiplier:
            return value * multiplier, i + 2, "number"
        return value, i + 1, "number"
    return _word_number(tokens, i, lex)


def _hedged(value: int, qualifier: str, exclusive: bool) -> tuple[int, int, int | None]:
    """(best, low, high) for a number under a hedge."""
    if qualifier == "at_least":
        return value, value, None
    if qualifier == "more_than":
        return value, value + 1, None
    if qualifier == "up_to":
        return value, 1, value - 1 if exclusive else value
    return value, value, value  # exact, about: the words give no other bound


def _parse_quantity(tokens: list[Token], i: int, lex: CountLexicon) -> Quantity | None:
    """The hedged number phrase starting at token ``i``, if any."""
    qualifier, exclusive = "exact", False
    j = i
    phrase = _match_phrase(tokens, i, lex.qualifiers)
    if phrase:
        qualifier, exclusive = lex.qualifiers[phrase]
        j = i + len(phrase)
    if j < len(tokens) and tokens[j].low == "between":
        return _between(tokens, i, j, lex)
    if j < len(tokens) and (found := RANGE_RE.fullmatch(tokens[j].text)):
        low, high = int(found.group(1)), int(found.group(2))
        if low < high:
            return Quantity(i, j + 1, low, low, high, "range")
    parsed = _number(tokens, j, lex)
    if parsed is None:
        return None
    value, stop, kind = parsed
    if kind == "vague":
        return Quantity(i, stop, value, value, None, "vague")
    if stop + 1 < len(tokens) and tokens[stop].low in ("to", "-", "–") and qualifier == "exact":
        upper = _number(tokens, stop + 1, lex)
        preceded_by_from = i > 0 and tokens[i - 1].low == "from"
        if upper and upper[2] == "number" and upper[0] > value and not preceded_by_from:
            return Quantity(i, upper[1], value, value, upper[0], "range")
    if qualifier == "exact":
        qualifier = _trailing_hedge(tokens, stop, lex) or qualifier
    best, low, high = _hedged(value, qualifier, exclusive)
    return Quantity(i, stop, best, low, high, qualifier)


def _trailing_hedge(tokens: list[Token], stop: int, lex: CountLexicon) -> str | None:
    """ "5 persons at least": a lower bound written after the number (headline style)."""
    for start in (stop, stop + 1):
        phrase = _match_phrase(tokens, start, lex.qualifiers)
        if phrase and lex.qualifiers[phrase][0] == "at_least":
            return "at_least"
    return None


def _between(tokens: list[Token], i: int, j: int, lex: CountLexicon) -> Quantity | None:
    """ "between 10 and 15" """
    first = _number(tokens, j + 1, lex)
    if first is None or first[1] >= len(tokens) or tokens[first[1]].low != "and":
        return None
    second = _number(tokens, first[1] + 1, lex)
    if second is None or second[0] <= first[0]:
        return None
    return Quantity(i, second[1], first[0], first[0], second[0], "range")


def _counts_people(tokens: list[Token], quantity: Quantity, lex: CountLexicon) -> bool:
    """False for numbers that measure something else: units, dates, money, ages."""
    before = tokens[quantity.first - 1].low if quantity.first > 0 else ""
    after = tokens[quantity.stop].low if quantity.stop < len(tokens) else ""
    if lex.has("marker", before) or lex.has("calendar", before):
        return False
    if lex.has("unit", after) or lex.has("calendar", after):
        return False
    last = tokens[quantity.stop - 1].text
    return not (YEAR_RE.fullmatch(last) and not lex.has("people", after))
