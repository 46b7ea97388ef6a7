"""Walk files and folders and read each page into a Document, or say why not.

Bad input never raises: every file or JSON Lines row that cannot be used
becomes a Failure with a catalogue code (dateline.errors), and the walk goes on.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from dateline.ingest.html import document_from_html
from dateline.ingest.jsonl import document_from_line
from dateline.ingest.lexicon import Lexicon
from dateline.ingest.plaintext import document_from_text
from dateline.records import Document, Failure

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
# How much of a file to look at for NUL bytes, and what share of control characters
# (other than tab, newline, carriage return, form feed) makes decoded text look binary.
BINARY_SAMPLE_BYTES = 8192
MAX_CONTROL_SHARE = 0.01
_TEXT_CONTROLS = frozenset("\t\n\r\f")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def example_corpus() -> Path:
    """The folder of example pages shipped with dateline."""
    return Path(str(resources.files("dateline") / "examples" / "corpus"))


def _walk(folder: Path) -> list[Path]:
    """Files under ``folder`` sorted by path, hidden files and folders left out."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root) / name for name in files if not name.startswith("."))
    return sorted(found, key=lambda path: path.relative_to(folder).parts)


def _control_share(text: str) -> float:
    sample = text[:BINARY_SAMPLE_BYTES]
    controls = sum(1 for c in sample if c < " " and c not in _TEXT_CONTROLS)
    return controls / len(sample)


def _sniff(name: str, head: bytes) -> Failure | None:
    """The Failure the first bytes of a file show (UTF-16, binary), if any."""
    if head.startswith(_UTF16_BOMS):
        return Failure(name=name, code="E003", reason="file is UTF-16, not UTF-8")
    if b"\x00" in head:
        return Failure(name=name, code="E002", reason="contains NUL bytes")
    return None


def _decode(name: str, data: bytes) -> str | Failure:
    """The text of a file's (or a row's) bytes, or the Failure that says why there is none."""
    failure = _sniff(name, data[:BINARY_SAMPLE_BYTES])
    if failure is not None:
        return failure
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return Failure(name=name, code="E003", reason=f"invalid UTF-8 at byte {error.start}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return Failure(name=name, code="E001", reason="holds only whitespace")
    if _control_share(text) > MAX_CONTROL_SHARE:
        return Failure(name=name, code="E002", reason="mostly control characters")
    return text


def _read_jsonl(
    path: Path, *, max_bytes: int, lexicon: Lexicon | None
) -> Iterator[Document | Failure]:
    """Documents of a JSON Lines file, read a line at a time: the size limit is per row."""
    name, source, rows = path.name, str(path), 0
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            rows += 1
            if len(raw) > max_bytes:
                reason = f"row of {len(raw)} bytes, limit {max_bytes}"
                yield Failure(name=name, code="E004", reason=reason, row=number)
                continue
            line = _decode(name, raw)
            if isinstance(line, Failure):
                yield dataclasses.replace(line, row=number)
                continue
            yield document_from_line(line, name=name, number=number, path=source, lexicon=lexicon)
    if rows == 0:
        yield Failure(name=name, code="E001", reason="holds only whitespace")


def _read_page(
    path: Path, kind: str, *, max_bytes: int, lexicon: Lexicon | None
) -> Document | Failure:
    """The Document of one .txt or .html file."""
    name, size = path.name, path.stat().st_size
    if size > max_bytes:
        return Failure(name=name, code="E004", reason=f"{size} bytes, limit {max_bytes}")
    text = _decode(name, path.read_bytes())
    if isinstance(text, Failure):
        return text
    if kind == "html":
        return document_from_html(text, name=name, source=str(path), lexicon=lexicon)
    return document_from_text(text, name=name, source=str(path), lexicon=lexicon)


def _read_file(
    path: Path, *, max_bytes: int, lexicon: Lexicon | None
) -> Iterator[Document | Failure]:
    name, kind = path.name, SUFFIXES.get(path.suffix.lower())
    if kind is None:
        yield Failure(name=name, code="E008", reason=f"cannot read '{path.suffix}' files")
        return
    try:
        with path.open("rb") as handle:
            head = handle.read(BINARY_SAMPLE_BYTES)
    except OSError as error:  # unreadable (permissions, a vanished file): reported, not raised
        yield Failure(name=name, code="E009", reason=f"cannot be read: {error.strerror}")
        return
    failure = Failure(name=name, code="E001", reason="file is empty") if not head else None
    failure = failure or _sniff(name, head)
    if failure is not None:
        yield failure
    elif kind == "jsonl":
        yield from _read_jsonl(path, max_bytes=max_bytes, lexicon=lexicon)
    else:
        yield _read_page(path, kind, max_bytes=max_bytes, lexicon=lexicon)


def read_paths(
    paths: Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    lexicon: Lexicon | None = None,
) -> Iterator[Document | Failure]:
    """A Document for every good page under ``paths`` and a Failure for every bad one.

    Folders are walked in sorted order, so the same input gives the same sequence.
    ``.txt``, ``.html``/``.htm`` and ``.jsonl`` files are read; anything else is
    reported (E008). ``lexicon`` replaces the packaged comment signals.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in _walk(path):
                yield from _read_file(file, max_bytes=max_bytes, lexicon=lexicon)
        elif path.is_file():
            yield from _read_file(path, max_bytes=max_bytes, lexicon=lexicon)
        else:
            yield Failure(name=str(given), code="E009", reason="no such file or folder")
