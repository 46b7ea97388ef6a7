"""The actor network: who acts on whom, in PLOVER's quad classes, per time window.

Each event with both an actor and a recipient adds one to the directed edge
actor1 -> actor2 of its quad class (verbal or material, cooperation or conflict) in its
time window; every edge keeps the ids of its events. Writers give JSON, and GraphML and
GEXF through networkx, both of which Gephi opens (GEXF edges carry their window as
``start``/``end``, so Gephi's timeline can play the network).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from dateline.contract import actor_record
from dateline.records import QUAD_CLASS, Actor, Event

WINDOWS = ("day", "week", "month", "year", "all")
FORMATS = ("json", "graphml", "gexf")
UNDATED = "undated"
ALL = "all"


@dataclass(frozen=True)
class Edge:
    """Events in one window where ``source`` acted on ``target`` in one quad class."""

    source: str  # actor id
    target: str
    quad_class: str
    window: str  # "2014-06", "2014-W24", "2014-06-24", "2014", "all" or "undated"
    start: dt.date | None  # first day of the window
    end: dt.date | None  # last day of the window
    events: tuple[str, ...]  # event ids, sorted

    @property
    def count(self) -> int:
        return len(self.events)


@dataclass(frozen=True)
class Network:
    """Actors (nodes) and their counted, event-linked edges."""

    nodes: tuple[Actor, ...]
    edges: tuple[Edge, ...]
    window: str
    since: dt.date | None = None
    until: dt.date | None = None


def network(
    events: Iterable[Event],
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    window: str = "month",
) -> Network:
    """The actor network of ``events`` dated within [since, until], counted per ``window``.

    With ``since`` or ``until`` given, undated events are left out; otherwise they form
    the window "undated". Events lacking an actor or a recipient, or whose actor acts on
    itself, add no edge.
    """
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {', '.join(WINDOWS)}, not {window!r}")
    nodes: dict[str, Actor] = {}
    grouped: dict[tuple[str, str, str, str], list[str]] = {}
    bounds: dict[str, tuple[dt.date | None, dt.date | None]] = {}
    for event in sorted(events, key=lambda e: e.id):
        if not _kept(event, since, until) or not _has_dyad(event):
            continue
        label, start, end = window_of(event.date, window)
        bounds[label] = (start, end)
        nodes.setdefault(event.actor1.id, event.actor1)
        nodes.setdefault(event.actor2.id, event.actor2)
        key = (event.actor1.id, event.actor2.id, QUAD_CLASS[event.type], label)
        grouped.setdefault(key, []).append(event.id)
    edges = tuple(
        Edge(s, t, quad, label, *bounds[label], tuple(ids))
        for (s, t, quad, label), ids in sorted(grouped.items())
    )
    return Network(
        nodes=tuple(nodes[k] for k in sorted(nodes)),
        edges=edges,
        window=window,
        since=since,
        until=until,
    )


def window_of(date: dt.date | None, window: str) -> tuple[str, dt.date | None, dt.date | None]:
    """The label and first and last day of the window holding ``date``."""
    if window == ALL:
        return ALL, None, None
    if date is None:
        return UNDATED, None, None
    if window == "day":
        return date.isoformat(), date, date
    if window == "week":
        year, week, weekday = date.isocalendar()
        monday = date - dt.timedelta(days=weekday - 1)
        return f"{year}-W{week:02d}", monday, monday + dt.timedelta(days=6)
    if window == "month":
        first = date.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return f"{date.year}-{date.month:02d}", first, following - dt.timedelta(days=1)
    return str(date.year), dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)


def to_json(net: Network) -> dict:
    """The network as JSON-ready data: nodes, then edges with their counts and events."""
    return {
        "window": net.window,
        "since": _iso(net.since),
        "until": _iso(net.until),
        "nodes": [actor_record(actor) for actor in net.nodes],
        "edges": [
            {
                "source": e.source,
                "target": e.target,
                "quad_class": e.quad_class,
                "window": e.window,
                "start": _iso(e.start),
                "end": _iso(e.end),
                "count": e.count,
                "events": list(e.events),
            }
            for e in net.edges
        ],
    }


def to_networkx(net: Network) -> nx.MultiDiGraph:
    """A networkx multigraph: one edge per (source, target, quad class, window).

    GraphML and GEXF take no lists or ``None``: event ids are joined with spaces and
    missing values are left out.
    """
    graph = nx.MultiDiGraph(window=net.window)
    for actor in net.nodes:
        data = {k: v for k, v in actor_record(actor).items() if v is not None and k != "id"}
        graph.add_node(actor.id, label=actor.name, **data)
    for e in net.edges:
        data = {"start": _iso(e.start), "end": _iso(e.end)}
        graph.add_edge(
            e.source,
            e.target,
            key=f"{e.source}->{e.target}|{e.quad_class}|{e.window}",
            label=e.quad_class,
            quad_class=e.quad_class,
            window=e.window,
            weight=e.count,
            events=" ".join(e.events),
            **{k: v for k, v in data.items() if v is not None},
        )
    return graph


def write_graphml(net: Network, path: str | Path) -> None:
    """Write ``net`` as GraphML (Gephi, yEd, Cytoscape, networkx read it)."""
    nx.write_graphml(to_networkx(net), Path(path))


def write_gexf(net: Network, path: str | Path) -> None:
    """Write ``net`` as GEXF, Gephi's own format; dated edges are dynamic."""
    graph = to_networkx(net)
    for _, _, key, data in graph.edges(keys=True, data=True):
        data["id"] = key
    nx.write_gexf(graph, Path(path))


def write_network(net: Network, path: str | Path, *, fmt: str) -> None:
    """Write ``net`` to ``path`` as ``fmt``: json, graphml or gexf."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt == "json":
        Path(path).write_text(json.dumps(to_json(net), indent=1), encoding="utf-8")
    elif fmt == "graphml":
        write_graphml(net, path)
    else:
        write_gexf(net, path)


def _kept(event: Event, since: dt.date | None, until: dt.date | None) -> bool:
    if since is None and until is None:
        return True
    if event.date is None:
        return False
    return (since is None or event.date >= since) and (until is None or event.date <= until)


def _has_dyad(event: Event) -> bool:
    return (
        event.actor1 is not None
        and event.actor2 is not None
        and event.actor1.id != event.actor2.id
        and event.type in QUAD_CLASS
    )


def _iso(date: dt.date | None) -> str | None:
    return None if date is None else date.isoformat()
