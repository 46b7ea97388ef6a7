"""Find place names in running text with the gazetteer, beyond what the NER model tags.

The English models miss or mislabel small Iraqi places (Talafar and Jalawla come out as
organisations, Al-Qa'm untagged), so this scans capitalised word sequences and looks them
up by transliteration key. Unconfirmed by a model, a match must earn its place: it has to
be a country, a curated alias, a place in a country the article is about, a province by
its own name, a town of some size after a preposition of place ("in Danbury"), a town
followed by its state or country ("Churchill, Man."), or the capitals opening a dispatch
("BANTAM —"); stop words (months, titles, "Sunni") and names known to be people or groups
are never places, unless the text names a stop word as one ("the town of Hit"), and a
name inside a longer one is that one's ("Latin America"). State abbreviations count after
a town ("Frankfort, Ky."). "The Jordanian capital" and "the capital of Jordan" are the
country's capital city. Modifiers around a name set its precision: "east of Talafar" is
near, "Diyala province" asks for the province, "western Iraq" is a region.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from dateline.records import Place, Span
from dateline.resolve.context import ResolveContext, country_mentions, country_of_term
from dateline.resolve.countries import countries
from dateline.resolve.places import (
    CURATED,
    Candidate,
    Entry,
    Within,
    candidates,
    demonym_keys,
    index,
    located,
    name_continuations,
    stop_words,
    to_place,
)
from dateline.resolve.regions import abbreviation_at, abbreviation_pattern
from dateline.resolve.translit import fold, name_key

MAX_NAME_TOKENS = 4
MIN_NAME_LENGTH = 3
# Lower-case words allowed inside a name ("Salah ad Din", "Bay of Pigs", "Trinidad and Tobago").
_INNER_WORDS = frozenset({"al", "ad", "as", "an", "ar", "ash", "el", "de", "du", "of", "the",
                          "la", "le", "bin", "ibn", "abu", "and"})  # fmt: skip
# Lower-case words that may end a name when the gazetteer knows the phrase ("Hamrin mountains").
_FEATURE_WORDS = frozenset({"mountains", "mountain", "dam", "refinery", "base", "region",
                            "valley", "river", "desert", "crossing"})  # fmt: skip
_LOWER_NAME_WORDS = _INNER_WORDS | _FEATURE_WORDS
# Capitalised only because they open a sentence: no sign that the next word is in a name.
_FUNCTION_WORDS = frozenset({"the", "in", "on", "at", "by", "for", "from", "with", "as", "of",
                             "to", "and", "but", "or", "near", "outside", "meanwhile", "however",
                             "after", "before", "while", "when", "where", "both", "like", "since",
                             "into", "across", "around", "inside", "between", "toward", "towards",
                             "against", "via", "through", "until", "than", "if", "so", "although",
                             "though", "because", "overall", "one", "every", "each", "this",
                             "that", "these", "those", "our", "their", "his", "her", "its",
                             "all", "some", "many", "most"})  # fmt: skip
# A broadcaster's or agency's letters before a city name it goes by ("CTV Edmonton").
_ACRONYM = re.compile(r"^[A-Z]{2,5}$")
_TOKEN = re.compile(r"[^\W\d_][\w'’ʿʾ.-]*")
_POSSESSIVE = re.compile(r"(?:['’]s|['’.-])+$")
_TRIMMED_ENDINGS = ("s", "'", "’", ".", "-")  # the last characters _POSSESSIVE can take
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|as|ad|an|ar|at|ash)-[A-Z]")
# "east of", "north-west of", "near", "outside", "20 km south of", "on the outskirts of"
_NEAR_BEFORE = re.compile(
    r"(?:\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|\bnear|\boutside"
    r"|\bclose\s+to|\boutskirts\s+of|\b(?:km|kilometers|kilometres|miles)\s+(?:\w+\s+)?(?:of|from)"
    r"|\baround)"
    r"\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$",
    re.IGNORECASE,
)
# Prepositions of place right before a name: "in", "near", "south of", "suburbs of".
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|from|outside|into|across|around|toward|towards|via|through"
    r"|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|suburbs?\s+of"
    r"|outskirts\s+of)\s+$",
    re.IGNORECASE,
)
# Province names that are also plain descriptions ("North", "North-Western", "Central").
_COMPASS = re.compile(r"(?:north|south|east|west|central|upper|lower|middle|inner|outer)", re.I)
_DIRECTION_BEFORE = re.compile(
    r"\b((?:north|south)?-?(?:north|south|east|west)ern|central)\s+$", re.IGNORECASE
)
_ADMIN_WORD_AFTER = re.compile(r"\s+(?:province|governorate|state|region)$", re.IGNORECASE)
# A line opening with a name in capitals and then a dash, a comma or an agency in brackets.
_DATELINE = re.compile(
    r"^[ \t]*([A-Z][A-Z'’.]+(?: [A-Z][A-Z'’.]+){0,3})(?=[ \t]*(?:—|–|--|- |,|\())", re.MULTILINE
)
_PROVINCE_AFTER = re.compile(r"^\s+(?:province|governorate)\b", re.IGNORECASE)
# ", Manitoba" / ", Man." / ", N.J." / ", West Virginia" right after a name.
_REGION_AFTER = re.compile(r",\s?((?:[A-Z][\w'’-]*\.?)(?:\s?[A-Z][\w'’-]*\.?){0,2})(?![\w])")
_TOWN_AND_COMMA = re.compile(r"([A-Z][\w'’.-]+),\s$")
_TOWN_BEFORE = re.compile(r"\b(?:town|city|village)\s+of\s+$", re.IGNORECASE)
_IN_BEFORE = re.compile(r"\bin\s+$", re.IGNORECASE)
# "the Jordanian capital", "the capital of Jordan", "the Syrian capital city".
_CAPITAL_PHRASE = re.compile(
    r"(?<=\bthe )(?:(?P<demonym>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) capital(?: city)?\b"
    r"|capital(?: city)? of (?P<country>(?:the )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}))"
)
_CAPITAL_OF_BEFORE = re.compile(r"\bthe capital(?: city)? of (?:the )?$")
NEAR_PRECISIONS = frozenset({"town", "site"})
CONTEXT_CHARS = 40  # how far before and after a name modifiers are looked for


class _Token(NamedTuple):  # a tuple: an article has thousands, made on every scan
    text: str
    start: int
    end: int


def tokens(
    text: str, start: int = 0, end: int | None = None, *, name_words_only: bool = False
) -> list[_Token]:
    """Word tokens with possessive "'s" and trailing punctuation trimmed off.

    With ``name_words_only``, only the words a name can hold or open (capitalised ones,
    particles, feature words): a name never spans a word left out, since only a space or
    a hyphen may stand between its words, and most words of an article are left out.
    """
    found = []
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        word = match.group()
        if word.endswith(_TRIMMED_ENDINGS):  # most words end in a letter: skip the regex
            word = _POSSESSIVE.sub("", word)
            if not word:
                continue
        if name_words_only and not _name_word(word):
            continue
        begin = match.start()
        found.append(_Token(word, begin, begin + len(word)))
    return found


def _name_word(word: str) -> bool:
    """Whether ``_name_shaped`` or ``_joined`` could accept ``word`` anywhere in a name."""
    if word[0].isupper() or word.lower() in _LOWER_NAME_WORDS:
        return True
    return "-" in word and bool(_ARTICLE_PREFIX.match(word))


def find_places(
    text: str,
    *,
    context: ResolveContext,
    start: int = 0,
    end: int | None = None,
    blocked: Iterable[str] = (),
    strict: bool = True,
    embedded: bool = False,
) -> list[tuple[Span, Place]]:
    """Place names in ``text[start:end]``, longest match first, left to right.

    ``blocked`` holds name keys that are never places here (people, groups). With
    ``strict`` (the default, for text no model has tagged as a place) a match must be a
    country, a curated alias or lie in a focus country; without it any known place is taken.
    With ``embedded``, names that open an organisation's name count too ("Kentucky" in
    "Kentucky State Police"): a geoparser lists them, an event's location does not.
    """
    blocked = frozenset(blocked)
    return list(_scan(text, context, start, end, blocked, strict, embedded, index()))


# A sentence is scanned again for each of its mentions: the scans of the articles in hand
# are remembered.
SCAN_CACHE_SIZE = 128


@lru_cache(maxsize=SCAN_CACHE_SIZE)
def _scan(
    text: str,
    context: ResolveContext,
    start: int,
    end: int | None,
    blocked: frozenset[str],
    strict: bool,
    embedded: bool,
    places: object,
) -> tuple[tuple[Span, Place], ...]:
    # ``places`` (the gazetteer index) is part of the cache key: a new index scans afresh.
    words = tokens(text, start, end, name_words_only=True)
    options = _Options(context, blocked, strict, embedded)
    headlines = _headline_lines(text, start, len(text) if end is None else end)
    found: list[tuple[Span, Place]] = []
    position = 0
    while position < len(words):
        word = words[position]
        if not _opens_name(word.text):  # most words: no name starts here
            position += 1
            continue
        in_headline = any(s <= word.start < e for s, e in headlines)
        match = _longest_match(text, words, position, options, in_headline=in_headline)
        if match is None:
            position += 1
            continue
        length, span, place = match
        found.append((span, place))
        position += length
    capitals = _capitals(text, start, end)
    # "the capital of Lebanon" names Beirut: the country inside the phrase is not a place.
    found = [item for item in found if not any(_inside(item[0], span) for span, _ in capitals)]
    found += capitals
    found += _datelines(text, start, end, found, options)
    return tuple(found + _abbreviations(text, start, end, found, context))


def _datelines(text, start, end, found, options: _Options) -> list[tuple[Span, Place]]:
    """The place a dispatch opens with, in capitals ("BANTAM — A mason was ...",
    "ALLENDALE, N.J. --"): a place by its position, so any known place of that name."""
    extra = []
    for match in _DATELINE.finditer(text, start, len(text) if end is None else end):
        span = Span(match.group(1), match.start(1), match.end(1))
        if any(span.start < other.end and other.start < span.end for other, _ in found):
            continue
        if name_key(span.text) in options.blocked:
            continue
        within = region_after(text, span.end, options.context)
        best = candidates(span.text.title(), context=options.context, within=within)
        if best and best[0].exact and best[0].entry.precision not in ("country", "region"):
            extra.append((span, to_place(best[0].entry)))
    return extra


def _capitals(text, start, end) -> list[tuple[Span, Place]]:
    """ "the Jordanian capital", "the capital of Jordan": that country's capital city, as
    countryinfo names it and the gazetteer places it."""
    extra = []
    for match in _CAPITAL_PHRASE.finditer(text, start, len(text) if end is None else end):
        demonym = match.group("demonym")
        name = demonym or match.group("country")
        named = country_mentions(name)
        if not named or named[0].start not in (0, len("the ")) or named[0].kind == "capital":
            continue
        if demonym and named[0].end != len(demonym):  # "the Iraqi Kurdish capital"
            continue
        span_end = match.end() if demonym else match.start("country") + named[0].end
        city = capital_city(named[0].code)
        if city is not None:
            span = Span(text[match.start() : span_end], match.start(), span_end)
            extra.append((span, to_place(city)))
    return extra


def capital_city(code: str) -> Entry | None:
    """The gazetteer's town for a country's capital (countryinfo's name for it), if any."""
    for name in countries()[code].capitals:
        towns = [
            entry
            for entry in index().exact(name_key(name))
            if entry.country == code and entry.precision == "town"
        ]
        if towns:
            return max(towns, key=lambda entry: entry.population)
    return None


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _capital_named(text: str, span: Span) -> Entry | None:
    """The capital city when a country's name stands in "the capital of Syria"."""
    if not _CAPITAL_OF_BEFORE.search(text[max(0, span.start - CONTEXT_CHARS) : span.start]):
        return None
    country = country_of_term(span.text)
    return capital_city(country[0]) if country and country[1] == "name" else None


def _abbreviations(text, start, end, found, context) -> list[tuple[Span, Place]]:
    """States and provinces written short ("Frankfort, Ky.", "B.C." in a Canadian story)."""
    extra = []
    for match in abbreviation_pattern().finditer(text, start, len(text) if end is None else end):
        if any(span.start < match.end() and match.start() < span.end for span, _ in found):
            continue
        abbreviation = abbreviation_at(text, match.start(), match.end(), context=context)
        if abbreviation is not None:
            extra.append(
                (Span(match.group(0), *match.span()), to_place(located(abbreviation.entry)))
            )
    return extra


def _headline_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Lines in title case ("Jihadists Seize 2 More Iraqi Towns"): capitals prove nothing."""
    lines = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        long_words = re.findall(r"[^\W\d_]{4,}", match.group(0))
        capitalised = sum(word[0].isupper() for word in long_words)
        enough = len(long_words) >= HEADLINE_MIN_WORDS
        if enough and capitalised >= HEADLINE_SHARE * len(long_words):
            lines.append((start + match.start(), start + match.end()))
    return lines


HEADLINE_MIN_WORDS = 4
HEADLINE_SHARE = 0.7


@dataclass(frozen=True)
class _Options:
    context: ResolveContext
    blocked: frozenset[str]
    strict: bool
    embedded: bool


def _longest_match(text, words, position, options: _Options, *, in_headline=False):
    context = options.context
    for length in range(_reach(text, words, position), 0, -1):
        group = words[position : position + length]
        if not _name_shaped(text, group):
            continue
        phrase = text[group[0].start : group[-1].end]
        key = name_key(phrase)
        if len(key) < MIN_NAME_LENGTH and not _short_code(phrase):
            continue
        if length > 1 and name_key(text[group[1].start : group[-1].end]) == key:
            continue  # "At the Liverpool": the name starts further on
        if key in options.blocked or key in demonym_keys():
            continue
        named_as_place = length == 1 and _named_as_place(
            text, group[0].start, group[0].end, context
        )
        if _stop_ending(group) and not named_as_place:
            continue
        opens_with_stop_word = fold(group[0].text) in stop_words() and not named_as_place
        if opens_with_stop_word and length == 1:
            continue
        if not index().knows(key):  # no place is called so: the words around do not matter
            continue
        hint = _hint(text, group[0].start, group[-1].end, phrase, context)
        within = region_after(text, group[-1].end, context)
        found = candidates(phrase, context=context, hint=hint, within=within)
        locative = bool(
            _LOCATIVE_BEFORE.search(text[max(0, group[0].start - CONTEXT_CHARS) : group[0].start])
        )
        if not found or not _acceptable(
            found[0], context, options.strict, within, locative=locative
        ):
            continue
        if opens_with_stop_word and not _named_outright(found):
            continue
        if in_headline and not _headline_worthy(found[0], context):
            continue
        if not _standalone(text, words, position, length, found[0], options.embedded):
            continue
        span = Span(phrase, group[0].start, group[-1].end)
        return length, *_with_modifiers(text, span, found[0], context)
    return None


def _reach(text: str, words: list[_Token], position: int) -> int:
    """The most words from ``position`` that ``_name_shaped`` could accept: joined by a
    space or hyphen, with only capitalised words or particles inside (longer groups fail
    it, so they need not be tried)."""
    reach = 1
    most = min(MAX_NAME_TOKENS, len(words) - position)
    while reach < most:
        left, right = words[position + reach - 1], words[position + reach]
        if text[left.end : right.start] not in (" ", "-"):
            break
        if reach > 1 and not (left.text[0].isupper() or left.text.lower() in _INNER_WORDS):
            break
        reach += 1
    return reach


def _named_outright(found: list[Candidate]) -> bool:
    """A name opening with a stop word counts only as some place's own name ("South
    Africa", "New York"); a lone stop word ("May", "Sunni") never does."""
    return any(c.exact and (c.entry.is_primary or c.entry.source in CURATED) for c in found)


def _named_as_place(text: str, start: int, end: int, context: ResolveContext) -> bool:
    """A stop word ("Hit") written where only a place name can stand: "the town of Hit",
    or "in Hit, Anbar" with its province or country after it."""
    before = text[max(0, start - CONTEXT_CHARS) : start]
    if _TOWN_BEFORE.search(before):
        return True
    locative = _IN_BEFORE.search(before)
    return bool(locative) and region_after(text, end, context) is not None


def _short_code(phrase: str) -> bool:
    """ "US", "U.S", "UK", "EU": capitals only; the curated tables alone know such codes."""
    return phrase.replace(".", "").isalpha() and phrase.replace(".", "").isupper()


def _stop_ending(group: list[_Token]) -> bool:
    """A capitalised stop word cannot end a name ("State John"); a feature word can."""
    last = group[-1].text
    return last[0].isupper() and fold(last) in stop_words()


def _opens_name(word: str) -> bool:
    return word[0].isupper() or bool(_ARTICLE_PREFIX.match(word))


def _name_shaped(text: str, group: list[_Token]) -> bool:
    """Capitalised first and last words, single spaces between, only particles in between."""
    first, last = group[0].text, group[-1].text
    if not _opens_name(first):
        return False
    if not (last[0].isupper() or (len(group) > 1 and last.lower() in _FEATURE_WORDS)):
        return False
    for left, right in zip(group, group[1:], strict=False):
        if text[left.end : right.start] not in (" ", "-"):
            return False
    inner = group[1:-1]
    return all(word.text[0].isupper() or word.text.lower() in _INNER_WORDS for word in inner)


def _acceptable(
    best: Candidate, context: ResolveContext, strict: bool, within=None, *, locative=False
) -> bool:
    """Curated, in a focus country, or in the province written after it ("Churchill,
    Man."); a model-tagged name may also be any place known by that very name, or a
    sizeable one known by it as an alternate ("Mecca"). Unconfirmed, a province by its own
    name counts, and so does a town of some size after "in", "near", "south of"."""
    entry = best.entry
    share = context.weight(entry.country)
    if entry.source in CURATED or _lies_within(entry, within):
        return True
    known_name = best.exact and (entry.is_primary or entry.population >= ALTERNATE_MIN_POPULATION)
    if not strict:
        return known_name or not best.exact  # a loose spelling only ever matches in focus
    if not best.exact:
        return entry.country == context.country
    if share >= STRICT_MIN_SHARE:
        return known_name
    sizeable = entry.is_primary and entry.population >= STRICT_MIN_POPULATION
    if sizeable and (share > 0 or (entry.precision == "admin1" and not _COMPASS.match(entry.name))):
        return True
    return locative and entry.is_primary and entry.population >= LOCATIVE_MIN_POPULATION


# Calibrated on the seed articles: unconfirmed names matched words like "Lake", "Satan" and
# "Until" to small American towns by their alternate names or loose spellings.
STRICT_MIN_SHARE = 0.2  # share of the article's country mentions
STRICT_MIN_POPULATION = 100_000
ALTERNATE_MIN_POPULATION = 10_000  # small places' alternate names collide with words
LOCATIVE_MIN_POPULATION = 10_000  # "in Danbury": a preposition of place vouches for a town
STRAY_FOCUS_SHARE = 0.5  # a story this much about one country ...
STRAY_MAX_POPULATION = 10_000  # ... names no small town of a country it never names


def _lies_within(entry, within: Within | None) -> bool:
    if within is None or entry.country != within.country or entry.precision == "country":
        return False
    return within.admin1 is None or name_key(entry.admin1 or "") == name_key(within.admin1)


def _headline_worthy(best: Candidate, context: ResolveContext) -> bool:
    entry = best.entry
    curated = entry.source in CURATED
    return curated or (best.exact and entry.is_primary and entry.country == context.country)


def place_at(
    text: str,
    span: Span,
    *,
    context: ResolveContext,
    blocked: Iterable[str] = (),
    strict: bool = False,
) -> tuple[Span, Place] | None:
    """Resolve a name a model (or the extractor) found at ``span``, modifiers applied."""
    key = name_key(span.text)
    stop_word = fold(span.text) in stop_words()
    if stop_word and not _named_as_place(text, span.start, span.end, context):
        return None
    if key in frozenset(blocked) | demonym_keys():
        return None
    capital = _capital_named(text, span)
    if capital is not None:
        return span, to_place(capital)
    abbreviation = abbreviation_at(text, span.start, span.end, context=context)
    if abbreviation is not None:
        return span, to_place(located(abbreviation.entry))
    hint = _hint(text, span.start, span.end, span.text, context)
    within = region_after(text, span.end, context)
    found = candidates(span.text, context=context, hint=hint, within=within)
    admin = _ADMIN_WORD_AFTER.search(span.text)
    if not found and admin:  # "Fars Province", "Borno State": the province by its name
        name = span.text[: admin.start()]
        found = candidates(name, context=context, hint="admin1", within=within)
    if not found or not _acceptable(found[0], context, strict, within):
        return None
    if _stray(found[0], context) and within is None:
        return None
    return _with_modifiers(text, span, found[0], context)


def _stray(best: Candidate, context: ResolveContext) -> bool:
    """A small town abroad in a story about one country ("Heathrow" in a British story is no
    Heathrow, Florida): better no place than that one."""
    entry = best.entry
    focused = bool(context.focus) and context.focus[0][1] >= STRAY_FOCUS_SHARE
    small = entry.population < STRAY_MAX_POPULATION and entry.precision in NEAR_PRECISIONS
    return focused and small and entry.source not in CURATED and not context.weight(entry.country)


def extended(text: str, span: Span, context: ResolveContext) -> Span:
    """A model's span grown to the longer place name it opens ("Baja" of "Baja California",
    "Trinidad" of "Trinidad and Tobago"), when a place bears that longer name."""
    words = tokens(text, span.start, min(len(text), span.end + CONTEXT_CHARS))
    inside = [word for word in words if word.start < span.end]
    for length in range(min(MAX_NAME_TOKENS, len(words)), len(inside), -1):
        group = words[:length]
        if not inside or not _name_shaped(text, group):
            continue
        phrase = text[group[0].start : group[-1].end]
        if _named_outright(candidates(phrase, context=context)):
            return Span(phrase, group[0].start, group[-1].end)
    return span


def region_after(text: str, end: int, context: ResolveContext) -> Within | None:
    """The state, province or country written after a name and a comma ("Churchill, Man.",
    "Lewisburg, West Virginia", "Matias Romero, Mexico"), when the tables know it."""
    match = _REGION_AFTER.match(text, end)
    if match is None:
        return None
    words = match.group(1)
    abbreviation = abbreviation_at(text, match.start(1), match.end(1), context=context)
    if abbreviation is not None:
        return Within(abbreviation.entry.country, abbreviation.entry.admin1)
    for candidate in candidates(words.rstrip("."), context=context):
        entry = candidate.entry
        if candidate.exact and entry.precision == "admin1":
            return Within(entry.country, entry.admin1)
        if candidate.exact and entry.source == "country":
            return Within(entry.country)
    return None


def _standalone(text, words, position, length, best, embedded=False) -> bool:
    """A name inside a longer capitalised run belongs to that run ("John Kerry", "Latin
    America", "The Washington Post"); function words, titles and dates around it do not
    count. ``embedded`` keeps a name that opens an institution's ("Kentucky State Police"),
    a well-known place's that opens any name ("Dallas Mavericks"), and a station's ("CTV
    Edmonton")."""
    curated = best.entry.source in CURATED
    if curated and length > 1:
        return True
    before, after = position - 1, position + length
    if before >= 0 and _joined(text, words[before], words[position], words[before]):
        word = fold(words[before].text)
        acronym = embedded and _ACRONYM.match(words[before].text)
        if word not in _FUNCTION_WORDS and not (curated and word in stop_words()) and not acronym:
            return False
    if after < len(words) and _joined(text, words[after - 1], words[after], words[after]):
        word = fold(words[after].text)
        if word in name_continuations():
            return embedded
        if word not in stop_words() and not curated:
            return embedded and _well_known(best)
    return True


def _well_known(best: Candidate) -> bool:
    """A place big enough that a name opening with it is named after it ("Dallas
    Mavericks", "Texas Rangers"), not a hamlet sharing a word ("White House")."""
    entry = best.entry
    big = entry.population >= STRICT_MIN_POPULATION or entry.precision in ("admin1", "country")
    return best.exact and entry.is_primary and big


def _joined(text: str, left: _Token, right: _Token, neighbour: _Token) -> bool:
    """The neighbour is capitalised and only a space or hyphen separates the two words."""
    capitalised = neighbour.text[0].isupper() or _ARTICLE_PREFIX.match(neighbour.text)
    return bool(capitalised) and text[left.end : right.start] in (" ", "-")


def _hint(text: str, start: int, end: int, name: str, context: ResolveContext) -> str | None:
    """The precision the words around a name ask for: "Diyala province", "the town of X",
    and "Tacoma, Washington", where the name is the province of the town before it."""
    if _PROVINCE_AFTER.match(text[end : end + CONTEXT_CHARS]):
        return "admin1"
    before = text[max(0, start - CONTEXT_CHARS) : start]
    if _TOWN_BEFORE.search(before):
        return "town"
    town = _TOWN_AND_COMMA.search(before)
    if town is None:
        return None
    within = region_after(text, start - len(before) + town.end(1), context)
    if within is None or name_key(within.admin1 or "") != name_key(name):
        return None
    found = candidates(town.group(1), context=context, within=within)
    return "admin1" if found and _lies_within(found[0].entry, within) else None


def _with_modifiers(text: str, span: Span, best: Candidate, context: ResolveContext):
    """Span and place after "east of X" (near) and "western X" (region) are applied."""
    before = text[max(0, span.start - CONTEXT_CHARS) : span.start]
    entry = best.entry
    direction = _DIRECTION_BEFORE.search(before)
    if direction and entry.precision in ("country", "admin1"):
        start = span.start - len(before) + direction.start(1)
        phrase = text[start : span.end]
        region = [c for c in candidates(phrase, context=context) if c.entry.source == "alias"]
        if region and name_key(phrase) == region[0].entry.key:
            return Span(phrase, start, span.end), to_place(region[0].entry)
        place = replace(to_place(entry, precision="region"), name=phrase)
        return Span(phrase, start, span.end), place
    if entry.precision in NEAR_PRECISIONS and _NEAR_BEFORE.search(before):
        return span, to_place(entry, precision="near")
    return span, to_place(entry)


def warm_up() -> None:
    """Open the gazetteer now (e.g. in a worker initialiser) rather than on first use."""
    index()
