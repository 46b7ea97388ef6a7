"""The actor network: directed edges in quad classes per window, linked to events; writers."""

from __future__ import annotations

import datetime as dt
import json

import networkx as nx
import pytest

from dateline.reconcile import network, to_json, write_gexf, write_graphml, write_network
from dateline.records import Actor, Event

IRAN = Actor("IRN-MIL", "Iranian military", country="IRN", sector="MIL")
IRAQ = Actor("IRQ-GOV", "Iraqi government", country="IRQ", sector="GOV")
ISIS = Actor("ISIS", "Islamic State", sector="REB", group="ISIS")


def event(event_id: str, kind: str, actor1, actor2, date) -> Event:
    return Event(id=event_id, type=kind, mentions=(), actor1=actor1, actor2=actor2, date=date)


EVENTS = [
    event("e1", "AID", IRAN, IRAQ, dt.date(2014, 6, 11)),
    event("e2", "AID", IRAN, IRAQ, dt.date(2014, 6, 28)),
    event("e3", "CONSULT", IRAN, IRAQ, dt.date(2014, 6, 12)),
    event("e4", "ASSAULT", ISIS, IRAQ, dt.date(2014, 7, 2)),
    event("e5", "ASSAULT", ISIS, IRAQ, None),
    event("e6", "THREATEN", IRAN, None, dt.date(2014, 6, 12)),
]


def edges_by_key(net):
    return {(e.source, e.target, e.quad_class, e.window): e for e in net.edges}


def test_edges_point_from_actor_to_recipient_per_quad_class_and_month():
    edges = edges_by_key(network(EVENTS))
    iran_iraq = edges["IRN-MIL", "IRQ-GOV", "material_cooperation", "2014-06"]
    assert iran_iraq.count == 2 and iran_iraq.events == ("e1", "e2")
    assert edges["IRN-MIL", "IRQ-GOV", "verbal_cooperation", "2014-06"].events == ("e3",)
    assert edges["ISIS", "IRQ-GOV", "material_conflict", "2014-07"].events == ("e4",)
    assert edges["ISIS", "IRQ-GOV", "material_conflict", "undated"].events == ("e5",)
    assert ("IRQ-GOV", "IRN-MIL", "material_cooperation", "2014-06") not in edges
    assert len(edges) == 4  # e6 has no recipient


def test_windows_split_counts_and_bounds_limit_the_period():
    weekly = edges_by_key(network(EVENTS, window="week"))
    assert weekly["IRN-MIL", "IRQ-GOV", "material_cooperation", "2014-W24"].events == ("e1",)
    june = network(EVENTS, since=dt.date(2014, 6, 1), until=dt.date(2014, 6, 30))
    assert {e.quad_class for e in june.edges} == {"material_cooperation", "verbal_cooperation"}
    assert [a.id for a in june.nodes] == ["IRN-MIL", "IRQ-GOV"]


def test_an_unknown_window_is_refused():
    with pytest.raises(ValueError):
        network(EVENTS, window="fortnight")


def test_json_lists_nodes_and_edges_with_their_events():
    data = json.loads(json.dumps(to_json(network(EVENTS))))
    assert {n["id"] for n in data["nodes"]} == {"IRN-MIL", "IRQ-GOV", "ISIS"}
    first = data["edges"][0]
    assert first["events"] and first["count"] == len(first["events"])


def test_graphml_and_gexf_files_read_back_with_networkx(tmp_path):
    net = network(EVENTS)
    write_graphml(net, tmp_path / "net.graphml")
    write_gexf(net, tmp_path / "net.gexf")
    for graph in (
        nx.read_graphml(tmp_path / "net.graphml"),
        nx.read_gexf(tmp_path / "net.gexf"),
    ):
        assert graph.number_of_nodes() == 3
        assert graph.number_of_edges() == len(net.edges)
        weights = sorted(int(d["weight"]) for _, _, d in graph.edges(data=True))
        assert weights == sorted(e.count for e in net.edges)
        assert any(d.get("events") == "e1 e2" for _, _, d in graph.edges(data=True))


@pytest.mark.parametrize("fmt", ["json", "graphml", "gexf"])
def test_write_network_dispatches_on_format(tmp_path, fmt):
    path = tmp_path / f"net.{fmt}"
    write_network(network(EVENTS), path, fmt=fmt)
    text = path.read_text(encoding="utf-8")
    assert "IRN-MIL" in text
    if fmt == "json":
        assert json.loads(text)["window"] == "month"


def test_write_network_refuses_an_unknown_format(tmp_path):
    with pytest.raises(ValueError):
        write_network(network(EVENTS), tmp_path / "net.dot", fmt="dot")
