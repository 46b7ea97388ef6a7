"""Turn the pipeline's trigger spans into ``Mention`` records, one per event per sentence.

Dates and tolls come from ``dates.find_date_expressions`` and
``counts.find_counts``, called once per sentence that reports an event, and go
to the mention whose clause holds them.

A toll marked as added ("two *more* soldiers died", "a passer-by was *also* killed")
in a later sentence of the same document adds to the toll told before instead of
competing with it (see :func:`fold_additive`); across documents tolls are ranged,
never added (``reconcile.tolls``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline.antecedents import TriggerKey, antecedent, first_tellings, trigger_key
from dateline.extract import counts, counts_lexicon, dates, given
from dateline.extract.extensions import TRIGGERS_KEY
from dateline.extract.lexicon import WordClass, word_classes
from dateline.extract.triggers import in_class
from dateline.records import Count, Document, Mention, Span

# A capture of several places is one event per place ("Saadiyah and Jalawla had fallen").
SPLIT_BY_PLACE_MODES = frozenset({"seize"})
DEFAULT_BATCH_SIZE = 8
# Verbal acts are only worth a mention with their speaker ("Ask yourself why ...").
SPEECH_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN", "AGREE"})
# The toll fields of a mention, in the order ``find_counts`` returns them.
TOLL_FIELDS = ("killed", "injured")
# Qualifiers of a sum of two figures (see ``records.Count``).
EXACT, VAGUE, RANGE, AT_LEAST, MORE_THAN = "exact", "vague", "range", "at_least", "more_than"
# Words of a running total in ``counts/words.jsonl`` ("since", "so far", "in total").
CUMULATIVE_ROLE = "cumulative"
# The type of event whose toll a sentence with no trigger of its own can add to.
TOLL_TYPE = "ASSAULT"

DateFinder = Callable[[str, int], list[Span]]
CountFinder = Callable[[str, int], tuple[Count | None, Count | None]]


def extract_mentions(doc: Document, nlp: Language) -> list[Mention]:
    """Mentions of events in ``doc.text`` (never its comments)."""
    return mentions_from_parse(doc, nlp(doc.text))


def extract_documents(
    docs: Sequence[Document], nlp: Language, *, batch_size: int = DEFAULT_BATCH_SIZE
) -> list[list[Mention]]:
    """Mentions per document, parsing the batch with ``nlp.pipe``."""
    parsed = nlp.pipe((doc.text for doc in docs), batch_size=batch_size)
    return [
        mentions_from_parse(doc, spacy_doc) for doc, spacy_doc in zip(docs, parsed, strict=True)
    ]


def mentions_from_parse(
    doc: Document,
    spacy_doc: SpacyDoc,
    *,
    find_dates: DateFinder | None = None,
    find_counts: CountFinder | None = None,
) -> list[Mention]:
    """Build the mentions of one parsed document; the finders are swappable for tests."""
    find_dates = find_dates or dates.find_date_expressions
    find_counts = find_counts or counts.find_counts
    by_sentence: dict[int, list[SpacySpan]] = defaultdict(list)
    for trigger in spacy_doc.spans.get(TRIGGERS_KEY, []):
        by_sentence[trigger.sent.start].append(trigger)
    strays = [
        stray
        for sentence in _additive_sentences(spacy_doc, by_sentence)
        for stray in _stray_toll(doc, sentence, find_counts)
    ]
    mentions: list[Mention] = []
    for triggers in by_sentence.values():
        sentence = triggers[0].sent
        date_spans = find_dates(sentence.text, sentence.start_char)
        killed, injured = find_counts(sentence.text, sentence.start_char)
        assault_holder = _count_holder(triggers, [c for c in (killed, injured) if c is not None])
        for trigger in triggers:
            if trigger.label_ in SPEECH_TYPES and trigger._.dl_actor1 is None:
                continue  # a demand, accusation or refusal by no one we can name
            tolls = (killed, injured) if trigger is assault_holder else (None, None)
            mentions.extend(_mentions(doc, trigger, date_spans, tolls))
    return fold_additive(mentions, spacy_doc, strays=strays)


def fold_additive(
    mentions: Sequence[Mention], spacy_doc: SpacyDoc, *, strays: Sequence[Mention] = ()
) -> list[Mention]:
    """Mentions of one document with each additive toll added to the toll its event was
    last told with ("killing four officers. A passer-by was also killed" -> 5).

    Only a back-reference adds, and only to a figure of its own document: the same source
    telling more (across documents tolls are ranged, never added). The sum keeps the span
    of the figure it builds on: the number first stated stays the evidence of the total,
    and the additive sentence is its own mention's evidence. The back-reference keeps no
    toll of that kind, so it cannot compete with the total. ``strays`` are additive tolls
    of sentences with no trigger ("Two more soldiers died of their wounds"): each joins,
    as a back-reference, the attack whose toll of that kind was told last, and is dropped
    when no attack told one.
    """
    items = sorted(
        [(m, False) for m in mentions] + [(m, True) for m in strays],
        key=lambda item: item[0].trigger.start,
    )
    folded = [mention for mention, _ in items]
    kept = [True] * len(items)
    told = first_tellings(folded)  # an event's first trigger -> its position
    holders: dict[tuple[int, str], int] = {}  # (event, toll field) -> mention holding it
    latest: dict[str, int] = {}  # toll field -> the attack whose toll was told last
    for i, (mention, stray) in enumerate(items):
        if stray:
            first = next(f for f in TOLL_FIELDS if getattr(mention, f) is not None)
            event = latest.get(first)
            kept[i] = event is not None
            if not kept[i]:
                continue  # "more" than no toll told: no attack to add to
            folded[i] = replace(mention, refers_to=folded[event].trigger)
        else:
            event = _event_of(mention, told, i)
        tolls = (mention.killed, mention.injured)
        adding = (True, True) if stray else _additive_tolls(tolls, spacy_doc)
        for field, count, adds in zip(TOLL_FIELDS, tolls, adding, strict=True):
            if count is None:
                continue
            holder = holders.get((event, field))
            if holder is not None and event != i and adds:
                total = _added(getattr(folded[holder], field), count)
                folded[holder] = replace(folded[holder], **{field: total})
                folded[i] = replace(folded[i], **{field: None})
            else:
                holders[(event, field)] = i
            if mention.type == TOLL_TYPE:
                latest[field] = event
    return [mention for mention, keep in zip(folded, kept, strict=True) if keep]


def _event_of(mention: Mention, told: dict[TriggerKey, int], position: int) -> int:
    """Position of the mention that first told ``mention``'s event (its own if new)."""
    if mention.refers_to is None:
        return told.get(trigger_key(mention), position)
    found = antecedent(mention, told)
    return position if found is None else found


