"""Deterministic identity: a canonical order for mentions and stable event ids."""

from __future__ import annotations

import hashlib

from dateline.records import Mention

EVENT_ID_PREFIX = "ev-"
EVENT_ID_HEX = 16


def mention_key(mention: Mention) -> tuple[str, int, int, str, int, str, str, str]:
    """Sort key naming one mention: its document, trigger, type, sentence, place and actors.

    Place and actors are part of it because one trigger ("had fallen") can yield one
    mention per town.
    """
    return (
        mention.doc_id,
        mention.trigger.start,
        mention.trigger.end,
        mention.type,
        mention.sentence.start,
        mention.place.name if mention.place else "",
        mention.actor1_entity.id if mention.actor1_entity else "",
        mention.actor2_entity.id if mention.actor2_entity else "",
    )


def event_id(anchor: Mention) -> str:
    """An event's id, from its first member in canonical order.

    Stable when unrelated documents are added (they do not join), and when later reports
    join the event unless one sorts before the anchor.
    """
    text = "\x1f".join(str(part) for part in mention_key(anchor))
    return EVENT_ID_PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()[:EVENT_ID_HEX]
