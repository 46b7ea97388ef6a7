"""How strongly a mention is sourced: a named source, an anonymous one, hearsay, or none."""

from __future__ import annotations

from dateline.reconcile.lexicon import Lexicon
from dateline.records import Mention

NAMED = "named"  # "CNN reports", "Gen. X said"
ANONYMOUS = "anonymous"  # "local officials said", "Iranian security sources said"
WEAK = "weak"  # "sources claim", "reportedly"
NONE = "none"  # the outlet's own voice


def attribution_strength(mention: Mention, *, lexicon: Lexicon) -> str:
    """One of NAMED, ANONYMOUS, WEAK, NONE, from cue words in the attribution span.

    Hearsay cues in the sentence itself also count ("sources claim" often sits outside
    the span the extractor marks).
    """
    sentence = mention.sentence.text.lower()
    if lexicon.weak_cues.search(sentence):
        return WEAK
    if mention.attribution is None:
        return NONE
    text = mention.attribution.text.lower()
    if lexicon.weak_cues.search(text):
        return WEAK
    if lexicon.anonymous_cues.search(text) and not _has_name(mention.attribution.text):
        return ANONYMOUS
    return NAMED


def _has_name(text: str) -> bool:
    """A capitalised word past the first that is not a demonym reads as a name ("CNN")."""
    words = text.split()[1:]
    return any(w[:1].isupper() and not w.endswith(_DEMONYM_ENDINGS) for w in words)


# English demonyms end so ("Iranian", "Iraqi", "Kurdish", "Lebanese"): "Iranian security
# sources" stays anonymous while "Reuters sources" does not.
_DEMONYM_ENDINGS = ("an", "i", "ish", "ese")
