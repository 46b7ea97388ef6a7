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

Conventions (lexicon ``quantities``): dozens = 24, scores = 40, hundreds = 200,
several = a few = 3. "up to N" allows 1..N; a range's best is its low end;
"about N" keeps N as low and high, its qualifier marking it approximate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

from dateline.extract.lexicon import load_rows
from dateline.records import Count, Span

TABLES = ("terms", "quantities", "qualifiers", "words")  # data/counts/<name>.jsonl

# How far apart a number and its term may be, in tokens. Five words cover
# "at least 57 Iraqi civilians were killed" and "57 people in a market were
# killed"; beyond that the number usually belongs to another clause.
MAX_LEFT_GAP = 8  # "some 2,000 members of the security forces have been killed"
# A number opening the sentence is the subject of a passive killing verb however long the
# noun phrase between ("8 of the regime forces and militiamen loyal to them were killed").
MAX_SUBJECT_GAP = 16
CUMULATIVE_LOOKAHEAD = 4  # tokens after a toll searched for "since", "so far", "in total"
BACKGROUND_REACH = 4  # "Hours after ...", "About 2 months after ...": the opener comes early
CLAUSE_BREAKS = frozenset({"…", ":", ";"})  # headline clause breaks
BREAKS = CLAUSE_BREAKS | {","}
HEADLINE_BREAKS = frozenset({"…"})  # a headline's opening clause ends here
MAX_RIGHT_GAP = 8  # "the death toll in the Syrian crisis now stands at 10,000"
MAX_CHAIN_GAP = 3  # words between a number and "and" in "three Iraqi soldiers and ..."
BARE_WINDOW = 5  # tokens after a killing verb searched for a victim noun
MAX_PHRASE_TOKENS = 3  # longest lexicon phrase: "tens of thousands", "no fewer than"
THOUSAND = 1000  # scales from here on close a group: "two hundred thousand" = 200 * 1000
CONJUNCTIONS = frozenset({"and", "or", "&", "/"})
# Prepositions and relatives that end a noun phrase ("a man in Homs", "a child who ...").
PHRASE_ENDERS = frozenset(
    ("of", "in", "at", "on", "near", "from", "with", "by", "inside", "during", "while", "who")
)
QUOTES = frozenset({"`", "'", '"', "“", "”", "‘", "’"})
POSSESSIVES = frozenset(("his", "her", "their", "its"))
ASIDE_OPENERS = frozenset({"including", "among", "mostly", "mainly", "many"})
# A count after these is a part of another count, not the event's own toll: "raises to 124
# the number of casualties, including 62 who were executed".
PART_OPENERS = frozenset({"including"})
SET_AGAINST_REACH = 9  # "5 casualties at least and a large number of wounded"

# Words, numbers (with thousands separators, decimals, ranges and glued
# suffixes such as "25-year-old" kept whole), currency and percent signs.
TOKEN_RE = re.compile(r"[$£€%]|\d+(?:[.,]\d+)*[^\W_]*(?:[-–]\w+)*|[^\W\d_]+(?:[-'’.][^\W\d_]+)*|\S")
INTEGER_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
DECIMAL_RE = re.compile(r"\d+\.\d+")
RANGE_RE = re.compile(r"(\d+)[-–](\d+)")
YEAR_RE = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class Term:
    """A casualty word or phrase and how it takes its number."""

    words: tuple[str, ...]
    label: str  # killed | injured | casualties
    attach: str  # left | right | both
    verb: bool
    bare: bool
    right_filler: bool
    max_left_gap: int = MAX_LEFT_GAP
    cumulative: bool = False  # a running total ("the death toll rose to 40")
    alone_killed: bool = False  # "casualties" as the dead when nothing else is counted
    to_within: int = 0  # the number follows a "to" up to this many words on ("rose ... to 9")
    needs_toll: bool = False  # counts only where another word tells of deaths
    fillers: frozenset[str] = frozenset()  # this term's own fillers ("an assassination targets 3")
    secondary: bool = False  # yields to a killing count ("shown the bodies of 5 ... killed 7")


