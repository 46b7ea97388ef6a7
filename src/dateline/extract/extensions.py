"""The ``Span._`` attributes the extraction components write on trigger spans.

Trigger spans live in ``doc.spans[TRIGGERS_KEY]``; each component fills its own
attributes, so a later component (or a user's) can read what earlier ones wrote.
"""

from __future__ import annotations

from spacy.tokens import Span

TRIGGERS_KEY = "dateline_triggers"
PLACES_KEY = "dateline_places"

# name -> default; each attribute is written by the component named beside it.
SPAN_ATTRIBUTES = {
    # triggers: the lexicon row that matched (dict), plus what the parse added: token
    # indices "outcome_tokens" (folded kills), "loser" (a folded retreat), "governor"
    # (the caller of a call to arms), "addressee" (who is asked or helped)
    "dl_entry": None,
    "dl_anchor": None,  # triggers: index of the verb whose arguments give the roles
    "dl_refers_to": None,  # triggers (given): the earlier trigger Span this one points back at
    "dl_actor1": None,  # roles: agent Span
    "dl_actor2": None,  # roles: recipient / target Span
    "dl_places": (),  # places: tuple of place Spans for this trigger
    "dl_argument_places": (),  # places: the ones named by the trigger's own argument
    "dl_attribution": None,  # attribution: the source's Span
    "dl_outlet": None,  # attribution: the news organisation reporting it ("..., CNN reports")
    "dl_modality": "asserted",  # modality (a refusal reset by commitments): records.MODALITIES
    "dl_mode": None,  # acled: the refined mode
    "dl_acled": None,  # acled: (event type, sub-event type)
}


def register() -> None:
    """Register the attributes once per process (idempotent)."""
    for name, default in SPAN_ATTRIBUTES.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