def _additive_tolls(
    tolls: tuple[Count | None, Count | None], spacy_doc: SpacyDoc
) -> tuple[bool, bool]:
    """Which of a sentence's tolls (killed, injured) add to ones told before. A later one
    whose "more" leans on the sentence's own earlier toll adds nothing told before:
    "nine were killed and dozens more wounded" are dozens besides the nine dead."""
    adds = [count is not None and _adds(count, spacy_doc) for count in tolls]
    told = sorted((count.span.start, i) for i, count in enumerate(tolls) if count is not None)
    if len(told) == 2:
        (_, first), (_, second) = told
        adds[second] = adds[second] and adds[first]
    return adds[0], adds[1]


def _adds(count: Count, spacy_doc: SpacyDoc) -> bool:
    """Whether ``count`` is marked as added to a toll told, and is no running total
    ("more people have been killed *since*": a tally of many events, not this one's)."""
    figure = _figure(spacy_doc, count)
    if figure is None or _running_total(figure.sent):
        return False
    return given.additive(figure[-1], _is_additive_cue)


def _figure(spacy_doc: SpacyDoc, count: Count) -> SpacySpan | None:
    """The tokens of a count's figure."""
    return spacy_doc.char_span(count.span.start, count.span.end, alignment_mode="expand")


def _running_total(sentence: SpacySpan) -> bool:
    cumulative = counts_lexicon.default_lexicon().roles.get(CUMULATIVE_ROLE, frozenset())
    return any(token.lower_ in cumulative for token in sentence)


def _added(told: Count, more: Count) -> Count:
    """``told`` plus ``more``. The hedge carries over: 4 and "at least 2" is at least 6;
    a vague figure ("a passer-by was also killed": at least one) makes the sum a floor."""
    high = None if told.high is None or more.high is None else told.high + more.high
    low, best = told.low + more.low, told.best + more.best
    return Count(told.span, best, low, high, _sum_qualifier(told, more, low, best, high))


def _sum_qualifier(told: Count, more: Count, low: int, best: int, high: int | None) -> str:
    qualifiers = {told.qualifier, more.qualifier}
    if len(qualifiers) == 1:
        return told.qualifier
    hedged = qualifiers - {EXACT}
    if len(hedged) == 1 and VAGUE not in hedged:
        return hedged.pop()
    if high is not None:
        return RANGE
    return MORE_THAN if low > best else AT_LEAST


@cache
def _additive_words() -> WordClass:
    return word_classes()[given.ADDITIVE_CLASS]


@cache
def _additive_parts() -> frozenset[str]:
    """Every word of the additive cues, for a cheap first test of each token."""
    return frozenset(part for cue in _additive_words().lemmas for part in cue.split())


def _is_additive_cue(token: Token) -> bool:
    """A word of the additive class, alone or with a neighbour ("as well")."""
    parts = _additive_parts()
    if token.lower_ not in parts and token.lemma_.lower() not in parts:
        return False
    words = _additive_words()
    doc = token.doc
    pairs = []
    if token.i > 0:
        pairs.append(f"{doc[token.i - 1].lower_} {token.lower_}")
    if token.i + 1 < len(doc):
        pairs.append(f"{token.lower_} {doc[token.i + 1].lower_}")
    return in_class(token, words) or any(pair in words.lemmas for pair in pairs)


