"""The command line, as a user meets it: bad input reported by name, exit codes, exports."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dateline.cli import app

runner = CliRunner()

ARTICLE = (
    "Government warplanes bombed a market in Mosul on Tuesday, killing 12 people, "
    "local officials said.\n"
)


def _batch(folder):
    folder.mkdir()
    (folder / "good.txt").write_text("June 24, 2014\n" + ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "latin1.txt").write_bytes("Caf\xe9 bombed in Mosul".encode("latin-1"))
    rows = [
        {"id": "row-ok", "text": ARTICLE.replace("Mosul", "Tikrit"), "published": "2014-06-20"},
        {"text": "no id here"},
        {"id": "no-text"},
    ]
    lines = [json.dumps(r) for r in rows] + ["{not json"]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_bad_inputs_are_named_and_the_rest_goes_on(tmp_path):
    folder = _batch(tmp_path / "in")
    db = tmp_path / "l.db"
    result = runner.invoke(app, ["run", str(folder), "--db", str(db), "--no-table"])
    assert result.exit_code == 1
    text = result.output
    for name in ("empty.txt", "binary.txt", "latin1.txt", "batch.jsonl:2", "batch.jsonl:3"):
        assert name in text, text
    assert "batch.jsonl:4" in text
    assert "8 documents, 6 failed" in text
    listed = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl"])
    docs = {m["doc"] for line in listed.stdout.splitlines() for m in json.loads(line)["mentions"]}
    assert docs == {"good.txt", "row-ok"}


def test_export_unknown_format_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "x.db"), "--format", "xml"])
    assert result.exit_code == 2
    assert "unknown format" in result.output


def test_eval_with_missing_gold_is_a_clear_error(tmp_path):
    db = tmp_path / "l.db"
    from dateline.store import Ledger

    Ledger(db)
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path / "nope.jsonl"), "--db", str(db)])
    assert result.exit_code == 2
    assert "E020" in result.output


def _ledger_with_events(db):
    from conftest import make_document, make_event, make_mention

    from dateline.store import Ledger

    ledger = Ledger(db)
    doc = make_document()
    mention = make_mention(doc)
    ledger.add_document(doc, [mention])
    ledger.replace_events([make_event((mention,), id="e1")])


def test_network_exports_open_in_graph_tools(tmp_path):
    import networkx as nx

    db = tmp_path / "l.db"
    _ledger_with_events(db)
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = tmp_path / f"net.{fmt}"
        result = runner.invoke(
            app, ["network", "--db", str(db), "--format", fmt, "--output", str(path)]
        )
        assert result.exit_code == 0, result.output
        graph = reader(path)
        assert graph.number_of_edges() == 1
    result = runner.invoke(app, ["network", "--db", str(db)])
    edges = json.loads(result.stdout)["edges"]
    assert [e["source"] for e in edges] == ["SYR-MIL"]
    assert edges[0]["quad_class"] == "material_conflict"


def test_geoparse_prints_one_place_a_line(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "June 24, 2014\nGunmen stormed a police post in Tikrit, north of Baghdad.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["geoparse", str(page)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    by_text = {r["text"]: r for r in rows}
    assert {"Tikrit", "Baghdad"} <= set(by_text)
    tikrit = by_text["Tikrit"]
    assert tikrit["country"] == "IRQ" and abs(tikrit["lat"] - 34.6) < 0.3
    assert page.read_text()[tikrit["start"] : tikrit["end"]] == "Tikrit"
    assert set(tikrit) >= {"doc", "name", "admin1", "lon", "geonameid", "precision"}
