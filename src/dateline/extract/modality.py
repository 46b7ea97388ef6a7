"""Component ``dateline_modality``: is the event asserted, claimed, denied, promised...?

Reads: the parse, trigger spans with ``_.dl_entry`` and ``_.dl_anchor``.
Writes: ``span._.dl_modality`` (one of ``records.MODALITIES``).

Cues come from ``data/extract/modality.jsonl``: adverbs on the event ("reportedly"),
modal verbs ("may", "would"), verbs and nouns above it ("sources *claim* that",
"*considering* the transfer", "open to the *possibility* of"), an if-clause under
it, negation, and phrases in its clause ("at the start of the year"). When cues
disagree, the table's precedence picks one: a promise made on a condition is
conditional.

An event inside a condition is not reported as happening, whatever its own cues
say: "would accept a truce *only if* forces stopped shelling" states no shelling
(conflict coders do not code an attack from the terms of a truce), and "would march
*until* the governor met them" states no meeting. An if- or unless-clause always
makes its events a ``condition``; an until- or before-clause does so only when the
clause it hangs on is itself unrealised (``pending``: "fought until the army
withdrew" reports a withdrawal). Likewise the act someone is pressed to do
("pressed both sides *to reach* a deal") has not been done: a ``directive`` above
its open complement makes it hypothetical.

A territorial verb whose taken object is a bare plural naming no place, told as a
stretch of time rather than a dated happening ("as ISIS has advanced, *capturing
cities*", "they have seized towns across the north"), describes a campaign, not one
seizure a coder could date and place. It is ``generic``. A count, quantifier or name
("two towns", "several villages", "towns near Kirkuk"), a simple past or a date
("seized villages on Monday": some villages, once) make it one event again.
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
        self.unrealised: frozenset[str] = frozenset()
        self.bare_plural: tuple[str, frozenset[str]] | None = None
        for row in rows:
            if "kind" not in row:
                continue
            if row["kind"] == "reported_aux":
                self.reporting_verbs |= frozenset(row["reporting_verbs"])
            if row["kind"] == "pending":
                self.unrealised |= frozenset(row["unrealised_heads"])
            if row["kind"] == "bare_plural_place":
                self.bare_plural = (row["modality"], frozenset(row["quantifiers"]))
                continue
            if row["kind"] == "phrase":
                self.phrases.extend((tuple(p.split()), row["modality"]) for p in row["words"])
            else:
                table = self.cues.setdefault(row["kind"], {})
                table.update(dict.fromkeys(row["words"], row["modality"]))

    def __call__(self, doc: Doc) -> Doc:
        for span in doc.spans.get(TRIGGERS_KEY, []):
            anchor = doc[span._.dl_anchor]
            entry = span._.dl_entry
            given = entry.get("modality") or self._kind_reading(span.root, entry)
            span._.dl_modality = self._modality(span.root, anchor, given=given)
        return doc

    def _modality(self, trigger: Token, anchor: Token, *, given: str | None = None) -> str:
        condition = self._condition(anchor)
        if condition is not None:
            return condition
        found = set(self._cues(trigger, anchor))
        if given is not None:
            found.add(given)
        return min(found, key=self.rank.__getitem__, default=DEFAULT)

    def _kind_reading(self, trigger: Token, entry: dict) -> str | None:
        """``generic`` for a place-taking verb whose object is a bare plural naming no place."""
        if self.bare_plural is None or entry.get("places_from") != "object":
            return None
        modality, quantifiers = self.bare_plural
        if not _durative(trigger):
            return None
        objects = syntax.direct_objects(trigger)
        if not objects or not all(_bare_plural(o, quantifiers) for o in objects):
            return None
        settings = syntax.children(trigger, {"prep", "npadvmod", "advmod"})
        if any(_names_place(s) for s in settings):  # "seized villages *near Kirkuk*"
            return None
        return modality

    def _condition(self, anchor: Token) -> str | None:
        """The modality of a condition clause the event sits in, if it sits in one."""
        clause = _subordinate_clause(anchor)
        if clause is None:
            return None
        for mark in syntax.children(clause, {"mark"}):
            condition = next(self._lookup("condition", mark), None)
            if condition is not None:
                return condition
            pending = next(self._lookup("pending", mark), None)
            if pending is not None and self._modality(clause.head, clause.head) in self.unrealised:
                return pending
        return None

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
            yield from self._hearsay(governor)
        complement = _open_complement(anchor)
        if complement is not None:  # "pressed both sides *to reach* a deal": not reached
            yield from self._lookup("directive", complement.head)
        yield from self._phrases(anchor)

    def _hearsay(self, governor: Token) -> Iterator[str]:
        """ "reports surface that ...", "the report notes that ...": told on the word of
        reports that name no source; "a UN report said" names one and asserts."""
        for subject in syntax.children(governor, {"nsubj"}):
            if not any(t.ent_type_ in SOURCE_LABELS for t in subject.subtree):
                yield from self._lookup("hearsay_subject", subject)

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


# Dependents that make a plural noun phrase specific: a determiner, a count, an owner.
SPECIFYING_DEPS = frozenset({"det", "nummod", "poss", "predet", "quantmod"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TIME_LABELS = frozenset({"DATE", "TIME"})
# Entities that name who stands behind a report ("a *UN* report", "*Reuters* reports").
SOURCE_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP"})


def _durative(verb: Token) -> bool:
    """Told as a stretch of time: a participle adjunct or a perfect, with no date of its own."""
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    if not (perfect or verb.tag_ == "VBG"):
        return False
    return not any(verb.doc[i].ent_type_ in TIME_LABELS for i in syntax.clause_tokens(verb))


def _bare_plural(noun: Token, quantifiers: frozenset[str]) -> bool:
    if noun.tag_ != "NNS" or noun.ent_type_:
        return False
    if any(child.dep_ in SPECIFYING_DEPS or child.lower_ in quantifiers for child in noun.children):
        return False
    return not _names_place(noun)


def _names_place(token: Token) -> bool:
    return any(t.ent_type_ in PLACE_LABELS for t in token.subtree)


def _open_complement(anchor: Token) -> Token | None:
    """The verb heading the event's open complement ("to reach and sign"), if it is one."""
    token = anchor
    while token.dep_ == "conj":
        token = token.head
    return token if token.dep_ == "xcomp" else None


def _subordinate_clause(anchor: Token) -> Token | None:
    """The verb of the marked adverbial clause ("if ...", "until ...") holding the event."""
    token = anchor
    for _ in range(MAX_GOVERNOR_STEPS):
        if token.head.i == token.i or token.dep_ in STOP_DEPS:
            return None
        if token.dep_ == "advcl" and syntax.children(token, {"mark"}):
            return token
        token = token.head
    return None


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
