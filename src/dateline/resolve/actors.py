"""Resolve an actor phrase ("Syrian Army warplanes", "Tehran", "Maliki") to a canonical Actor.

The knowledge base is data (``data/actors/*.jsonl`` plus users' files): named groups with
aliases, people with dated roles, head nouns with sectors, countries with demonyms and
capitals used as metonyms. Resolution, most specific first:

1. a named group or person anywhere in the phrase (the longest alias wins); a person
   resolves to the body they act for on the article's date;
2. otherwise a country (name, demonym, capital) plus the sector of the head noun:
   rebel words beat state ones ("rebel forces"), else the rightmost noun decides;
3. a country alone is its government ("Tehran said") or, as the doer of an attack or a
   deployment, its military (the caller says so with ``default_sector``); a plural
   demonym is its people ("71 Iraqis"); a sector alone takes the article's country (a
   state sector in an article naming no country, that of its national armed groups), and
   rebels the article's dominant armed group ("the Sunni insurgents" in an ISIS story),
   else the country whose rebels it names ("Syrian rebel factions"), whose government
   "government forces" then are too.
   "The regime" is a government like any other (``sectors`` table): "regime forces" are
   the article's country's military, as "government troops" are. Machines alone
   ("warplanes", "drones") are the military, but whose is not said: no country;
4. a bare title ("the President") is the holder of that office on the article's date whom
   the article named last ("the Obama administration ... the President announced").
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from dateline.datafiles import read_table
from dateline.records import Actor
from dateline.resolve.context import (
    CountryMention,
    ResolveContext,
    country_mentions,
    trie_pattern,
)
from dateline.resolve.countries import countries
from dateline.resolve.places import index
from dateline.resolve.translit import fold, name_key

SECTOR_LABELS = {
    "GOV": "government",
    "MIL": "military",
    "POL": "political groups",
    "REB": "rebels",
    "CVL": "civilians",
    "REL": "religious leaders",
    "IGO": "international organisation",
    "MED": "media",
    "BUS": "business",
}
STATE_SECTORS = frozenset({"GOV", "MIL"})
METONYM_MIN_POPULATION = 500_000  # a capital this big stands for its government
# ACLED inter code by sector, when the head noun gives none.
SECTOR_INTER = {"GOV": 1, "MIL": 1, "REB": 2, "CVL": 7, "IGO": 8, "MED": 7}
_NON_WORD = re.compile(r"[^a-z0-9]+")
_POSSESSIVE = re.compile(r"(?<=\w)['’`]s\b")
# A title standing alone for its holder: "the President", "the prime minister".
_BARE_TITLE = re.compile(
    r"^\s*(?:the\s+)?(president|prime minister|premier|foreign minister|secretary of state"
    r"|defen[cs]e secretary|supreme leader|grand ayatollah|caliph)\s*$",
    re.IGNORECASE,
)
_TITLE_SYNONYMS = {"premier": "prime minister", "defence secretary": "secretary of defense",
                   "defense secretary": "secretary of defense"}  # fmt: skip


def normalise(text: str) -> str:
    """Lower case, accents, apostrophes and punctuation folded, padded with spaces; a
    possessive ending dropped ("the regime’s shelling", "Hezbollah's fighters"), as folding
    would glue it on ("regimes")."""
    return f" {_NON_WORD.sub(' ', fold(_POSSESSIVE.sub('', text))).strip()} "


@dataclass(frozen=True)
class _Alias:
    norm: str  # normalised alias, padded with spaces
    kind: str  # "group" | "person"
    ref: str  # group or person id


class KnowledgeBase:
    """The actor tables, indexed for phrase lookups."""

    def __init__(self) -> None:
        self.groups = {row["id"]: row for row in read_table("actors", "groups")}
        self.people = {row["id"]: row for row in read_table("actors", "people")}
        aliases = [
            _Alias(normalise(alias), kind, row["id"])
            for kind, table in (("group", self.groups), ("person", self.people))
            for row in table.values()
            for alias in (row["name"], *row.get("aliases", ()))
        ]
        self.aliases = sorted(
            (alias for alias in aliases if alias.norm.strip()), key=lambda a: -len(a.norm)
        )
        acronyms = {
            acronym: row["id"]
            for row in self.groups.values()
            for acronym in row.get("acronyms", ())
        }
        self.acronyms = acronyms
        self.acronym_pattern = re.compile(
            r"(?<![\w.])(" + "|".join(map(re.escape, sorted(acronyms, key=len, reverse=True)))
            + r")(?![\w])"
        ) if acronyms else None  # fmt: skip
        rows = read_table("actors", "sectors")
        self.nouns = sorted(
            ((normalise(noun), row["sector"], row.get("acled_inter"))
             for row in rows for noun in row["nouns"]),
            key=lambda item: -len(item[0]),
        )  # fmt: skip
        self.machines = frozenset(
            normalise(noun) for row in rows if row.get("machines") for noun in row["nouns"]
        )
        # (normalised alias, its words, group id) of armed non-state groups, longest first.
        self.rebel_names = tuple(
            (alias.norm, frozenset(alias.norm.split()), alias.ref)
            for alias in self.aliases
            if alias.kind == "group" and self.groups[alias.ref]["sector"] == "REB"
        )

    def named(self, text: str) -> tuple[str, str] | None:
        """(kind, id) of the most specific group or person named in ``text``."""
        norm = normalise(text)
        for alias in self.aliases:
            if alias.norm in norm:
                return alias.kind, alias.ref
        if self.acronym_pattern is not None:
            match = self.acronym_pattern.search(text)
            if match:
                return "group", self.acronyms[match.group(1)]
        return None

    def sector(self, text: str) -> tuple[str, int | None] | None:
        """(sector, ACLED inter) of the phrase's head noun."""
        norm = normalise(text)
        found = []  # (position, sector, inter)
        taken = [False] * len(norm)
        for noun, sector, inter in self.nouns:  # longest first: "air force" before "force"
            start = norm.find(noun)
            while start >= 0:
                end = start + len(noun)
                if not any(taken[start + 1 : end - 1]):
                    found.append((start, sector, inter))
                    for index in range(start + 1, end - 1):
                        taken[index] = True
                start = norm.find(noun, start + 1)
        if not found:
            return None
        rebels = [item for item in found if item[1] == "REB"]
        _, sector, inter = max(rebels or found)
        return sector, inter

    def only_machines(self, text: str) -> bool:
        """ "warplanes", "the jets": every sector noun in the phrase names a machine, so it
        says what acted (the military) but not whose ("the regime's helicopters" does)."""
        norm = normalise(text)
        named = [noun for noun, _, _ in self.nouns if noun in norm]
        return bool(named) and all(noun in self.machines for noun in named)


