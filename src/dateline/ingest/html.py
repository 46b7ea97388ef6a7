"""HTML pages: the article by trafilatura, reader comments by markup.

Elements whose id or class names a comment thread (lexicon kind
``markup_container``) are taken out of the page before trafilatura sees it, and
read comment by comment (``markup_item``, author from ``markup_author``);
trafilatura's own comment output adds any it found elsewhere. The article text
then goes through :func:`split_comments` for threads only the text shows.

There is no raw page text for HTML, so comment offsets index the page as
dateline reads it: the article text, then each comment after a blank line.
"""

from __future__ import annotations

import datetime as dt

import lxml.html
import trafilatura
from lxml import etree

from dateline.ingest.comments import split_comments
from dateline.ingest.document import make_document
from dateline.ingest.lexicon import Lexicon, default_lexicon
from dateline.records import Comment, Document, Failure

# Elements that hold the page itself, never only its comments.
_PAGE_TAGS = frozenset({"html", "body", "main", "article"})
_COMMENT_GAP = "\n\n"
# Dates from markup only (meta tags, <time>, the URL): a date in the prose is read
# as a date line, or not at all, by the same rules as plain text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _names(element: etree._Element) -> list[str]:
    return [element.get("id") or "", *(element.get("class") or "").split()]


def _matches(element: etree._Element, lexicon: Lexicon, kind: str) -> bool:
    return any(lexicon.first_match(kind, name) for name in _names(element) if name)


def _is_container(element: etree._Element, lexicon: Lexicon) -> bool:
    if not _matches(element, lexicon, "markup_container") or element.tag in _PAGE_TAGS:
        return False
    if element.find(".//h1") is not None:
        return False
    return element.find(".//p") is not None or _items(element, lexicon) != []


def _items(container: etree._Element, lexicon: Lexicon) -> list[etree._Element]:
    return [e for e in container.iter() if _matches(e, lexicon, "markup_item")]


def _owner(element: etree._Element, items: set[etree._Element]) -> etree._Element | None:
    """The nearest comment item holding ``element`` (itself included)."""
    while element is not None and element not in items:
        element = element.getparent()
    return element


def _read_item(
    item: etree._Element, items: set[etree._Element], lexicon: Lexicon
) -> tuple[str | None, str]:
    """(author, text) of one comment, leaving out the replies nested in it."""
    own = [e for e in item.iter() if _owner(e, items) is item]
    authors = [e for e in own if _matches(e, lexicon, "markup_author")]
    author = authors[0].text_content().strip() if authors else None
    paragraphs = [e.text_content().strip() for e in own if e.tag == "p"]
    if not paragraphs:  # no <p>: the item's own running text, author aside
        skipped = {inner for a in authors for inner in a.iter()}
        pieces = []
        for element in own:
            if element not in skipped and element.text:
                pieces.append(element.text)
            if element is not item and element.tail:
                pieces.append(element.tail)
        paragraphs = [" ".join("".join(pieces).split())]
    return author or None, "\n".join(p for p in paragraphs if p)


def _take_markup_comments(root: etree._Element, lexicon: Lexicon) -> list[tuple[str | None, str]]:
    """Comments read from comment markup, which is removed from ``root``."""
    containers: list[etree._Element] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or any(
            c in element.iterancestors() for c in containers
        ):
            continue
        if _is_container(element, lexicon):
            containers.append(element)
    comments = []
    for container in containers:
        items = _items(container, lexicon) or [container]
        owners = set(items)
        for item in items:
            author, text = _read_item(item, owners, lexicon)
            if text:
                comments.append((author, text))
        container.clear(keep_tail=True)  # empties it in place: no text is re-set
    return comments


def _place(
    texts: list[tuple[str | None, str]], after: int, *, first: tuple[Comment, ...] = ()
) -> tuple[Comment, ...]:
    """``first``, then comments placed in the page as dateline reads it from offset ``after``."""
    placed = list(first)
    position = after
    for author, text in texts:
        start = position + len(_COMMENT_GAP)
        placed.append(Comment(text=text, start=start, end=start + len(text), author=author))
        position = start + len(text)
    return tuple(placed)


def _published(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def document_from_html(
    html: str, *, name: str, source: str, lexicon: Lexicon | None = None
) -> Document | Failure:
    """The Document of one HTML page (E005 when no text can be read from it)."""
    lexicon = lexicon or default_lexicon()
    try:
        # Bytes in, so pages that declare their encoding (XHTML) parse too; a parser
        # per call, as lxml parsers must not be shared between threads.
        parser = lxml.html.HTMLParser(encoding="utf-8")
        root = lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    except etree.ParserError as error:
        return Failure(name=name, code="E005", reason=f"HTML could not be parsed: {error}")
    markup = _take_markup_comments(root, lexicon)
    extracted = trafilatura.bare_extraction(
        root, include_comments=True, with_metadata=True, date_extraction_params=_DATE_PARAMS
    )
    if extracted is None or not (extracted.text or "").strip():
        return Failure(name=name, code="E005", reason="trafilatura found no text in the page")
    article, in_text = split_comments(extracted.text, lexicon=lexicon)
    found = [line for line in (extracted.comments or "").splitlines() if line.strip()]
    others = markup + [(None, line.strip()) for line in found]
    comments = _place(others, len(extracted.text), first=in_text)
    return make_document(
        article,
        name=name,
        source=source,
        comments=comments,
        title=extracted.title,
        outlet=extracted.sitename,
        url=extracted.url,
        published=_published(extracted.date),
    )
