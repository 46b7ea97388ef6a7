"""The evaluation gate on the development sets: recorded floors a change may not drop below.

Floors live in eval_floors.json beside the seed gold's; raise them when quality improves.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluation.devsets import plover_gsr, ucdp_syria, wikievents_dev
from dateline.extract import load_nlp
from dateline.resolve.geoeval import evaluate_geoparsing

FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text())["devsets"]
# UCDP headlines scored for sides and places; every toll headline is scored whatever it is.
UCDP_SAMPLE = 1500


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_plover_gsr_typing(shared, nlp):
    figures = plover_gsr(shared / "data" / "plover_gsr" / "PLOVER_GSR_CAMEO.json", nlp=nlp)
    assert figures["type"]["accuracy"] >= FLOORS["plover_type_accuracy"]
    assert figures["source_country"]["accuracy"] >= FLOORS["plover_source_country"]
    assert figures["target_country"]["accuracy"] >= FLOORS["plover_target_country"]


def test_wikievents_attacks(shared, nlp):
    figures = wikievents_dev(shared / "data" / "wikievents" / "dev.jsonl", nlp=nlp)
    assert figures["attack"]["f1"] >= FLOORS["wikievents_attack_f1"]
    assert figures["roles"]["f1"] >= FLOORS["wikievents_role_f1"]


def test_ucdp_headline_tolls(shared, nlp):
    path = shared / "data" / "ucdp_syria" / "ged_syria_v19.1.csv.gz"
    figures = ucdp_syria(path, nlp=nlp, limit=UCDP_SAMPLE)
    assert figures["scored_toll_headlines"] == figures["toll_headlines"]
    assert figures["fatalities_exact"]["accuracy"] >= FLOORS["ucdp_fatalities_exact"]


@pytest.mark.parametrize("corpus", ["GeoWebNews_GWN.xml", "TR-News.xml"])
def test_geocoding(shared, corpus):
    figures = evaluate_geoparsing(shared / "data" / "geoparsing" / corpus)["end_to_end"]
    floors = FLOORS["geocoding"][corpus]
    assert figures["within_161km"] >= floors["within_161km"]
    assert figures["found"] >= floors["found"]
