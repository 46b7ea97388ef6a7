"""The typed records that flow between stages: defined once, frozen, plain data.

Flow: ingest -> Document; extract -> Mention (spans only); resolve -> Mention
with Actor / Place / resolved date filled; reconcile -> Event. Character
offsets always index ``Document.text`` (the article body, comments removed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# PLOVER's sixteen event types, in its documented order.
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

# PLOVER's quad classes, used by the actor network.
QUAD_CLASS = {
    "AGREE": "verbal_cooperation", "CONSULT": "verbal_cooperation",
    "SUPPORT": "verbal_cooperation", "CONCEDE": "verbal_cooperation",
    "COOPERATE": "material_cooperation", "AID": "material_cooperation",
    "RETREAT": "material_cooperation",
    "REQUEST": "verbal_conflict", "ACCUSE": "verbal_conflict", "REJECT": "verbal_conflict",
    "THREATEN": "verbal_conflict",
    "PROTEST": "material_conflict", "SANCTION": "material_conflict",
    "MOBILIZE": "material_conflict", "COERCE": "material_conflict",
    "ASSAULT": "material_conflict",
}  # fmt: skip

MODALITIES = (
    "asserted", "claimed", "denied", "announced", "promised", "threatened",
    "conditional", "hypothetical", "past", "generic", "uncertain",
)  # fmt: skip

SECTORS = ("GOV", "MIL", "POL", "REB", "CVL", "REL", "IGO", "MED", "BUS")

# Place precision, finest first.
PRECISIONS = ("site", "town", "near", "district", "admin1", "region", "country")


@dataclass(frozen=True)
class Span:
    """A stretch of ``Document.text``: the evidence for one field."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Comment:
    """One reader comment (or a block of them) kept apart from the article.

    ``is_repost`` marks a comment that re-posts a whole article from elsewhere:
    reconciliation may use it to link copies, never as the page's own reporting.
    """

    text: str
    start: int  # offsets in the raw page text, for provenance only
    end: int
    author: str | None = None
    is_repost: bool = False
    published: dt.date | None = None  # a date line found inside a re-post


@dataclass(frozen=True)
class Document:
    """One news page after ingest: clean article text plus comments kept apart."""

    id: str  # sha256 of the normalised article text (first 16 hex digits)
    name: str  # the input file's name, or the id given in a JSONL row
    source: str  # path or URL it came from
    text: str  # article body, comments removed; all offsets index this
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_from: str | None = None  # "metadata" | "dateline" | "repost" | None
    language: str = "en"
    comments: tuple[Comment, ...] = ()


@dataclass(frozen=True)
class Count:
    """A reported number of people, with its hedge.

    ``low``/``high`` bound what the words allow: "at least 57" is (57, None),
    "more than 120" is (121, None), "dozens" is (24, None), "30 to 35" is (30, 35).
    ``best`` is the figure as stated.
    """

    span: Span
    best: int
    low: int
    high: int | None
    qualifier: str  # exact | at_least | more_than | up_to | about | vague | range


@dataclass(frozen=True)
class Actor:
    """A canonical entity; people resolve to the body they act for."""

    id: str  # stable key, e.g. "IRQ-GOV", "ISIS", "USA-MIL"
    name: str
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # one of SECTORS
    group: str | None = None  # a non-state organisation's name (ISIS, Hezbollah)
    acled_inter: int | None = None
    wikidata: str | None = None


@dataclass(frozen=True)
class Place:
    """A resolved location with the precision it is known to."""

    name: str
    country: str | None  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    precision: str  # one of PRECISIONS
    admin1: str | None = None
    geonameid: int | None = None
    fallback: str | None = None  # why a coarser level was used, when it was


@dataclass(frozen=True)
class Mention:
    """One event as one sentence of one document tells it."""

    doc_id: str
    doc_name: str
    sentence: Span
    trigger: Span
    type: str  # one of PLOVER_TYPES
    mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    actor1: Span | None = None
    actor2: Span | None = None
    places: tuple[Span, ...] = ()
    date_expr: Span | None = None
    killed: Count | None = None
    injured: Count | None = None
    attribution: Span | None = None
    modality: str = "asserted"
    source: str | None = None  # the outlet that published the document
    # The trigger of the earlier mention in the same document that this one points back
    # at ("six people were killed" after "a bomb exploded"): no new event, more about it.
    refers_to: Span | None = None
    # Filled by resolve:
    actor1_entity: Actor | None = None
    actor2_entity: Actor | None = None
    place: Place | None = None
    date: dt.date | None = None
    date_precision: str | None = None  # day | week | month | year
    date_from: str | None = None  # "text" | "relative" | "published"


@dataclass(frozen=True)
class Range:
    """Low / best / high, as UCDP reports tolls.

    ``open_ended`` says the highest figure is itself a floor ("more than 120"): the
    toll may be higher than ``high``.
    """

    low: int | None
    best: int | None
    high: int | None
    open_ended: bool = False


@dataclass(frozen=True)
class Contradiction:
    """Reports of one event that disagree on a field: each value with its sources."""

    field: str
    values: tuple[object, ...]
    sources: tuple[tuple[str, ...], ...]  # per value, the documents that give it


@dataclass(frozen=True)
class Event:
    """Mentions of one real-world event, merged."""

    id: str
    type: str
    mentions: tuple[Mention, ...]
    mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    date: dt.date | None = None
    date_precision: str | None = None
    modality: str = "asserted"
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Place | None = None
    fatalities: Range | None = None
    injuries: Range | None = None
    confidence: float = 0.5
    contradictions: tuple[Contradiction, ...] = field(default=())


@dataclass(frozen=True)
class Failure:
    """One input that could not be used, and why: reported, never silently dropped."""

    name: str  # the file's name (and row, for JSON Lines)
    code: str  # an entry of dateline.errors.CATALOGUE
    reason: str
    row: int | None = None

    def __str__(self) -> str:
        where = f"{self.name}:{self.row}" if self.row is not None else self.name
        return f"{where}: {self.code} {self.reason}"
