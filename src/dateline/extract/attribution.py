"""Component ``dateline_attribution``: whom the sentence credits with each event.

Reads: the parse and trigger spans.
Writes: ``span._.dl_attribution``: the source's phrase ("local officials in Anbar
province", "CNN", "a senior Iranian official") or None; ``span._.dl_outlet``: the
organisation that reports the claim, when the sentence names one ("According to
local officials, ..., CNN reports": the source is local officials, the outlet CNN).

The nearest source wins: an "according to X" phrase in the trigger's sentence,
else the subject of the closest reporting verb above the trigger ("..., CNN
reports"; "The Washington Post reported that ..."). A pronoun source ("they
said") is resolved in the easy cases (``references``), else skipped for the next
source up.

It also writes ``span._.dl_actor1`` in one case roles cannot see: a first-person
subject inside reported speech ('"We will storm Kirkuk," the commander said') is
the speaker, so the speaker's phrase becomes the actor when roles found none.
"""

from collections.abc import Iterator, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dateline.extract import references, syntax
from dateline.extract.extensions import TRIGGERS_KEY, register
from dateline.extract.lexicon import load_rows

# A source phrase longer than this is cut to its noun phrase (clauses hang off it).
MAX_SOURCE_TOKENS = 10
# Outlets are organisations to the NER model ("CNN", "the New York Times", "Reuters").
OUTLET_LABEL = "ORG"
# Subjects that name whoever is speaking.
FIRST_PERSON = frozenset({"i", "we"})


@Language.factory(
    "dateline_attribution",
    default_config={"extra_dirs": []},
    requires=["token.dep", "doc.spans"],
    assigns=["span._.dl_attribution", "span._.dl_outlet", "span._.dl_actor1"],
)
def make_attribution(nlp: Language, name: str, extra_dirs: Sequence[str]) -> "AttributionFinder":
    return AttributionFinder(extra_dirs=[Path(d) for d in extra_dirs])


class AttributionFinder:
    def __init__(self, *, extra_dirs: Sequence[Path] = ()) -> None:
        register()
        rows = load_rows("extract", "attribution", extra_dirs=extra_dirs)
        self.verbs = frozenset(v for row in rows for v in row.get("reporting_verbs", ()))
        self.phrases = frozenset(
            (head, prep) for row in rows for head, prep in row.get("source_phrases", ())
        )

    def __call__(self, doc: Doc) -> Doc:
        for span in doc.spans.get(TRIGGERS_KEY, []):
            span._.dl_attribution = self.find(span.root)
            span._.dl_outlet = self.outlet(span.root)
            if span._.dl_actor1 is None:
                span._.dl_actor1 = self.speaker_as_actor(doc[span._.dl_anchor])
        return doc

    def speaker_as_actor(self, anchor: Token) -> Span | None:
        """The speaker of the nearest report around a first-person subject ("we will
        attack", "the rebels told us 'we will attack'": the rebels)."""
        subject = syntax.subject(anchor)
        if subject is None or subject.lower_ not in FIRST_PERSON:
            return None
        nearest = next(self._speakers(anchor), None)
        return None if nearest is None else _source_span(nearest)

    def find(self, trigger: Token) -> Span | None:
        sentence = trigger.sent
        for token in sentence:
            if (token.lower_, _next_word(token)) in self.phrases:
                source = _phrase_object(token)
                if source is not None and trigger.i not in {t.i for t in source.subtree}:
                    return _source_span(source)
        return self._reporter(trigger)

    def outlet(self, trigger: Token) -> Span | None:
        """The outermost reporter above the trigger, when it is an organisation."""
        outlets = [
            speaker
            for _, speaker in self._reports(trigger)
            if speaker is not None and speaker.ent_type_ == OUTLET_LABEL
        ]
        return _source_span(outlets[-1]) if outlets else None

    def _reporter(self, trigger: Token) -> Span | None:
        speaker = next((s for s in self._speakers(trigger) if s is not None), None)
        return None if speaker is None else _source_span(speaker)

    def _speakers(self, trigger: Token) -> Iterator[Token | None]:
        """The speaker of each report above the trigger, nearest first, a pronoun
        resolved where the easy rules can (None where they cannot)."""
        for child, speaker in self._reports(trigger):
            if speaker is not None and references.needs_antecedent(speaker):
                speaker = _resolved_speaker(speaker, child)
            yield speaker

    def _reports(self, trigger: Token) -> Iterator[tuple[Token, Token | None]]:
        """Reporting verbs above the trigger, nearest first: (the reported child, speaker)."""
        token = trigger
        while token.head.i != token.i:
            child, token = token, token.head
            if token.lemma_.lower() in self.verbs and child.dep_ not in syntax.SUBJECT_DEPS:
                yield child, _speaker(token)


def _resolved_speaker(speaker: Token, report: Token) -> Token | None:
    """ "X did Y, they said": "they" is never someone inside the report itself."""
    found = references.antecedent(speaker)
    if found is None:
        return None if speaker.pos_ == "PRON" else speaker
    inside = {t.i for t in report.subtree}
    return None if found.i in inside else found


def _next_word(token: Token) -> str | None:
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return following.lower_ if following is not None else None


def _phrase_object(token: Token) -> Token | None:
    for prep in (token, *token.children):
        objects = syntax.children(prep, {"pobj"})
        if objects:
            return objects[0]
    return None


def _speaker(verb: Token) -> Token | None:
    if syntax.is_passive(verb):
        agents = syntax.prep_objects(verb, "by")
        return agents[0] if agents else None
    return syntax.subject(verb)


def _source_span(token: Token) -> Span:
    subtree = list(token.subtree)
    if len(subtree) > MAX_SOURCE_TOKENS:
        return syntax.noun_phrase(token)
    doc = token.doc
    start, end = subtree[0].i, subtree[-1].i + 1
    while start < token.i and doc[start].pos_ in {"DET", "PUNCT"}:
        start += 1
    while end - 1 > token.i and doc[end - 1].pos_ == "PUNCT":
        end -= 1
    return doc[start:end]
