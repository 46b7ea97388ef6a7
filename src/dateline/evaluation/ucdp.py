"""UCDP GED Syria: fatalities, sides and places from the headlines events cite.

One CSV row is one coded event; ``source_headline`` lists the headlines of the
reports it was coded from, separated by ``;``. A headline may be cited by
several events, so scoring is per headline group (a headline and every event
citing it); each headline is run once, published on its events' earliest
``date_start``.

Reading the list: a ``;`` that closes an HTML entity ("the &#8220;Islamic
State&#8221;") or is followed by a space and a lower-case word ("6 civilians at
least; many people are injured") is the headline's own punctuation, not a
separator; entities are then decoded. Split naively, 5 toll headlines were read
cut short ("... 16 members from the &#8220") and the fragments formed spurious
groups.

Rules (docs/quality.md):
- Fatalities: only headlines cited once (by exactly one event) whose text states
  that event's toll: a number in the headline equals its ``best``. This follows
  issue 6's definition, which selects 782 headlines; three readings of ours had
  given 777 (+54 -47 -2):
  - a number is a numeral standing alone ("12", "1,200", "11" in "11-year-old")
    or a number word from one to twenty. Digits inside a word are not a number
    in the headline: "14th" (37 Airwars headlines open "June 14th 2017: (S855)"),
    "T4" (an airbase), "S423" (a record id); we had read them (-47).
  - "one" is a number like the others ("kills one of them"); we had left it out
    as mostly a pronoun (+54).
  - a headline listed twice in one event's sources ("...;..." from SOHR;SOHR) is
    two reports, so not cited once; we had merged the copies (-2).
  Exact match of our killed count with ``best``.
- Sides, on every headline: our actor1 against ``side_a`` and actor2 against
  ``side_b`` through the ``ucdp_sides`` table (data/evaluation); a group agrees
  when any of its events does. The mention scored is the root-most ASSAULT
  mention (UCDP codes organised violence only), else the root-most mention.
- Place, where the headline names one (the event's place, district or
  governorate name found in it, fuzzily): the scored mention's place, else the
  first place any mention resolved, within 50 km of the event.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import html
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from dateline.datafiles import read_table
from dateline.evaluation.metrics import Tally
from dateline.evaluation.runner import main_mention
from dateline.geo import haversine_km
from dateline.records import Actor, Mention, Place

# ";" separates headlines unless it closes an HTML entity or goes on in lower case.
HEADLINE_SEPARATOR = re.compile(
    r"(?<!&#\d{2})(?<!&#\d{3})(?<!&#\d{4})(?<!&[a-z]{2})(?<!&[a-z]{3})(?<!&[a-z]{4})"
    r";(?!\s+[a-z])"
)
SIDE_SEPARATOR = ", "
PLACE_TOLERANCE_KM = 50.0
ANY_SIDE = "*"
VIOLENT_TYPE = "ASSAULT"
# Fixed here, not read from the extractor's lexicon: the selection of scored
# headlines must not move when the extractor learns new words.
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip
# Numerals standing alone ("1,200", the "11" of "11-year-old", not the "14" of "14th") and words.
NUMBER_RE = re.compile(r"\b(?:\d{1,3}(?:,\d{3})+|\d+)\b|[A-Za-z]+")
# Trailing words of UCDP place names that say what kind of place it is.
PLACE_TYPE_WORDS = frozenset(
    ("town", "village", "city", "governorate", "suburb", "district", "area", "camp", "farm",
     "farms")
)  # fmt: skip
ARTICLES = frozenset(("al", "el", "ar", "as", "ad", "an", "ash", "at", "az"))
NAME_SIMILARITY = 85  # rapidfuzz ratio for a place name to count as named in a headline
MIN_NAME_CHARS = 4  # shorter names ("Ula") match too much by chance
NO_VALUE = "<NA>"


@dataclass(frozen=True)
class UcdpEvent:
    id: str
    best: int
    side_a: str
    side_b: str
    lat: float
    lon: float
    date_start: dt.date
    place_names: tuple[str, ...]  # the event's place, district and governorate names


@dataclass(frozen=True)
class HeadlineGroup:
    headline: str
    events: tuple[UcdpEvent, ...]  # distinct, in citing order
    citations: int = 1  # how often sources list it: twice in one event is two reports

    @property
    def published(self) -> dt.date:
        return min(e.date_start for e in self.events)


def _place_name(value: str) -> str | None:
    words = value.split()
    if words and words[-1].lower() in PLACE_TYPE_WORDS:
        words = words[:-1]
    return " ".join(words) or None


def event_from_row(row: Mapping[str, str]) -> UcdpEvent:
    names = [
        _place_name(row[key])
        for key in ("where_coordinates", "adm_2", "adm_1")
        if row.get(key) and row[key] != NO_VALUE
    ]
    return UcdpEvent(
        id=row["id"],
        best=int(row["best"]),
        side_a=row["side_a"],
        side_b=row["side_b"],
        lat=float(row["latitude"]),
        lon=float(row["longitude"]),
        date_start=dt.date.fromisoformat(row["date_start"][:10]),
        place_names=tuple(dict.fromkeys(n for n in names if n)),
    )


def headlines_of(row: Mapping[str, str]) -> list[str]:
    """The headlines one event cites, in order, repeats kept (each is a report)."""
    found = [html.unescape(h).strip() for h in HEADLINE_SEPARATOR.split(row["source_headline"])]
    return [h for h in found if h]


def group_headlines(rows: Sequence[Mapping[str, str]]) -> list[HeadlineGroup]:
    groups: dict[str, dict[str, UcdpEvent]] = {}
    citations: Counter[str] = Counter()
    for row in rows:
        event = event_from_row(row)
        for headline in headlines_of(row):
            citations[headline] += 1
            groups.setdefault(headline, {}).setdefault(event.id, event)
    return [HeadlineGroup(h, tuple(events.values()), citations[h]) for h, events in groups.items()]


def read_rows(path: Path) -> list[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def numbers_in(headline: str) -> set[int]:
    found: set[int] = set()
    for token in NUMBER_RE.findall(headline):
        if token[0].isdigit():
            found.add(int(token.replace(",", "")))
        elif token.lower() in NUMBER_WORDS:
            found.add(NUMBER_WORDS[token.lower()])
    return found


def states_toll(group: HeadlineGroup) -> bool:
    """Cited once, and a number in the headline is its event's ``best``."""
    return group.citations == 1 and group.events[0].best in numbers_in(group.headline)


