"""Reconcile: many reports of one event into one evidence-backed Event; the actor network."""

from dateline.reconcile.core import canonical, reconcile
from dateline.reconcile.keys import event_id, mention_key
from dateline.reconcile.network import (
    Edge,
    Network,
    network,
    to_json,
    to_networkx,
    write_gexf,
    write_graphml,
    write_network,
)

__all__ = [
    "Edge",
    "Network",
    "canonical",
    "event_id",
    "mention_key",
    "network",
    "reconcile",
    "to_json",
    "to_networkx",
    "write_gexf",
    "write_graphml",
    "write_network",
]
