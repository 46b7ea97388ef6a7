"""What a document says about itself that helps resolve its names: its country focus.

The country focus is the ranking of countries by how often the article names them (names,
demonyms, capitals): "Damascus" in a story about Syria is Syria's capital, and a mention
with no place of its own falls back to the country the article is about.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from dateline.datafiles import read_table
from dateline.resolve.countries import countries
from dateline.resolve.translit import name_key

# Capitals count for less than names and demonyms: they are also cities named as places.
CAPITAL_WEIGHT = 0.5
FOCUS_SIZE = 4  # countries kept in the focus; beyond these a mention is incidental
# "Diyala province", "the province of Anbar": the province named beside a town.
_PROVINCE = re.compile(
    r"\b([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) (?:province|governorate)\b"
    r"|\b(?:province|governorate) of ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
)


@dataclass(frozen=True)
class ResolveContext:
    """Document-level evidence for resolving places and actors."""

    focus: tuple[tuple[str, float], ...] = ()  # (ISO alpha-3, share of country mentions)
    provinces: frozenset[str] = field(default_factory=frozenset)  # name_keys of provinces named
    published: dt.date | None = None
    groups: tuple[str, ...] = ()  # armed groups named in the article (actor ids), most first
    people: tuple[tuple[int, str], ...] = ()  # (offset, person id) of people named, in order
    # (name_key, lat, lon) of towns and districts a first reading of the article placed
    anchors: tuple[tuple[str, float, float], ...] = ()
    # (country, the words right after its demonym or name), in text order: "Syrian rebel
    # factions" gives ("SYR", "rebel factions"), whose rebels a bare "rebels" are
    qualified: tuple[tuple[str, str], ...] = ()

    @property
    def country(self) -> str | None:
        """The country the document is most about."""
        return self.focus[0][0] if self.focus else None

    def weight(self, country: str | None) -> float:
        """The share of the document's country mentions that name ``country``."""
        for code, share in self.focus:  # a loop, not next(generator): asked per candidate
            if code == country:
                return share
        return 0.0


def build_context(
    text: str,
    *,
    published: dt.date | None = None,
    groups: tuple[str, ...] = (),
    people: tuple[tuple[int, str], ...] = (),
) -> ResolveContext:
    """The resolve context of one article body."""
    counts: Counter[str] = Counter()
    mentions = country_mentions(text)
    for mention in mentions:
        counts[mention.code] += CAPITAL_WEIGHT if mention.kind == "capital" else 1.0
    provinces = frozenset(
        name_key(match.group(1) or match.group(2)) for match in _PROVINCE.finditer(text)
    )
    return ResolveContext(
        focus=focus_of(counts),
        provinces=provinces,
        published=published,
        groups=groups,
        people=people,
        qualified=_qualified(text, mentions),
    )


# The words a demonym or country name qualifies: up to two, within the clause.
_QUALIFIED_WORDS = re.compile(r"[ \t]+((?:[A-Za-z-]+)(?:[ \t]+[A-Za-z-]+)?)")


def _qualified(text: str, mentions: Iterable[CountryMention]) -> tuple[tuple[str, str], ...]:
    """(country, words after it) for each demonym or name with words after it."""
    found = []
    for mention in mentions:
        words = _QUALIFIED_WORDS.match(text, mention.end)
        if mention.kind != "capital" and words is not None:
            found.append((mention.code, words.group(1).lower()))
    return tuple(found)


def focus_of(counts: Counter[str]) -> tuple[tuple[str, float], ...]:
    """The leading countries of some weighted mentions, with their shares."""
    total = sum(counts.values())
    return tuple((code, count / total) for code, count in counts.most_common(FOCUS_SIZE))


@dataclass(frozen=True)
class CountryMention:
    """A country named in text by its name, a demonym or its capital."""

    start: int
    end: int
    code: str
    kind: str  # "name" | "demonym" | "capital"


def country_mentions(text: str) -> list[CountryMention]:
    """Every country name, demonym and capital in ``text`` (case-sensitive), in order.

    Longer names that hold a country's name without being it ("New Mexico", "North
    American") are matched first and left out.
    """
    return list(_country_mentions(text))


NOT_COUNTRY = "not"
# An article's country mentions are read by its context and again by its second reading.
MENTION_CACHE_SIZE = 16


@lru_cache(maxsize=MENTION_CACHE_SIZE)
def _country_mentions(text: str) -> tuple[CountryMention, ...]:
    terms = _country_terms()
    found = (
        CountryMention(match.start(), match.end(), *terms[match.group(0)])
        for match in _country_pattern().finditer(text)
    )
    return tuple(mention for mention in found if mention.kind != NOT_COUNTRY)


@cache
def _country_terms() -> dict[str, tuple[str, str]]:
    """Term -> (country, kind). A name beats a demonym beats a capital; among countries
    sharing a term ("American": the United States, the Northern Mariana Islands) the most
    populous wins."""
    by_size = sorted(countries().values(), key=lambda country: -country.population)
    terms: dict[str, tuple[str, str]] = {
        term: (row["country"], NOT_COUNTRY)
        for row in read_table("actors", "countries")
        for term in row.get("not", ())
    }
    for kind, field_name in (("name", "names"), ("demonym", "demonyms"), ("capital", "capitals")):
        for country in by_size:
            for term in getattr(country, field_name):
                terms.setdefault(term, (country.code, kind))
    return terms


def country_of_term(term: str) -> tuple[str, str] | None:
    """(country, kind) of a country name, demonym or capital, as ``country_mentions`` reads it."""
    return _country_terms().get(term)


@cache
def _country_pattern() -> re.Pattern[str]:
    # Case-sensitive: "US" is the country, "us" the pronoun. The longest term that ends a
    # word wins: the trie's optional endings are greedy, and backtracking from the
    # lookahead tries the shorter terms.
    return re.compile(rf"(?<![\w.])(?:{trie_pattern(_country_terms())})(?!\w)")


def trie_pattern(terms: Iterable[str]) -> str:
    """A regular expression matching any of ``terms``, longest first, as a trie.

    Hand-written (no library here builds one): a plain alternation of the 1,500 country
    terms is tried term by term at every position, a fifth of the resolve step's time;
    the trie reads each character once.
    """
    trie: dict = {}
    for term in terms:
        node = trie
        for char in term:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _trie_body(trie)


_END = ""  # marks a node where a term ends


def _trie_body(node: dict) -> str:
    branches = [re.escape(char) + _trie_body(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body