@cache
def knowledge_base() -> KnowledgeBase:
    """The process's actor knowledge base (loaded once)."""
    return KnowledgeBase()


def resolve_actor(
    text: str,
    *,
    on: dt.date | None = None,
    context: ResolveContext | None = None,
    default_sector: str = "GOV",
    at: int | None = None,
) -> Actor | None:
    """The canonical actor a phrase names, or None when it names none.

    ``default_sector`` is the sector of a country named with no head noun ("Iran");
    ``at`` is the phrase's offset in the article, for titles ("the President").
    """
    kb = knowledge_base()
    context = context or ResolveContext()
    date = on or context.published
    holder = _title_holder(text, date, context, at)
    if holder is not None:
        return holder
    named = kb.named(text)
    if named is not None:
        kind, ref = named
        if kind == "person":
            return _person_actor(kb.people[ref], date, text, context)
        return actor_by_id(ref, text=text, context=context)
    mentions = [m for m in country_mentions(text) if _counts_as_actor(m, text)]
    sector = kb.sector(_without(text, mentions))  # "West Bank" names no bank
    if mentions:
        return _country_actor(mentions[0], sector, text, default_sector)
    if sector is None:
        return None
    if kb.only_machines(text):  # "warplanes struck": the military, whose unknown
        return _sector_only_actor(*sector, ResolveContext())
    return _sector_only_actor(*sector, context, governing=_names_government(text))


