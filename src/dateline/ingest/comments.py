"""Split a plain-text page into its article and the reader comments that follow it.

The thread starts at the first marker line of the lexicon (a "33 responses to"
header, an "X's picture" handle), else at the change from reporting to a reader's
voice (:mod:`dateline.ingest.voice`), else at commenting boilerplate, which is
removed. Inside the thread a new comment starts at a handle line, a numbered reply
or a change of indentation; a thread with no blank lines at all has one comment a
line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from dateline.ingest.lexicon import Lexicon, default_lexicon
from dateline.ingest.reposts import is_repost, marker_line, repost_date
from dateline.ingest.voice import voice_cut
from dateline.records import Comment

# Boilerplate may follow a last sentence on the same line: "(Editing by X) We welcome ...".
_SENTENCE_START = re.compile(r"[.!?)]\s+(?=\S)")
# Boilerplate patterns read the start of a sentence only: this many characters of it.
BOILERPLATE_WINDOW = 200
_NUMBERED = re.compile(r"(\d{1,3})\.\s+(?=\S)")
# A numbered reply's text sits this far right of its number ("  1. Text" / "    more").
NUMBER_INDENT = 2
# A line before a re-post marker that is this short and unpunctuated is its headline.
HEADLINE_MAX_CHARS = 160
_SENTENCE_END = ".!?:;,"
_OPENING_KINDS = ("thread_start", "handle")
_SKIPPED_KINDS = ("thread_start", "boilerplate")


@dataclass(frozen=True)
class _Line:
    start: int  # offset of the first non-blank character
    end: int  # offset after the last non-blank character
    indent: int
    text: str  # stripped


def _lines(text: str, offset: int = 0) -> Iterator[_Line]:
    position = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            indent = len(raw) - len(raw.lstrip())
            start = offset + position + indent
            yield _Line(start, start + len(stripped), indent, stripped)
        position += len(raw)


def _boilerplate_at(line: str, lexicon: Lexicon) -> int | None:
    """Where in ``line`` commenting boilerplate starts: at its start or at a sentence's."""
    for at in (0, *(m.end() for m in _SENTENCE_START.finditer(line))):
        if lexicon.first_match("boilerplate", line[at : at + BOILERPLATE_WINDOW]):
            return at
    return None


def thread_start(text: str, lexicon: Lexicon) -> int | None:
    """Offset where the comment thread begins, or None for a page without one.

    A header or handle line opens a thread outright. Boilerplate may instead close
    one, so the text before it is still searched for a change of voice.
    """
    end = len(text)
    for line in _lines(text):
        if any(lexicon.first_match(kind, line.text) for kind in _OPENING_KINDS):
            return line.start - line.indent
        at = _boilerplate_at(line.text, lexicon)
        if at is not None:
            end = line.start + at if at else line.start - line.indent
            break
    cut = voice_cut(text[:end], lexicon)
    if cut is not None:
        return cut
    return end if end < len(text) else None


def _is_list_item(text: str, previous: _Line | None, line: _Line) -> bool:
    """Whether ``line`` goes on a numbered list: a numbered line right under a numbered line."""
    return (
        previous is not None
        and bool(_NUMBERED.match(previous.text) and _NUMBERED.match(line.text))
        and text.count("\n", previous.end, line.start) == 1
    )


@dataclass
class _Block:
    start: int
    end: int
    indent: int
    author: str | None


def _blocks(text: str, begin: int, lexicon: Lexicon) -> list[_Block]:
    """The thread after ``begin`` cut into comment blocks."""
    one_per_line = "\n\n" not in re.sub(r"\n[ \t]+\n", "\n\n", text[begin:].strip())
    blocks: list[_Block] = []
    author: str | None = None
    author_pending = False
    previous: _Line | None = None
    for line in _lines(text[begin:], begin):
        after_list_item = _is_list_item(text, previous, line)
        previous = line
        if any(lexicon.first_match(kind, line.text) for kind in _SKIPPED_KINDS):
            author_pending = False
            blocks.append(_Block(line.start, line.start, -1, None))  # closes the current one
            continue
        handle = lexicon.first_match("handle", line.text)
        if handle:
            author, author_pending = handle.groupdict().get("author"), True
            continue
        start, indent = line.start, line.indent
        numbered = None if after_list_item else _NUMBERED.match(line.text)
        if numbered:
            start, indent = start + numbered.end(), indent + NUMBER_INDENT
        current = blocks[-1] if blocks else None
        same_reply = not (author_pending or numbered or one_per_line) and (
            current is not None and current.indent == indent
        )
        if current is not None and (same_reply or after_list_item):
            current.end = line.end
        else:
            blocks.append(_Block(start, line.end, indent, author if author_pending else None))
            author_pending = False
    return [b for b in blocks if b.end > b.start]


def _repost_split(text: str, block: _Block, lexicon: Lexicon) -> list[_Block]:
    """``block``, split where a re-posted article starts inside it."""
    body = text[block.start : block.end]
    index = marker_line(body, lexicon)
    if not index:
        return [block]
    lines = list(_lines(body, block.start))
    before = lines[index - 1]
    if len(before.text) <= HEADLINE_MAX_CHARS and before.text[-1] not in _SENTENCE_END:
        index -= 1
    if index == 0:
        return [block]
    head_end = lines[index - 1].end
    return [
        _Block(block.start, head_end, block.indent, block.author),
        _Block(lines[index].start, block.end, block.indent, block.author),
    ]


def _comment(text: str, block: _Block, lexicon: Lexicon) -> Comment:
    body = text[block.start : block.end]
    repost = is_repost(body, lexicon)
    return Comment(
        text=body,
        start=block.start,
        end=block.end,
        author=block.author,
        is_repost=repost,
        published=repost_date(body) if repost else None,
    )


def split_comments(text: str, *, lexicon: Lexicon | None = None) -> tuple[str, tuple[Comment, ...]]:
    """The article body of a plain-text page and its reader comments.

    The body is a prefix of ``text`` with trailing whitespace removed, so offsets
    into it are offsets into the page; comment offsets index ``text`` too.
    """
    lexicon = lexicon or default_lexicon()
    begin = thread_start(text, lexicon)
    if begin is None:
        return text.rstrip(), ()
    blocks = [
        part for b in _blocks(text, begin, lexicon) for part in _repost_split(text, b, lexicon)
    ]
    return text[:begin].rstrip(), tuple(_comment(text, b, lexicon) for b in blocks)