def _normalise(text: str) -> list[str]:
    words = re.sub(r"[^\w]+", " ", text.lower().replace("_", " ")).split()
    return [w for w in words if w not in ARTICLES]


def names_place(headline: str, name: str) -> bool:
    """``name`` (or a close spelling: "Raqqa" for "Ar Raqqah") occurs in ``headline``."""
    target = "".join(_normalise(name))
    if len(target) < MIN_NAME_CHARS:
        return False
    words = _normalise(headline)
    size = len(_normalise(name))
    for width in {max(1, size - 1), size, size + 1}:
        for i in range(len(words) - width + 1):
            if fuzz.ratio(target, "".join(words[i : i + width])) >= NAME_SIMILARITY:
                return True
    return False


def named_place(group: HeadlineGroup) -> bool:
    return any(names_place(group.headline, n) for e in group.events for n in e.place_names)


def _headline_hash(group: HeadlineGroup) -> str:
    return hashlib.sha1(group.headline.encode("utf-8")).hexdigest()


def sample(groups: Sequence[HeadlineGroup], limit: int | None) -> list[HeadlineGroup]:
    """A deterministic sample: the ``limit`` groups whose headlines hash lowest."""
    if limit is None or limit >= len(groups):
        return list(groups)
    return sorted(groups, key=_headline_hash)[:limit]


@dataclass(frozen=True)
class SideRule:
    country: str | None
    sectors: frozenset[str]
    groups: frozenset[str]  # lower-case group names or actor ids


def load_side_rules() -> dict[str, SideRule]:
    return {
        row["side"]: SideRule(
            row.get("country"),
            frozenset(row.get("sectors", ())),
            frozenset(g.lower() for g in row.get("groups", ())),
        )
        for row in read_table("evaluation", "ucdp_sides")
    }


def _rule_matches(rule: SideRule, actor: Actor) -> bool:
    names = {(actor.group or "").lower(), actor.id.lower()}
    if rule.groups & names:
        return True
    if rule.country is None and not rule.sectors:
        return False
    country_ok = rule.country is None or actor.country == rule.country
    return country_ok and (not rule.sectors or actor.sector in rule.sectors)


