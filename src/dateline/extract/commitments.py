"""Component ``dateline_commitments``: a promised act is an AGREE or a THREATEN.

Reads: trigger spans with ``_.dl_modality``.
Writes: the trigger spans' labels (their PLOVER type).

PLOVER codes an offer, promise or stated willingness to cooperate ("will visit",
"is willing to withdraw its troops") as AGREE, and a promised or conditional
hostile act ("will impose sanctions unless ...") as THREATEN; the act itself
stays in the mode. A trigger that is itself a promise ("promised unspecified aid",
"offered help") keeps its own type, with modality "promised". Rules are the
``when_modality`` rows of ``data/triggers/retype.jsonl``.
"""

from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from dateline.extract.extensions import TRIGGERS_KEY, register
from dateline.extract.lexicon import load_rows


@Language.factory(
    "dateline_commitments",
    default_config={"extra_dirs": []},
    requires=["doc.spans", "span._.dl_modality"],
    assigns=["doc.spans"],
)
def make_commitments(nlp: Language, name: str, extra_dirs: Sequence[str]) -> "CommitmentTyper":
    return CommitmentTyper(extra_dirs=[Path(d) for d in extra_dirs])


class CommitmentTyper:
    def __init__(self, *, extra_dirs: Sequence[Path] = ()) -> None:
        register()
        self.rules = [
            row
            for row in load_rows("triggers", "retype", extra_dirs=extra_dirs)
            if "when_modality" in row
        ]

    def __call__(self, doc: Doc) -> Doc:
        triggers = list(doc.spans.get(TRIGGERS_KEY, []))
        for span in triggers:
            if span._.dl_entry.get("modality"):
                continue  # the trigger is the promise itself ("promised aid"): keep its type
            for rule in self.rules:
                if (
                    span._.dl_modality in rule["when_modality"]
                    and span.label_ in rule["from_types"]
                ):
                    span.label_ = rule["to_type"]
                    break
        # Extension values are keyed by offsets, so re-storing the spans keeps them.
        doc.spans[TRIGGERS_KEY] = triggers
        return doc