@dataclass(frozen=True)
class CountLexicon:
    """Everything find_counts knows about words, from JSONL rows."""

    terms: Mapping[str, tuple[Term, ...]]  # first word -> terms, longest first
    numbers: Mapping[tuple[str, ...], tuple[str, int]]  # words -> (kind, value)
    qualifiers: Mapping[tuple[str, ...], tuple[str, bool]]  # words -> (qualifier, exclusive)
    roles: Mapping[str, frozenset[str]]  # role -> words
    trigger: re.Pattern[str]  # any term: sentences without one are skipped at once

    def has(self, role: str, word: str) -> bool:
        return word in self.roles.get(role, frozenset())

    def kind(self, word: str) -> str | None:
        """unit, ten, scale, number or vague for a one-word number; None otherwise."""
        entry = self.numbers.get((word,))
        return entry[0] if entry else None


def lexicon_from_rows(rows: Iterable[dict]) -> CountLexicon:
    """Build a lexicon from rows of any of the four kinds, told apart by their keys."""
    terms: list[Term] = []
    numbers: dict[tuple[str, ...], tuple[str, int]] = {}
    qualifiers: dict[tuple[str, ...], tuple[str, bool]] = {}
    roles: dict[str, set[str]] = {}
    for row in rows:
        if "term" in row:
            terms.append(
                Term(
                    words=tuple(row["term"].lower().split()),
                    label=row["label"],
                    attach=row["attach"],
                    verb=bool(row.get("verb")),
                    bare=bool(row.get("bare")),
                    right_filler=bool(row.get("right_filler")),
                    max_left_gap=int(row.get("max_left_gap", MAX_LEFT_GAP)),
                    cumulative=bool(row.get("cumulative")),
                    alone_killed=bool(row.get("alone_killed")),
                    to_within=int(row.get("to_within", 0)),
                    needs_toll=bool(row.get("needs_toll")),
                    fillers=frozenset(row.get("fillers", ())),
                    secondary=bool(row.get("secondary")),
                )
            )
        elif "kind" in row:
            numbers[tuple(row["word"].lower().split())] = (row["kind"], int(row["value"]))
        elif "qualifier" in row:
            key = tuple(row["phrase"].lower().split())
            qualifiers[key] = (row["qualifier"], bool(row.get("exclusive")))
        else:
            roles.setdefault(row["role"], set()).add(row["word"].lower())
    # Longest terms first, so "death toll" wins over "toll".
    terms.sort(key=lambda term: -len(term.words))
    by_first: dict[str, list[Term]] = {}
    for term in terms:
        by_first.setdefault(term.words[0], []).append(term)
    words = sorted({re.escape(" ".join(term.words)) for term in terms}, key=len, reverse=True)
    return CountLexicon(
        terms=MappingProxyType({word: tuple(group) for word, group in by_first.items()}),
        numbers=MappingProxyType(numbers),
        qualifiers=MappingProxyType(qualifiers),
        roles=MappingProxyType({role: frozenset(words) for role, words in roles.items()}),
        trigger=re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE),
    )


def load_lexicon(*, extra_dirs: Sequence[str | Path] = ()) -> CountLexicon:
    """The packaged count tables plus the user's own (see ``dateline.extract.lexicon``)."""
    rows = [row for name in TABLES for row in load_rows("counts", name, extra_dirs=extra_dirs)]
    return lexicon_from_rows(rows)


@cache
def default_lexicon() -> CountLexicon:
    return load_lexicon()


@dataclass(frozen=True)
class _Token:
    text: str
    low: str
    start: int
    end: int


@dataclass(frozen=True)
class _Quantity:
    """A number phrase over tokens [first, stop), hedge included."""

    first: int
    stop: int
    best: int
    low: int
    high: int | None
    qualifier: str
    person: bool = False  # "himself": one person, no noun needed


