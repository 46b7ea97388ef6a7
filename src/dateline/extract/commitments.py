"""Component ``dateline_commitments``: a promised act is an AGREE or a THREATEN.

Reads: trigger spans with ``_.dl_modality``.
Writes: the trigger spans' labels (their PLOVER type), ``_.dl_modality`` of a
refusal (stated, so asserted), and drops the triggers that repeat another's event.

PLOVER codes an offer, promise or stated willingness to cooperate ("will visit",
"is willing to withdraw its troops") as AGREE, and a promised or conditional
hostile act ("will impose sanctions unless ...") as THREATEN; the act itself
stays in the mode. A trigger that is itself a promise ("promised unspecified aid",
"offered help") keeps its own type, with modality "promised". A cooperative act
negated with a modal ("would not meet their demands", "won't attend") is a refusal:
REJECT. Rules are the ``when_modality`` and ``when_negated_with_aux`` rows of
``data/triggers/retype.jsonl``.

A commitment verb and the act it names ("agreed to lift the embargo", "refused to
deploy troops", "threatened to impose sanctions") report one event, not two: the
act is kept when it is a threat or of the commitment's own type (it says more),
else the commitment ("refused", not the troops it did not deploy). Likewise
a statement goes on in a participle ("denounced the attacks, calling for dialogue"):
one statement, one event, told by its main verb.
"""

from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dateline.extract import syntax
from dateline.extract.extensions import TRIGGERS_KEY, register
from dateline.extract.lexicon import load_rows

# Verbal acts: a participle of one continues the statement of another.
SPEECH_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN", "AGREE"})
PARTICIPLE_TAG = "VBG"
# The type of a threatened act: it says more than the commitment verb above it.
THREAT_TYPE = "THREATEN"


@Language.factory(
    "dateline_commitments",
    default_config={"extra_dirs": []},
    requires=["doc.spans", "span._.dl_modality"],
    assigns=["doc.spans", "span._.dl_modality"],
)
def make_commitments(nlp: Language, name: str, extra_dirs: Sequence[str]) -> "CommitmentTyper":
    return CommitmentTyper(extra_dirs=[Path(d) for d in extra_dirs])


class CommitmentTyper:
    def __init__(self, *, extra_dirs: Sequence[Path] = ()) -> None:
        register()
        rows = load_rows("triggers", "retype", extra_dirs=extra_dirs)
        self.rules = [row for row in rows if "when_modality" in row]
        self.refusals = [row for row in rows if "when_negated_with_aux" in row]

    def __call__(self, doc: Doc) -> Doc:
        triggers = list(doc.spans.get(TRIGGERS_KEY, []))
        for span in triggers:
            if span._.dl_entry.get("modality"):
                continue  # the trigger is the promise itself ("promised aid"): keep its type
            refusal = self._refusal(doc[span._.dl_anchor])
            if refusal is not None and span.label_ in refusal["from_types"]:
                span.label_ = refusal["to_type"]
                span._.dl_modality = refusal["modality"]  # the refusal itself is stated
                continue
            for rule in self.rules:
                if (
                    span._.dl_modality in rule["when_modality"]
                    and span.label_ in rule["from_types"]
                ):
                    span.label_ = rule["to_type"]
                    break
        # Extension values are keyed by offsets, so re-storing the spans keeps them.
        doc.spans[TRIGGERS_KEY] = _one_per_statement(_one_per_commitment(triggers))
        return doc

    def _refusal(self, verb: Token) -> dict | None:
        """ "would not meet their demands", "won't attend": a refusal, not a denial."""
        if not syntax.children(verb, {"neg"}):
            return None
        aux = {c.lower_ for c in syntax.children(verb, {"aux"})}
        for rule in self.refusals:
            if not aux.isdisjoint(rule["when_negated_with_aux"]):
                return rule
        return None


def _one_per_commitment(triggers: list[Span]) -> list[Span]:
    """Keep one of a commitment verb and the act its infinitive names: the act when it
    is a threat or of the commitment's type, else the commitment."""
    by_root = {span.root.i: span for span in triggers}
    dropped: set[int] = set()
    for span in triggers:
        root = span.root
        governor = by_root.get(root.head.i)
        if root.dep_ != "xcomp" or governor is None or governor is span:
            continue
        if not governor._.dl_entry.get("commitment"):
            continue
        threat = span.label_ == THREAT_TYPE and governor.label_ != THREAT_TYPE
        dropped.add(governor.root.i if threat or governor.label_ == span.label_ else root.i)
    return [span for span in triggers if span.root.i not in dropped]


def _one_per_statement(triggers: list[Span]) -> list[Span]:
    """ "condemned the attacks, calling for restraint": the participle goes on with the
    statement its head verb makes; it is no second event."""
    by_root = {span.root.i: span for span in triggers}
    kept = []
    for span in triggers:
        root = span.root
        head = by_root.get(root.head.i)
        continues = (
            root.dep_ == "advcl"
            and root.tag_ == PARTICIPLE_TAG
            and not syntax.children(root, {"mark"})
            and head is not None
            and head is not span
            and {span.label_, head.label_} <= SPEECH_TYPES
        )
        if not continues:
            kept.append(span)
    return kept