def side_matches(side: str, actor: Actor | None, rules: Mapping[str, SideRule]) -> bool:
    """Our actor is (one of) the UCDP side's actors, by the table or by name."""
    if actor is None:
        return False
    for name in side.split(SIDE_SEPARATOR):
        rule = rules.get(name) or rules.get(ANY_SIDE)
        if rule is not None and _rule_matches(rule, actor):
            return True
        labels = (actor.name, actor.group or "")
        if any(fuzz.token_set_ratio(name, label) >= NAME_SIMILARITY for label in labels if label):
            return True
    return False


def scored_mention(mentions: Sequence[Mention], depths: dict[int, int]) -> Mention | None:
    violent = [m for m in mentions if m.type == VIOLENT_TYPE]
    return main_mention(violent or mentions, depths)


def killed_count(mentions: Sequence[Mention]) -> int | None:
    """The first killed count in text order (each sentence gives its toll to one mention)."""
    counts = sorted((m.killed.span.start, m.killed.best) for m in mentions if m.killed)
    return counts[0][1] if counts else None


def our_place(main: Mention | None, mentions: Sequence[Mention]) -> Place | None:
    if main is not None and main.place is not None:
        return main.place
    return next((m.place for m in mentions if m.place is not None), None)


def _within(place: Place | None, events: Sequence[UcdpEvent]) -> bool:
    if place is None or place.lat is None or place.lon is None:
        return False
    return any(
        haversine_km(place.lat, place.lon, e.lat, e.lon) <= PLACE_TOLERANCE_KM for e in events
    )


def score_fatalities(
    groups: Sequence[HeadlineGroup], mentions: Sequence[Sequence[Mention]]
) -> tuple[Tally, int]:
    """(exact matches, headlines where we found no killed count) on toll-stating headlines."""
    tally, missing = Tally(), 0
    for group, found in zip(groups, mentions, strict=True):
        killed = killed_count(found)
        missing += killed is None
        tally.add(killed == group.events[0].best)
    return tally, missing


@dataclass
class SidesReport:
    side_a: Tally = field(default_factory=Tally)
    side_b: Tally = field(default_factory=Tally)
    either_order: Tally = field(default_factory=Tally)  # both sides, whichever way round
    place: Tally = field(default_factory=Tally)
    place_given_mention: Tally = field(default_factory=Tally)  # the resolver's share
    no_mention: int = 0  # headlines that gave no mention at all
    no_actor1: int = 0  # scored mentions whose actor1 did not resolve

    def as_dict(self) -> dict[str, Any]:
        return {
            "side_a": self.side_a.as_dict(),
            "side_b": self.side_b.as_dict(),
            "sides_either_order": self.either_order.as_dict(),
            "place_50km": self.place.as_dict(),
            "place_50km_given_mention": self.place_given_mention.as_dict(),
            "headlines_without_mention": self.no_mention,
            "mentions_without_actor1": self.no_actor1,
        }


def _sides_agree(event: UcdpEvent, first: Actor | None, second: Actor | None, rules) -> bool:
    return side_matches(event.side_a, first, rules) and side_matches(event.side_b, second, rules)


def score_sides_and_places(
    groups: Sequence[HeadlineGroup],
    mentions: Sequence[Sequence[Mention]],
    depths: Sequence[dict[int, int]],
    *,
    rules: Mapping[str, SideRule],
) -> SidesReport:
    """Side agreement on every headline; place within 50 km where the headline names one."""
    report = SidesReport()
    for group, found, depth in zip(groups, mentions, depths, strict=True):
        main = scored_mention(found, depth)
        report.no_mention += main is None
        report.no_actor1 += main is not None and main.actor1_entity is None
        actor1 = main.actor1_entity if main else None
        actor2 = main.actor2_entity if main else None
        events = group.events
        report.side_a.add(any(side_matches(e.side_a, actor1, rules) for e in events))
        report.side_b.add(any(side_matches(e.side_b, actor2, rules) for e in events))
        report.either_order.add(
            any(
                _sides_agree(e, actor1, actor2, rules) or _sides_agree(e, actor2, actor1, rules)
                for e in events
            )
        )
        if named_place(group):
            near = _within(our_place(main, found), events)
            report.place.add(near)
            if main is not None:
                report.place_given_mention.add(near)
    return report