def _tokens(sentence: str) -> list[_Token]:
    return [
        _Token(m.group(), m.group().lower(), m.start(), m.end())
        for m in TOKEN_RE.finditer(sentence)
    ]


def _match_phrase(
    tokens: list[_Token], i: int, table: Mapping[tuple[str, ...], object]
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


def _word_number(tokens: list[_Token], i: int, lex: CountLexicon) -> tuple[int, int, str] | None:
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


def _number(tokens: list[_Token], i: int, lex: CountLexicon) -> tuple[int, int, str] | None:
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


def _parse_quantity(tokens: list[_Token], i: int, lex: CountLexicon) -> _Quantity | None:
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
            return _Quantity(i, j + 1, low, low, high, "range")
    parsed = _number(tokens, j, lex)
    if parsed is None:
        return None
    value, stop, kind = parsed
    if kind == "vague":
        return _Quantity(i, stop, value, value, None, "vague")
    if stop + 1 < len(tokens) and tokens[stop].low in ("to", "-", "–") and qualifier == "exact":
        upper = _number(tokens, stop + 1, lex)
        preceded_by_from = i > 0 and tokens[i - 1].low == "from"
        if upper and upper[2] == "number" and upper[0] > value and not preceded_by_from:
            return _Quantity(i, upper[1], value, value, upper[0], "range")
    if qualifier == "exact":
        qualifier = _trailing_hedge(tokens, stop, lex) or qualifier
    best, low, high = _hedged(value, qualifier, exclusive)
    return _Quantity(i, stop, best, low, high, qualifier)


def _trailing_hedge(tokens: list[_Token], stop: int, lex: CountLexicon) -> str | None:
    """ "5 persons at least": a lower bound written after the number (headline style)."""
    for start in (stop, stop + 1):
        phrase = _match_phrase(tokens, start, lex.qualifiers)
        if phrase and lex.qualifiers[phrase][0] == "at_least":
            return "at_least"
    return None


def _between(tokens: list[_Token], i: int, j: int, lex: CountLexicon) -> _Quantity | None:
    """ "between 10 and 15" """
    first = _number(tokens, j + 1, lex)
    if first is None or first[1] >= len(tokens) or tokens[first[1]].low != "and":
        return None
    second = _number(tokens, first[1] + 1, lex)
    if second is None or second[0] <= first[0]:
        return None
    return _Quantity(i, second[1], first[0], first[0], second[0], "range")


def _counts_people(tokens: list[_Token], quantity: _Quantity, lex: CountLexicon) -> bool:
    """False for numbers that measure something else: units, dates, money, ages."""
    before = tokens[quantity.first - 1].low if quantity.first > 0 else ""
    after = tokens[quantity.stop].low if quantity.stop < len(tokens) else ""
    if lex.has("marker", before) or lex.has("calendar", before):
        return False
    if lex.has("unit", after) or lex.has("calendar", after):
        return False
    last = tokens[quantity.stop - 1].text
    return not (YEAR_RE.fullmatch(last) and not lex.has("people", after))


def _quantities(tokens: list[_Token], lex: CountLexicon) -> dict[int, _Quantity]:
    """People-counting number phrases, keyed by their first token."""
    found: dict[int, _Quantity] = {}
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


@dataclass(frozen=True)
class _Hit:
    term: Term
    first: int
    stop: int


def _term_hits(tokens: list[_Token], lex: CountLexicon) -> list[_Hit]:
    hits: list[_Hit] = []
    i = 0
    while i < len(tokens):
        for term in lex.terms.get(tokens[i].low, ()):
            size = len(term.words)
            if tuple(token.low for token in tokens[i : i + size]) == term.words:
                hits.append(_Hit(term, i, i + size))
                i += size
                break
        else:
            i += 1
    return _merge_killed_and_injured(tokens, hits)


def _merge_killed_and_injured(tokens: list[_Token], hits: list[_Hit]) -> list[_Hit]:
    """ "46 killed and wounded", "killing or injuring 40", "40 casualties, wounded and missing":
    one number for both, so casualties."""
    merged: list[_Hit] = []
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
            merged[-1] = _Hit(term, previous.first, hit.stop)
        else:
            merged.append(hit)
    return merged


class _Sentence:
    """One sentence's tokens, numbers and terms, and the numbers already claimed."""

    def __init__(self, sentence: str, lex: CountLexicon) -> None:
        self.text = sentence
        self.lex = lex
        self.tokens = _tokens(sentence)
        self.by_first = _quantities(self.tokens, lex)
        self.by_last = {quantity.stop - 1: quantity for quantity in self.by_first.values()}
        self.hits = _term_hits(self.tokens, lex)
        self.term_tokens = {i for hit in self.hits for i in range(hit.first, hit.stop)}
        self.used: set[int] = set()
        self.through_relative: set[_Hit] = set()  # hits whose number came over "who were"

    def low(self, i: int) -> str:
        return self.tokens[i].low if 0 <= i < len(self.tokens) else ""

    def is_word(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.tokens[i].low[:1].isalpha()

    def free(self, quantity: _Quantity | None) -> _Quantity | None:
        return quantity if quantity is not None and quantity.first not in self.used else None

    def right_of(self, hit: _Hit) -> _Quantity | None:
        """ "killing 71", "the death toll in the province rose to 40", "killed himself" """
        k = hit.stop
        if self.lex.has("reflexive", self.low(k)):
            return _Quantity(k, k + 1, 1, 1, 1, "exact", person=True)
        if quantity := self.free(self.by_first.get(k)):
            return quantity
        if hit.term.verb and (quantity := self.group_of(k) or self.one_person(k)):
            return quantity
        if hit.term.right_filler and (quantity := self.after_filler(hit)):
            return quantity
        return self.raised_to(hit) if hit.term.to_within else None

    def after_filler(self, hit: _Hit) -> _Quantity | None:
        """ "the death toll in the province rose to 40" """
        for k in range(hit.stop, hit.stop + MAX_RIGHT_GAP):
            if not self.is_word(k) or self.lex.has("barrier", self.low(k)):
                return None
            quantity = self.free(self.by_first.get(k + 1))
            if quantity is None and self.low(k + 1) == "the":
                # "the lives of the 5 fighters", not "the death toll of the two blasts"
                quantity = self.free(self.by_first.get(k + 2))
                if quantity and not self.lex.has("people", self.low(quantity.stop)):
                    quantity = None
            if quantity and self.is_filler(k, hit):
                return quantity
        return None

    def is_filler(self, k: int, hit: _Hit) -> bool:
        return self.lex.has("filler", self.low(k)) or self.low(k) in hit.term.fillers

    def group_of(self, k: int) -> _Quantity | None:
        """ "killed a family of seven": the group's number is the toll."""
        if self.low(k) in ("a", "an", "the"):
            k += 1
        if self.lex.has("group", self.low(k)) and self.low(k + 1) == "of":
            return self.free(self.by_first.get(k + 2))
        return None

    def one_person(self, k: int) -> _Quantity | None:
        """ "kill a man and 3 children": "a" before a word for a person is one of them, read
        like a bare killing verb (at least one) so that alone it stays what it was."""
        if self.low(k) not in ("a", "an"):
            return None
        for noun in range(k + 1, k + 1 + MAX_CHAIN_GAP):
            if not self.is_word(noun) or self.lex.has("barrier", self.low(noun)):
                return None
            # The head of its phrase: "a woman and", "a man in", not "a rebel spokesman".
            if self.lex.has("people", self.low(noun)) and self.phrase_ends(noun + 1):
                return _Quantity(k, noun + 1, 1, 1, None, "vague", person=True)
        return None

    def phrase_ends(self, k: int) -> bool:
        return not self.is_word(k) or self.low(k) in CONJUNCTIONS | PHRASE_ENDERS

    def raised_to(self, hit: _Hit) -> _Quantity | None:
        """ "raise the number of those killed in the shelling to 20": the "to" comes late."""
        for k in range(hit.stop, min(hit.stop + hit.term.to_within, len(self.tokens))):
            if self.low(k) in (".", ";"):
                return None
            if self.low(k) == "to" and (quantity := self.free(self.by_first.get(k + 1))):
                return quantity
        return None

    def background_end(self) -> int | None:
        """Where an opening clause about what came before ends (its comma), if there is one:
        "After killing 37 in the city, jets kill 25"."""
        openers = [
            i for i in range(min(BACKGROUND_REACH, len(self.tokens)))
            if self.lex.has("background", self.low(i))
        ]  # fmt: skip
        if not openers:
            return self.background_clause_end()
        ends = (k for k in range(openers[0], len(self.tokens)) if self.low(k) in BREAKS)
        return next(ends, len(self.tokens))

    def background_clause_end(self) -> int | None:
        """A headline's first clause, cut off by "…", that tells what came before: "More
        than 14 months after a massacre that claimed 60 lives… the group executes a man"."""
        end = next((k for k, t in enumerate(self.tokens) if t.low in HEADLINE_BREAKS), None)
        if end is None or not any(self.lex.has("background", self.low(i)) for i in range(end)):
            return None
        return end

    def background(self, hit: _Hit) -> bool:
        end = self.background_end()
        return end is not None and hit.first < end

    def tells_deaths(self, hit: _Hit) -> bool:
        """Another word of the sentence says people died: "the number of victims rose to 9"."""
        return any(
            other is not hit and not other.term.needs_toll and other.term.label != "injured"
            for other in self.hits
        ) or any(self.lex.has("victims", token.low) for token in self.tokens)

    def passive_before(self, hit: _Hit) -> bool:
        return self.lex.has("auxiliary", self.low(hit.first - 1))

    def active(self, hit: _Hit) -> bool:
        """A verb followed by its object: "killed a policeman", "killed 20"."""
        nxt = hit.stop
        return nxt in self.by_first or any(
            self.lex.has(role, self.low(nxt)) for role in ("object", "people", "reflexive")
        )

    def left_of(self, hit: _Hit) -> _Quantity | None:
        """ "57 Iraqi civilians were killed", "40 dead" """
        k = hit.first - 1
        passive = relative = False
        gap = 0
        while k >= 0 and gap <= hit.term.max_left_gap:
            if quantity := self.by_last.get(k):
                # "321 injured Libyans" right before the term is adjectival, not active.
                if hit.term.verb and gap and not passive and self.active(hit):
                    return None
                if relative:
                    self.through_relative.add(hit)
                return self.free(self.including(quantity) or quantity)
            word = self.low(k)
            if word in QUOTES:
                k -= 1
                continue
            if word == ",":
                k = self.before_aside(k)
                continue
            if self.relative_to(k, hit):
                relative = True  # "2 members who were killed": they died
                k -= 1
                continue
            if not self.is_word(k) or k in self.term_tokens or self.blocks(k):
                return None
            passive = passive or self.lex.has("auxiliary", word)
            k -= 1
            gap += 1
        return None

    def relative_to(self, k: int, hit: _Hit) -> bool:
        """Token ``k`` is a relative pronoun whose clause is the killing itself: "who were
        killed", "who died"; not "who killed a guard" (the killers)."""
        if not self.lex.has("relative", self.low(k)):
            return False
        between = range(k + 1, hit.first)
        if not all(self.lex.has("auxiliary", self.low(i)) for i in between):
            return False
        # "who were killed"; "who died" (a bare word of death), not "one that lives".
        return len(between) > 0 if hit.term.verb else hit.term.bare

    def subject_number(self, hit: _Hit) -> _Quantity | None:
        """The number opening the sentence as the subject of a passive killing verb, however
        long its noun phrase: "22 fighters and members of the factions were killed"."""
        starts = [0, *(i + 1 for i in range(hit.first) if self.low(i) in CLAUSE_BREAKS)]
        if (end := self.background_end()) is not None and end < hit.first:
            starts.append(end + 1)  # the main clause after "After ..., "
        start = max(starts)
        start += self.low(start) in CONJUNCTIONS  # "...and 69 members of the factions"
        subject = self.free(self.by_first.get(start))
        # A verb reads as passive with its auxiliary, or in a headline with no object after
        # it ("12 members of the militia killed in clashes").
        passive = self.passive_before(hit) or not self.active(hit)
        if subject is None or (hit.term.verb and not passive):
            return None  # "5 gunmen stormed the bank and killed a guard": the killers
        if not (self.lex.has("people", self.low(subject.stop)) or self.low(subject.stop) == "of"):
            return None  # "5 rockets hit the town and civilians were killed"
        between = range(subject.stop, hit.first)
        if len(between) > MAX_SUBJECT_GAP:
            return None
        aside = False
        in_aside = set()  # the numbers of the aside: "10 fighters including 5 Egyptians"
        for k in between:
            word = self.low(k)
            aside = aside or word in ASIDE_OPENERS
            if k in self.term_tokens or (k in self.by_first and not aside):
                return None  # another number or toll: another clause
            if k in self.by_first:
                in_aside.update(range(k, self.by_first[k].stop))
            if k in in_aside or word in QUOTES or word in CONJUNCTIONS or word == ",":
                continue  # lists inside the subject: "of the regime, its allies, and ISIS"
            if not self.is_word(k) or self.lex.has("barrier", word):
                return None
        return subject

    def blocks(self, k: int) -> bool:
        """A barrier word, except "and"/"or" between people: "500 soldiers and police"."""
        if not self.lex.has("barrier", self.low(k)):
            return False
        joins_people = self.low(k) in CONJUNCTIONS and all(
            self.lex.has("people", self.low(i)) for i in (k - 1, k + 1)
        )
        return not joins_people

    def before_aside(self, comma: int) -> int:
        """The token before ", including seven defectors," or -1 when the comma ends no aside."""
        for k in range(comma - 1, max(comma - MAX_LEFT_GAP, 0) - 1, -1):
            if self.low(k) == "," and self.low(k + 1) in ASIDE_OPENERS:
                return k - 1
        return -1

    def including(self, part: _Quantity) -> _Quantity | None:
        """The total in "6 soldiers including 2 officers were killed"."""
        if self.low(part.first - 1) != "including":
            return None
        k = part.first - 2
        for _ in range(MAX_CHAIN_GAP + 1):
            if total := self.by_last.get(k):
                return total
            if not self.is_word(k) or self.lex.has("barrier", self.low(k)):
                return None
            k -= 1
        return None

    def names_people(self, first: int, stop: int) -> bool:
        """Tokens [first, stop) are a short noun phrase naming people."""
        words = range(first, stop)
        return (
            0 < stop - first <= MAX_CHAIN_GAP
            and all(self.is_word(i) and not self.lex.has("barrier", self.low(i)) for i in words)
            and any(self.lex.has("people", self.low(i)) for i in words)
        )

    def chain_left(self, quantity: _Quantity) -> list[_Quantity]:
        """Counts before ``quantity`` joined to it: "three soldiers and two civilians"."""
        parts = [quantity]
        joint = quantity.first - 1
        while self.low(joint) in ("and", ","):
            for gap in range(1, MAX_CHAIN_GAP + 1):
                earlier = self.free(self.by_last.get(joint - gap - 1))
                if earlier and self.names_people(joint - gap, joint):
                    parts.insert(0, earlier)
                    joint = earlier.first - 1
                    break
            else:
                break
        return parts

    def chain_right(self, quantity: _Quantity) -> list[_Quantity]:
        """Counts after ``quantity`` joined to it: "killing two soldiers and three police"."""
        parts = [quantity]
        k = quantity.stop
        while True:
            joint = next(
                (k + gap for gap in range(MAX_CHAIN_GAP + 1) if self.low(k + gap) in ("and", ",")),
                None,
            )
            if joint is None or not (parts[-1].person or self.names_people(k, joint)):
                return parts
            # "a father, a mother and their 5 children"
            start = joint + 1 + (self.low(joint + 1) in POSSESSIVES)  # "and their 5 children"
            later = self.free(self.by_first.get(start)) or self.one_person(start)
            if later is None:
                return parts
            noun_end = later.stop if later.person else self.noun_end(later)
            # "killing 5 people and 20 wounded": 20 belongs to its own term; not so in "kill a
            # man and 3 children and injure others", where "and" starts another clause.
            if noun_end is None or self.own_term_follows(noun_end):
                return parts
            parts.append(later)
            k = noun_end

    def noun_end(self, quantity: _Quantity) -> int | None:
        """Where the short noun phrase naming the people of ``quantity`` ends."""
        ends = (quantity.stop + gap for gap in range(1, MAX_CHAIN_GAP + 1))
        return next((end for end in ends if self.names_people(quantity.stop, end)), None)

    def own_term_follows(self, noun_end: int) -> bool:
        """A casualty term right after the noun phrase (or after its auxiliary), not after
        "and" opening another clause."""
        if noun_end in self.term_tokens:
            return True
        return noun_end + 1 in self.term_tokens and self.low(noun_end) not in CONJUNCTIONS

    def victim_follows(self, hit: _Hit) -> bool:
        """A bare killing verb with a victim: "killing and injuring more Iraqi civilians"."""
        for i in range(hit.stop, hit.stop + BARE_WINDOW):
            if self.lex.has("people", self.low(i)) or self.lex.has("pronoun", self.low(i)):
                return True  # "kill the “chief of the committee”", "they killed him"
            if self.low(i) in QUOTES:
                continue
            # A participle starts another clause: "those killed fighting the militants".
            if not self.is_word(i) or self.low(i).endswith("ing"):
                return False
        return False

    def count_for(self, hit: _Hit) -> list[_Quantity] | None:
        term = hit.term
        if self.irrealis(hit):
            return None
        sides = ["right", "left"] if not self.passive_before(hit) else ["left", "right"]
        for side in sides:
            if term.attach not in (side, "both"):
                continue
            if side == "right":
                quantity = self.right_of(hit)
            else:
                quantity = self.left_of(hit) or self.subject_number(hit)
            if quantity is not None:
                return self.chain_right(quantity) if side == "right" else self.chain_left(quantity)
        return None

    def bare(self, hit: _Hit) -> bool:
        term = hit.term
        if not term.bare or self.irrealis(hit) or self.bare_infinitive(hit):
            return False
        return not term.verb or self.passive_before(hit) or self.victim_follows(hit)

    def bare_infinitive(self, hit: _Hit) -> bool:
        """ "the right to kill civilians", "prepared to kill": no death, unless the verb before
        says it happened ("managed to kill a guard")."""
        return (
            hit.term.verb
            and self.low(hit.first - 1) == "to"
            and not self.lex.has("implicative", self.low(hit.first - 2))
        )

    def irrealis(self, hit: _Hit) -> bool:
        """ "vowed to kill 5 hostages", "will execute prisoners": no one has died yet. Not
        "managed to kill 9" or "used a car bomb to kill 12", which report deaths."""
        if not hit.term.verb:
            return False
        before = self.low(hit.first - 1)
        if before == "to":
            return self.lex.has("intent", self.low(hit.first - 2))
        return self.lex.has("irrealis", before)

    def secondary(self, hit: _Hit, parts: list[_Quantity]) -> bool:
        """A toll that yields to the event's own: a running total, one told in an opening
        clause or a relative clause ("a funeral for 3 people who were killed on Friday"), a
        part ("..., including 62 who were executed"), or a count of bodies seen."""
        return (
            self.cumulative(hit, parts)
            or self.background(hit)
            or hit in self.through_relative
            or self.low(parts[0].first - 1) in PART_OPENERS
            or hit.term.secondary
        )

    def set_against_wounded(self, casualties: _Hit) -> bool:
        """The wounded follow the casualties in the same list: "5 casualties and many wounded"."""
        reach = range(casualties.stop, casualties.stop + SET_AGAINST_REACH)
        joined = any(self.low(k) == "and" for k in reach)
        return joined and any(
            hit.term.label == "injured" and hit.first in reach for hit in self.hits
        )

    def cumulative(self, hit: _Hit, parts: list[_Quantity]) -> bool:
        """A running total: "the death toll rose to 40", "300 killed since January"."""
        if hit.term.cumulative:
            return True
        stop = max(hit.stop, *(part.stop for part in parts))
        after = range(stop, stop + CUMULATIVE_LOOKAHEAD)
        return any(self.lex.has("cumulative", self.low(k)) for k in after)

    def span(self, first: int, stop: int, offset: int) -> Span:
        start, end = self.tokens[first].start, self.tokens[stop - 1].end
        return Span(self.text[start:end], offset + start, offset + end)


def _combine(parts: list[_Quantity], span: Span) -> Count:
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


def find_counts(
    sentence: str, offset: int, *, lexicon: CountLexicon | None = None
) -> tuple[Count | None, Count | None]:
    """(killed, injured) reported in ``sentence``; spans are shifted by ``offset``."""
    lex = lexicon or default_lexicon()
    if not lex.trigger.search(sentence):
        return None, None
    state = _Sentence(sentence, lex)
    found: dict[str, Count] = {}
    totals: dict[str, Count] = {}  # running totals, used when the event's own toll is missing
    bare: dict[str, Span] = {}
    plain_casualties: _Hit | None = None  # the word "casualties", not "killed and wounded"
    for hit in state.hits:
        if hit.term.needs_toll and not state.tells_deaths(hit):
            continue  # "raised the number of checkpoints to 12"
        # A bare killing verb says someone died, also inside "killed and wounded".
        bare_label = "killed" if hit.term.label == "casualties" else hit.term.label
        parts = state.count_for(hit)
        if parts is None:
            if state.bare(hit):
                bare.setdefault(bare_label, state.span(hit.first, hit.stop, offset))
            continue
        if hit.term.label == "casualties" and hit.term.bare:
            bare.setdefault(bare_label, state.span(hit.first, hit.stop, offset))
        state.used.update(part.first for part in parts)
        span = state.span(min(p.first for p in parts), max(p.stop for p in parts), offset)
        slot = totals if state.secondary(hit, parts) else found
        if hit.term.label == "casualties" and "casualties" not in found | totals:
            plain_casualties = None if hit.term.bare else hit
        slot.setdefault(hit.term.label, _combine(parts, span))
    if plain_casualties is not None and "killed" not in found:
        wounded = any(hit.term.label == "injured" for hit in state.hits)
        # "4 casualties and several wounded", "5 casualties and a large number of wounded":
        # set against the wounded, the casualties are the dead; alone, they are the dead
        # where the lexicon says so.
        if (
            (wounded and "injured" in found)
            or state.set_against_wounded(plain_casualties)
            or (not wounded and plain_casualties.term.alone_killed)
        ):
            source = found if "casualties" in found else totals
            found["killed"] = source.pop("casualties")
    for label, count in totals.items():
        found.setdefault(label, count)
    for label, span in bare.items():
        found.setdefault(label, Count(span=span, best=1, low=1, high=None, qualifier="vague"))
    injured = found.get("injured") or found.get("casualties")
    return found.get("killed"), injured