def _additive_sentences(spacy_doc: SpacyDoc, with_triggers: Iterable[int]) -> Iterable[SpacySpan]:
    """Sentences with no trigger that hold an additive word: only these may add a toll."""
    skip = set(with_triggers)
    for sentence in spacy_doc.sents:
        if sentence.start not in skip and any(_is_additive_cue(t) for t in sentence):
            yield sentence


def _stray_toll(doc: Document, sentence: SpacySpan, find_counts: CountFinder) -> list[Mention]:
    """ "Two more soldiers died of their wounds": tolls added to the attack told, in a
    sentence no trigger reports (dying alone is no attack), as a mention for
    :func:`fold_additive` to join to that attack; none when it opens another report."""
    if given.new_setting(sentence.root):
        return []
    spacy_doc = sentence.doc
    found = find_counts(sentence.text, sentence.start_char)
    adding = _additive_tolls(found, spacy_doc)
    tolls = [count if adds else None for count, adds in zip(found, adding, strict=True)]
    figures = [count for count in tolls if count is not None]
    if not figures:
        return []
    return [
        Mention(
            doc_id=doc.id,
            doc_name=doc.name,
            sentence=_sentence(sentence),
            trigger=_span(_toll_verb(spacy_doc, figures[0])),
            type=TOLL_TYPE,
            killed=tolls[0],
            injured=tolls[1],
            source=doc.outlet,
        )
    ]


def _toll_verb(spacy_doc: SpacyDoc, count: Count) -> SpacySpan:
    """The word that tells the toll ("died" in "two more soldiers died"), as a span."""
    figure = _figure(spacy_doc, count)
    word = figure[-1].head if figure[-1].dep_ == "nummod" else figure[-1]
    word = word.head if word.dep_ in given.VICTIM_DEPS else word
    return spacy_doc[word.i : word.i + 1]


def _mentions(
    doc: Document,
    trigger: SpacySpan,
    date_spans: list[Span],
    tolls: tuple[Count | None, Count | None],
) -> Iterable[Mention]:
    places = tuple(_span(p) for p in trigger._.dl_places)
    acled = trigger._.dl_acled
    base = Mention(
        doc_id=doc.id,
        doc_name=doc.name,
        sentence=_sentence(trigger.sent),
        trigger=_span(trigger),
        type=trigger.label_,
        mode=trigger._.dl_mode,
        acled_event_type=acled[0] if acled else None,
        acled_sub_event_type=acled[1] if acled else None,
        actor1=_optional(trigger._.dl_actor1),
        actor2=_optional(trigger._.dl_actor2),
        places=places,
        date_expr=_nearest(date_spans, _reach(trigger)),
        killed=tolls[0],
        injured=tolls[1],
        attribution=_optional(trigger._.dl_attribution),
        modality=trigger._.dl_modality,
        source=_text(trigger._.dl_outlet) or doc.outlet,
        refers_to=_optional(trigger._.dl_refers_to),
    )
    own = trigger._.dl_argument_places
    if trigger._.dl_mode in SPLIT_BY_PLACE_MODES and len(own) > 1:
        return [replace(base, places=(_span(place),)) for place in own]
    return [base]


def _reach(trigger: SpacySpan) -> tuple[int, int]:
    """Character range of the event's clause, outcomes included ("..., killing 57")."""
    doc = trigger.doc
    heads = [doc[trigger._.dl_anchor], trigger.root]
    heads.extend(doc[i] for i in trigger._.dl_entry.get("outcome_tokens", ()))
    tokens = [t for head in heads for t in head.subtree]
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


def _count_holder(triggers: list[SpacySpan], tolls: list[Count]) -> SpacySpan | None:
    """The attack whose clause states the toll, else the sentence's first attack."""
    attacks = [t for t in triggers if t.label_ == "ASSAULT"]
    if not attacks or not tolls:
        return None
    for attack in attacks:
        start, end = _reach(attack)
        if any(start <= toll.span.start < end for toll in tolls):
            return attack
    return attacks[0]


def _nearest(spans: list[Span], reach: tuple[int, int]) -> Span | None:
    if not spans:
        return None
    start, end = reach
    inside = [s for s in spans if start <= s.start < end]
    pool = inside or spans
    return min(pool, key=lambda s: min(abs(s.start - start), abs(s.start - end)))


def _sentence(sentence: SpacySpan) -> Span:
    """The sentence without the line breaks and spaces spaCy leaves at its end."""
    text = sentence.text.rstrip()
    return Span(text=text, start=sentence.start_char, end=sentence.start_char + len(text))


def _span(span: SpacySpan) -> Span:
    return Span(text=span.text, start=span.start_char, end=span.end_char)


def _optional(span: SpacySpan | None) -> Span | None:
    return None if span is None else _span(span)


def _text(span: SpacySpan | None) -> str | None:
    return None if span is None else span.text.strip()
