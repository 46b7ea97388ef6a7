"""Back-references (``Mention.refers_to``) and the mentions they point back at.

A mention is known by its document and its trigger's span. A capture split by place
("Saadiyah and Jalawla had fallen") gives several mentions of one trigger: the first,
its first town, tells the event. Extraction, resolution and reconciliation all look
antecedents up this one way.
"""

from __future__ import annotations

from collections.abc import Iterable

from dateline.records import Mention

TriggerKey = tuple[str, int, int]  # (document id, trigger start, trigger end)


def trigger_key(mention: Mention) -> TriggerKey:
    return (mention.doc_id, mention.trigger.start, mention.trigger.end)


def first_tellings(mentions: Iterable[Mention]) -> dict[TriggerKey, int]:
    """The position of the first mention of each trigger; back-references tell nothing."""
    told: dict[TriggerKey, int] = {}
    for i, mention in enumerate(mentions):
        if mention.refers_to is None:
            told.setdefault(trigger_key(mention), i)
    return told


def antecedent(mention: Mention, told: dict[TriggerKey, int]) -> int | None:
    """The position of the mention ``mention`` points back at, if it is among ``told``."""
    reference = mention.refers_to
    if reference is None:
        return None
    return told.get((mention.doc_id, reference.start, reference.end))
