"""Geoparsing evaluation on GeoWebNews and TR-News, with the standard geocoding measures.

Two readings of each corpus:

- **end to end**: ``geoparse`` runs on each article; a gold toponym is *found* when a
  predicted span overlaps it, and the found ones are scored for distance;
- **resolution given the gold spans**: each gold toponym's text is resolved in its
  article's context (as ``resolve_mentions`` resolves the extractor's place spans), which
  is how Mordecai3 reports its GWN and TR-News figures.

Measures: share of gold toponyms found (recall), share of predictions that are gold
toponyms (precision), exact match (same GeoNames id, where the gold has one), share within
161 km (100 miles), mean and median error in km, and geoparsing time per 1,000 words.
Gold toponyms without coordinates (GWN's non-toponyms) are left out, as is standard.
"""

from __future__ import annotations

import re
import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from dateline.geo import haversine_km
from dateline.records import Document, Place, Span
from dateline.resolve.geoparse import adjective_places, geoparse
from dateline.resolve.matcher import place_at
from dateline.resolve.mentions import document_context, not_place_keys

WITHIN_KM = 161.0  # 100 miles: the customary "accuracy@161km"


@dataclass(frozen=True)
class GoldToponym:
    text: str
    start: int
    end: int
    lat: float
    lon: float
    geonameid: int | None


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def read_corpus(path: str | Path) -> list[Article]:
    """GeoWebNews (``<toponym>`` with latitude/longitude) or TR-News (``<gaztag>``)."""
    root = ET.parse(path).getroot()
    articles = []
    for number, node in enumerate(root.iter("article")):
        text = node.findtext("text") or ""
        toponyms = tuple(
            toponym
            for item in node.iter("toponym")
            if (toponym := _gold_toponym(item, text)) is not None
        )
        ident = node.get("docid") or node.get("file") or str(number)
        articles.append(Article(ident, text, toponyms))
    return articles


def _gold_toponym(item: ET.Element, text: str) -> GoldToponym | None:
    start, end = int(item.findtext("start")), int(item.findtext("end"))
    start, end = _aligned(text, item.findtext("phrase"), start, end)
    tag = item.find("gaztag")
    if tag is not None:  # TR-News
        lat, lon, ident = tag.findtext("lat"), tag.findtext("lon"), tag.get("geonameid")
    else:  # GeoWebNews
        lat, lon = item.findtext("latitude"), item.findtext("longitude")
        ident = item.findtext("geonamesID")
    if not lat or not lon:
        return None
    return GoldToponym(
        text=text[start:end],
        start=start,
        end=end,
        lat=float(lat),
        lon=float(lon),
        geonameid=int(ident) if ident and ident.strip().isdigit() else None,
    )


def _aligned(text: str, phrase: str | None, start: int, end: int) -> tuple[int, int]:
    """Offsets moved onto the nearest occurrence of the annotated phrase: TR-News offsets
    drift off their phrase in some articles (by one character up to a few hundred)."""
    if not phrase or text[start:end] == phrase:
        return start, end
    found = [match.start() for match in re.finditer(re.escape(phrase), text)]
    if not found:
        return start, end
    nearest = min(found, key=lambda position: abs(position - start))
    return nearest, nearest + len(phrase)


@dataclass
class _Tally:
    gold: int = 0
    found: int = 0
    exact: int = 0
    exact_possible: int = 0
    within: int = 0
    errors: list[float] | None = None

    def add(self, gold: GoldToponym, place: Place | None) -> None:
        self.gold += 1
        if place is None or place.lat is None:
            return
        self.found += 1
        if gold.geonameid is not None:
            self.exact_possible += 1
            self.exact += int(place.geonameid == gold.geonameid)
        error = haversine_km(place.lat, place.lon, gold.lat, gold.lon)
        self.errors = [*(self.errors or []), error]
        self.within += int(error <= WITHIN_KM)

    def report(self) -> dict:
        errors = self.errors or [0.0]
        return {
            "gold_toponyms": self.gold,
            "found": _share(self.found, self.gold),
            "exact_match": _share(self.exact, self.exact_possible),
            "within_161km": _share(self.within, self.found),
            "within_161km_of_all_gold": _share(self.within, self.gold),
            "mean_error_km": round(statistics.fmean(errors), 1),
            "median_error_km": round(statistics.median(errors), 1),
        }


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def evaluate_geoparsing(path: str | Path, *, nlp=None, limit: int | None = None) -> dict:
    """The standard geocoding measures for one corpus file (see the module docstring)."""
    articles = read_corpus(path)[:limit]
    end_to_end, given_spans = _Tally(), _Tally()
    predicted = correct_predictions = words = 0
    seconds = 0.0
    for article in articles:
        doc = Document(id=article.id, name=article.id, source=str(path), text=article.text)
        began = time.perf_counter()
        rows = geoparse(doc, nlp=nlp)
        seconds += time.perf_counter() - began
        words += len(article.text.split())
        predicted += len(rows)
        correct_predictions += sum(
            any(_overlaps(span, gold) for gold in article.toponyms) for span, _ in rows
        )
        context = document_context(doc)
        for gold in article.toponyms:
            hit = next((place for span, place in rows if _overlaps(span, gold)), None)
            end_to_end.add(gold, hit)
            given_spans.add(gold, _resolve_gold_span(article.text, gold, context))
    return {
        "corpus": Path(path).name,
        "articles": len(articles),
        "end_to_end": end_to_end.report() | {"precision": _share(correct_predictions, predicted)},
        "given_gold_spans": given_spans.report(),
        "seconds_per_1000_words": round(1000 * seconds / max(words, 1), 3),
    }


def _overlaps(span: Span, gold: GoldToponym) -> bool:
    return span.start < gold.end and gold.start < span.end


def _resolve_gold_span(text: str, gold: GoldToponym, context) -> Place | None:
    """A gold toponym resolved as an extractor's place span; an adjective ("Syrian",
    "European") as its country or continent."""
    adjective = adjective_places(gold.text)
    if adjective and adjective[0][0].text == gold.text:
        return adjective[0][1]
    span = Span(gold.text, gold.start, gold.end)
    resolved = place_at(text, span, context=context, blocked=not_place_keys())
    return resolved[1] if resolved else None
