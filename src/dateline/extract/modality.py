"""Component ``dateline_modality``: is the event asserted, claimed, denied, promised...?

Reads: the parse, trigger spans with ``_.dl_entry`` and ``_.dl_anchor``.
Writes: ``span._.dl_modality`` (one of ``records.MODALITIES``).

Cues come from ``data/extract/modality.jsonl``: adverbs on the event ("reportedly"),
modal verbs ("may", "would"), verbs and nouns above it ("sources *claim* that",
"*considering* the transfer", "open to the *possibility* of"), an if-clause under
it, negation, and phrases in its clause ("at the start of the year"). When cues
disagree, the table's precedence picks one: a promise made on a condition is
conditional.
"""

from collections.abc import Iterator, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from dateline.extract import syntax
from dateline.extract.extensions import TRIGGERS_KEY, register
from dateline.extract.lexicon import load_rows

DEFAULT = "asserted"
# How many heads above the event we look for governing verbs and nouns.
MAX_GOVERNOR_STEPS = 6
# Finite verb tags: such a verb carries its own tense, so it shares no auxiliary.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Dependencies that leave the event's proposition: a modifier of some noun, or a
# separate adverbial proposition. Cues beyond them are about something else.
STOP_DEPS = frozenset({"relcl", "acl", "appos", "amod", "nsubj", "nsubjpass"})


@Language.factory(
    "dateline_modality",
    default_config={"extra_dirs": []},
    requires=["token.dep", "doc.spans", "span._.dl_anchor"],
    assigns=["span._.dl_modality"],
)
def make_modality(nlp: Language, name: str, extra_dirs: Sequence[str]) -> "ModalityTagger":
    return ModalityTagger(extra_dirs=[Path(d) for d in extra_dirs])


class ModalityTagger:
    def __init__(self, *, extra_dirs: Sequence[Path] = ()) -> None:
        register()
        rows = load_rows("extract", "modality", extra_dirs=extra_dirs)
        precedence = next(row["precedence"] for row in rows if "precedence" in row)
        self.rank = {modality: rank for rank, modality in enumerate(precedence)}
        self.cues: dict[str, dict[str, str]] = {}
        self.phrases: list[tuple[tuple[str, ...], str]] = []
        self.reporting_verbs: frozenset[str] = frozenset()
        for row in rows:
            if "kind" not in row:
                continue
            if row["kind"] == "reported_aux":
                self.reporting_verbs |= frozenset(row["reporting_verbs"])
            if row["kind"] == "phrase":
                self.phrases.extend((tuple(p.split()), row["modality"]) for p in row["words"])
            else:
                table = self.cues.setdefault(row["kind"], {})
                table.update(dict.fromkeys(row["words"], row["modality"]))

    def __call__(self, doc: Doc) -> Doc:
        for span in doc.spans.get(TRIGGERS_KEY, []):
            anchor = doc[span._.dl_anchor]
            found = set(self._cues(span.root, anchor))
            if "modality" in span._.dl_entry:
                found.add(span._.dl_entry["modality"])
            span._.dl_modality = min(found, key=self.rank.__getitem__, default=DEFAULT)
        return doc

    def _cues(self, trigger: Token, anchor: Token) -> Iterator[str]:
        local = {trigger, anchor}
        for token in local:
            for child in token.children:
                if child.dep_ == "neg":
                    yield from self._lookup("negation", child)
                if child.dep_ == "advcl":
                    for mark in syntax.children(child, {"mark"}):
                        yield from self._lookup("mark", mark)
        reported = any(g.lemma_.lower() in self.reporting_verbs for g in _governors(anchor))
        for token in (*local, *_governors(anchor, with_conjuncts=True)):
            for child in token.children:
                if child.dep_ in {"aux", "auxpass"}:
                    # "said it would send": reported speech shifts "will" to "would".
                    kind = (
                        "reported_aux" if reported and self._has("reported_aux", child) else "aux"
                    )
                    yield from self._lookup(kind, child)
                elif child.dep_ == "advmod":
                    yield from self._lookup("adverb", child)
        if anchor.i != trigger.i:  # "announced the deployment": the light verb governs
            yield from self._lookup("governor", anchor)
        for governor in _governors(anchor):
            yield from self._lookup("governor", governor)
        yield from self._phrases(anchor)

    def _has(self, kind: str, token: Token) -> bool:
        return any(True for _ in self._lookup(kind, token))

    def _lookup(self, kind: str, token: Token) -> Iterator[str]:
        table = self.cues.get(kind, {})
        for key in (token.lemma_.lower(), token.lower_):
            if key in table:
                yield table[key]
                return

    def _phrases(self, anchor: Token) -> Iterator[str]:
        doc = anchor.doc
        clause = sorted(syntax.clause_tokens(anchor))
        words = [doc[i].lower_ for i in clause]
        for phrase, modality in self.phrases:
            width = len(phrase)
            if any(tuple(words[i : i + width]) == phrase for i in range(len(words) - width + 1)):
                yield modality


def _governors(anchor: Token, *, with_conjuncts: bool = False) -> Iterator[Token]:
    """Heads above the event, up to a clause that is about something else.

    The first of two coordinated verbs ("offered support *and* condemned") is a
    sibling, not a governor: it is skipped unless ``with_conjuncts`` (auxiliaries
    such as "would consider and weigh" are shared).
    """
    token = anchor
    for _ in range(MAX_GOVERNOR_STEPS):
        if token.head.i == token.i or token.dep_ in STOP_DEPS:
            return
        if token.dep_ == "advcl" and syntax.children(token, {"mark"}):
            return
        sibling = token.dep_ == "conj"
        # A finite second verb ("would allow X and asked Y") has its own tense and modals.
        shares = with_conjuncts and token.tag_ not in FINITE_TAGS
        token = token.head
        if shares or not sibling:
            yield token