def _title_holder(
    text: str, date: dt.date | None, context: ResolveContext, at: int | None
) -> Actor | None:
    """The body a bare title's holder acts for: the person whose office on the date bears
    that title (not "Vice President" for "the President"), named last before the title,
    else first after it; without a position, the one the article names most."""
    match = _BARE_TITLE.match(text)
    if match is None:
        return None
    title = match.group(1).lower()
    title = _TITLE_SYNONYMS.get(title, title)
    office = re.compile(rf"(?<!vice )(?<!deputy ){re.escape(title)}\b")
    people = knowledge_base().people
    holders = [
        (start, person)
        for start, person in context.people
        if office.search(role_on(people[person]["roles"], date)["title"].lower())
    ]
    if not holders:
        return None
    if at is None:
        person = Counter(person for _, person in holders).most_common(1)[0][0]
    else:
        before = [item for item in holders if item[0] < at]
        person = (before[-1] if before else holders[0])[1]
    role = role_on(people[person]["roles"], date)
    return actor_by_id(role["actor"], text=text, context=context)


def _without(text: str, mentions: list[CountryMention]) -> str:
    """``text`` with the country names in it blanked out."""
    for mention in mentions:
        text = text[: mention.start] + " " * (mention.end - mention.start) + text[mention.end :]
    return text


def _counts_as_actor(mention: CountryMention, text: str) -> bool:
    """Capitals stand for governments when curated as metonyms ("Tehran") or when they are
    cities of some size ("Algiers"), not a small namesake's capital ("Victoria")."""
    if mention.kind != "capital":
        return True
    name = text[mention.start : mention.end]
    return name in countries()[mention.code].metonyms or _sizeable_capital(name, mention.code)


def _sizeable_capital(name: str, code: str) -> bool:
    """The gazetteer knows a city of that name in that country of metonym size."""
    return any(
        entry.country == code and entry.population >= METONYM_MIN_POPULATION
        for entry in index().exact(name_key(name))
    )


def _country_actor(mention: CountryMention, sector, text: str, default_sector: str) -> Actor:
    if sector is not None:
        return country_sector_actor(mention.code, *sector)
    word = text[mention.start : mention.end]
    if mention.kind == "demonym" and word.endswith("s") and _ends_phrase(text, mention.end):
        return country_sector_actor(mention.code, "CVL")
    return country_sector_actor(mention.code, default_sector)


def _ends_phrase(text: str, end: int) -> bool:
    return not re.match(r"\s*[A-Za-z]", text[end:])


def _sector_only_actor(
    sector: str, inter: int | None, context: ResolveContext, *, governing: bool = False
) -> Actor:
    if sector == "REB" and context.groups:
        return actor_by_id(context.groups[0], context=context)
    country = context.country
    if sector == "REB" or (governing and sector in STATE_SECTORS and not context.groups):
        country = _rebels_country(context) or country
    if country is None and governing and sector in STATE_SECTORS:
        country = _armed_groups_country(context)
    if country is None:
        return Actor(id=sector, name=SECTOR_LABELS[sector], sector=sector, acled_inter=inter)
    return country_sector_actor(country, sector, inter)


def _names_government(text: str) -> bool:
    """ "government forces", "the regime", "regime forces": the phrase names a government,
    not just an army (which may be a foreign one)."""
    norm = normalise(text)
    return any(sector == "GOV" and noun in norm for noun, sector, _ in knowledge_base().nouns)


def _rebels_country(context: ResolveContext) -> str | None:
    """The country whose rebels the article names most ("Syrian rebel factions"): a bare
    "rebels" are theirs, and "government forces" the government they fight, wherever the
    story is datelined (talks in Amman about Syria)."""
    kb = knowledge_base()
    counts = Counter(code for code, words in context.qualified if kb.sector(words) == _REBELS)
    return counts.most_common(1)[0][0] if counts else None


# Rebels proper (ACLED inter 2): "Iranian militias" in Iraq are no rebels against Iran.
_REBELS = ("REB", 2)


