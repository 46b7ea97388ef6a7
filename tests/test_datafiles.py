"""The one reader of every data table: headers, user extension, kinds."""

from __future__ import annotations

import json

import pytest

from dateline.datafiles import USER_DATA_ENV, DataFileError, read_table

HEADER = {"_meta": {"schema_version": 1, "source": "written for this test"}}


def write(path, rows, header=HEADER):
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ([json.dumps(header)] if header else []) + [json.dumps(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_user_rows_follow_packaged_ones(tmp_path, monkeypatch):
    packaged = read_table("reconcile", "families")
    write(tmp_path / "reconcile" / "families.mine.jsonl", [{"type": "X", "family": "y"}])
    monkeypatch.setenv(USER_DATA_ENV, str(tmp_path))
    rows = read_table("reconcile", "families")
    assert rows[: len(packaged)] == packaged and rows[-1] == {"type": "X", "family": "y"}


def test_meta_kind_names_the_table_a_file_extends(tmp_path):
    header = {"_meta": {"schema_version": 1, "kind": "families"}}
    write(tmp_path / "reconcile" / "extra.jsonl", [{"type": "Z", "family": "z"}], header)
    assert read_table("reconcile", "families", extra_dirs=[tmp_path])[-1]["type"] == "Z"


@pytest.mark.parametrize(
    ("header", "rows"),
    [(None, [{"type": "X"}]), ({"_meta": {"schema_version": 7}}, [])],
)
def test_files_without_a_supported_header_are_refused(tmp_path, header, rows):
    write(tmp_path / "reconcile" / "families.bad.jsonl", rows, header)
    with pytest.raises(DataFileError, match="schema_version"):
        read_table("reconcile", "families", extra_dirs=[tmp_path])


def test_a_broken_line_is_named(tmp_path):
    path = tmp_path / "reconcile" / "families.bad.jsonl"
    write(path, [])
    with path.open("a") as out:
        out.write("{oops\n")
    with pytest.raises(DataFileError, match=r"families.bad.jsonl:2"):
        read_table("reconcile", "families", extra_dirs=[tmp_path])
