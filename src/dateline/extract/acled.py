"""Component ``dateline_acled``: refine the mode and map the event to ACLED's types.

Reads: trigger spans with ``_.dl_entry``, ``_.dl_actor1``, ``_.dl_actor2``.
Writes: ``span._.dl_mode`` and ``span._.dl_acled`` ((event type, sub-event type) or None).

The agent's phrase and the instrument tell the weapon: "Syrian air planes
attacked" is an air strike, "attacks carried out by U.S. drones" a drone strike.
A mode fixed by the trigger itself ("seize", "siege") is kept. The ACLED pair
comes from the trigger's row when it names one ("retake": the government regains
territory), else from ``data/extract/acled.jsonl`` by type, mode and victims.
"""

from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dateline.extract import syntax
from dateline.extract.extensions import TRIGGERS_KEY, register
from dateline.extract.lexicon import WordClass, load_rows, word_classes
from dateline.extract.triggers import in_class

# Modes the trigger decides by itself; words around it never override them.
FIXED_MODES = frozenset({"seize", "siege", "arrest", "abduct"})
INSTRUMENT_PREPS = ("with", "by", "using")


@Language.factory(
    "dateline_acled",
    default_config={"extra_dirs": []},
    requires=["doc.spans", "span._.dl_actor1", "span._.dl_actor2"],
    assigns=["span._.dl_mode", "span._.dl_acled"],
)
def make_acled(nlp: Language, name: str, extra_dirs: Sequence[str]) -> "AcledMapper":
    return AcledMapper(extra_dirs=[Path(d) for d in extra_dirs])


class AcledMapper:
    def __init__(self, *, extra_dirs: Sequence[Path] = ()) -> None:
        register()
        self.classes = word_classes(extra_dirs=extra_dirs)
        rows = load_rows("extract", "acled", extra_dirs=extra_dirs)
        self.mode_words: list[tuple[WordClass, str]] = [
            (self.classes[row["class"]], row["mode"]) for row in rows if row["kind"] == "mode_words"
        ]
        self.mapping = [row for row in rows if row["kind"] == "acled"]

    def __call__(self, doc: Doc) -> Doc:
        for span in doc.spans.get(TRIGGERS_KEY, []):
            mode = self._mode(span)
            span._.dl_mode = mode
            span._.dl_acled = self._acled(span, mode)
        return doc

    def _mode(self, span: Span) -> str | None:
        entry = span._.dl_entry
        mode = entry.get("mode")
        if entry["type"] not in {"ASSAULT", "THREATEN"} or mode in FIXED_MODES:
            return mode
        words = _weapon_words(span)
        for word_class, word_mode in self.mode_words:
            if any(in_class(token, word_class) for token in words):
                return word_mode
        return mode

    def _acled(self, span: Span, mode: str | None) -> tuple[str, str] | None:
        entry = span._.dl_entry
        if "acled" in entry:
            return tuple(entry["acled"])
        victims = span._.dl_actor2
        for row in self.mapping:
            if row["type"] != span.label_ or row["mode"] != mode:
                continue
            if "victims" in row and not (
                victims is not None
                and any(in_class(t, self.classes[row["victims"]]) for t in victims)
            ):
                continue
            return tuple(row["acled"])
        return None


def _weapon_words(span: Span) -> list[Token]:
    """Words naming the weapon: the agent's phrase, instruments, the trigger's compounds."""
    doc = span.doc
    anchor = doc[span._.dl_anchor]
    words: list[Token] = list(syntax.children(span.root, {"compound", "amod"}))
    if span._.dl_actor1 is not None:
        words.extend(span._.dl_actor1)
    for head in {span.root, anchor}:
        for prep in INSTRUMENT_PREPS:
            for obj in syntax.prep_objects(head, prep):
                words.extend(syntax.noun_phrase(obj))
    return words