def _armed_groups_country(context: ResolveContext) -> str | None:
    """With no country named, "government forces" or "the regime" in a story whose armed
    groups are one country's ("regime forces shelled Jaysh al-Islam") is that country's:
    the government a national armed group fights is its own ("the army" may be a foreign
    one: Israel's against Hamas)."""
    groups = knowledge_base().groups
    return next(
        (groups[ref]["country"] for ref in context.groups if groups[ref].get("country")), None
    )


def country_sector_actor(code: str, sector: str, inter: int | None = None) -> Actor:
    """The actor for a country's sector, e.g. ("IRQ", "CVL") -> Iraqi civilians."""
    country = countries().get(code)
    adjective = (country.demonyms[0] if country and country.demonyms else code) if country else code
    return Actor(
        id=f"{code}-{sector}",
        name=f"{adjective} {SECTOR_LABELS[sector]}",
        country=code,
        sector=sector,
        acled_inter=inter if inter is not None else SECTOR_INTER.get(sector),
    )


def actor_by_id(ref: str, *, text: str = "", context: ResolveContext | None = None) -> Actor | None:
    """A group actor by id, or a country-sector actor for ids like ``IRQ-GOV``."""
    row = knowledge_base().groups.get(ref)
    if row is None:
        code, _, sector = ref.partition("-")
        return country_sector_actor(code, sector) if sector in SECTOR_LABELS else None
    country = row.get("country")
    if country is None and row["sector"] in STATE_SECTORS and row.get("group") is None:
        # A state body named without its state ("the National Security Council").
        mentions = country_mentions(text)
        country = mentions[0].code if mentions else (context.country if context else None)
    return Actor(
        id=f"{country}-{row['id']}" if country and not row.get("country") else row["id"],
        name=row["name"],
        country=country,
        sector=row["sector"],
        group=row.get("group"),
        acled_inter=row.get("acled_inter"),
        wikidata=row.get("wikidata"),
    )


def _person_actor(row: dict, date: dt.date | None, text: str, context) -> Actor | None:
    role = role_on(row["roles"], date)
    return actor_by_id(role["actor"], text=text, context=context)


def role_on(roles: list[dict], date: dt.date | None) -> dict:
    """The role held on ``date``; outside every term the nearest one; undated, the latest."""
    if date is None:
        return roles[-1]

    def distance(role: dict) -> int:
        start = dt.date.fromisoformat(role["from"]) if role.get("from") else dt.date.min
        end = dt.date.fromisoformat(role["to"]) if role.get("to") else dt.date.max
        if start <= date <= end:
            return 0
        return (start - date).days if date < start else (date - end).days

    return min(roles, key=distance)


def people_named(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, person id) of every naming of a knowledge-base person, in text order."""
    pattern, refs = _people_pattern()
    return tuple((match.start(), refs[match.group(0).lower()]) for match in pattern.finditer(text))


@cache
def _people_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One case-insensitive pattern of every person alias, longest first (as a trie: a
    plain alternation is tried alias by alias at every position of the article)."""
    kb = knowledge_base()
    refs = {
        alias.lower(): row["id"]
        for row in kb.people.values()
        for alias in (row["name"], *row.get("aliases", ()))
    }
    return re.compile(rf"(?<!\w)(?:{trie_pattern(refs)})(?!\w)", re.IGNORECASE), refs


def rank_groups(text: str) -> tuple[str, ...]:
    """Armed non-state groups named in an article, most named first.

    Longer names are counted first and blanked out, so "an al Qaeda offshoot" counts for
    ISIS and not also for al-Qaeda.
    """
    kb = knowledge_base()
    norm = normalise(text)
    # Blanking out only removes words: a name with a word the article lacks is not in it,
    # which spares a search of the whole article for most names.
    words = frozenset(norm.split())
    counts: Counter[str] = Counter()
    for alias, alias_words, ref in kb.rebel_names:  # longest first
        if alias_words <= words and alias in norm:
            counts[ref] += norm.count(alias)
            norm = norm.replace(alias, " ")
    if kb.acronym_pattern is not None:
        for match in kb.acronym_pattern.finditer(text):
            ref = kb.acronyms[match.group(1)]
            if kb.groups[ref]["sector"] == "REB":
                counts[ref] += 1
    return tuple(ref for ref, count in counts.most_common() if count)
