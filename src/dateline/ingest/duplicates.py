"""Near-duplicate documents and re-posted articles, and what one copy tells the other.

A syndicated or re-posted copy is not an independent confirmation, and it often knows
what the other copy lacks: a page with no date may be re-posted, with its date line, in
another page's comment thread. MinHash LSH (datasketch) over word shingles finds the
candidates without comparing every pair; each candidate is then checked exactly.

Typical use, before extraction::

    duplicates = find_near_duplicates(docs)
    docs = propagate_dates(docs, duplicates=duplicates)
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence

from datasketch import MinHash, MinHashLSH

from dateline.records import Comment, Document

SHINGLE_WORDS = 5
NUM_PERM = 128
MINHASH_SEED = 1
# Share of the shorter text's shingles found in the longer one for two texts to be
# copies: syndication trims boilerplate and re-posts cut tails, yet keep most 5-word runs;
# two reports of one event in their own words share far fewer.
DEFAULT_THRESHOLD = 0.8
# LSH recalls pairs whose estimated Jaccard similarity exceeds this; set below the overlap
# threshold so a copy that is a part of a longer text still comes up as a candidate.
LSH_THRESHOLD = 0.3
REPOST_DATE_SOURCE = "repost"
_WORD = re.compile(r"\w+")


def find_near_duplicates(
    docs: Sequence[Document], *, threshold: float = DEFAULT_THRESHOLD
) -> dict[str, str]:
    """Map each copy's document id to its original's id.

    The original of a group of copies is the one published first (undated ones last),
    then the smallest id. Documents with no copy are absent from the map.
    """
    shingles = {doc.id: shingle_set(doc.text) for doc in docs}
    parent = {doc.id: doc.id for doc in docs}
    for a, b in _similar_pairs(shingles, shingles, threshold=threshold):
        ra, rb = _find(parent, a), _find(parent, b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[Document]] = {}
    for doc in docs:
        groups.setdefault(_find(parent, doc.id), []).append(doc)
    copies = {}
    for members in groups.values():
        original = min(members, key=_original_order)
        copies.update({d.id: original.id for d in members if d.id != original.id})
    return copies


def link_reposts(
    docs: Sequence[Document], *, threshold: float = DEFAULT_THRESHOLD
) -> dict[str, Comment]:
    """Map a document's id to a re-post of it found in another document's comments.

    When several re-posts copy one document, a dated one is preferred, then the first by
    host document id and position.
    """
    texts = {doc.id: shingle_set(doc.text) for doc in docs}
    reposts: dict[str, tuple[str, Comment]] = {}
    for doc in docs:
        for comment in doc.comments:
            if comment.is_repost:
                reposts[f"{doc.id}#{comment.start}"] = (doc.id, comment)
    posted = {key: shingle_set(comment.text) for key, (_, comment) in reposts.items()}
    found: dict[str, list[tuple[bool, str, int, Comment]]] = {}
    for doc_id, key in _similar_pairs(texts, posted, threshold=threshold):
        host, comment = reposts[key]
        if host != doc_id:
            found.setdefault(doc_id, []).append(
                (comment.published is None, host, comment.start, comment)
            )
    return {doc_id: min(links, key=lambda x: x[:3])[3] for doc_id, links in found.items()}


def propagate_dates(
    docs: Sequence[Document],
    *,
    duplicates: Mapping[str, str] | None = None,
    reposts: Mapping[str, Comment] | None = None,
) -> list[Document]:
    """``docs`` (same order) with undated ones dated from their copies or re-posts.

    A filled date says ``published_from="repost"``. Sources, in order: the earliest date
    among the document's near-duplicates, then the date line of a re-post of it. Both maps
    are computed when not given.
    """
    duplicates = find_near_duplicates(docs) if duplicates is None else duplicates
    reposts = link_reposts(docs) if reposts is None else reposts
    group_dates: dict[str, list] = {}
    for doc in docs:
        if doc.published is not None:
            group_dates.setdefault(duplicates.get(doc.id, doc.id), []).append(doc.published)
    dated = []
    for doc in docs:
        date = None
        if doc.published is None:
            known = group_dates.get(duplicates.get(doc.id, doc.id))
            repost = reposts.get(doc.id)
            date = min(known) if known else (repost.published if repost else None)
        if date is None:
            dated.append(doc)
        else:
            dated.append(
                dataclasses.replace(doc, published=date, published_from=REPOST_DATE_SOURCE)
            )
    return dated


def shingle_set(text: str) -> frozenset[str]:
    """Lower-cased runs of ``SHINGLE_WORDS`` words (the whole text when shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE_WORDS:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(
        " ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)
    )


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set found in the other (the overlap coefficient)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _similar_pairs(
    left: Mapping[str, frozenset[str]],
    right: Mapping[str, frozenset[str]],
    *,
    threshold: float,
) -> list[tuple[str, str]]:
    """Pairs (left key, right key), distinct keys, whose overlap reaches ``threshold``."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    for key in sorted(right):
        if right[key]:
            lsh.insert(key, _minhash(right[key]))
    pairs = []
    for key in sorted(left):
        if not left[key]:
            continue
        for other in sorted(lsh.query(_minhash(left[key]))):
            if other != key and overlap(left[key], right[other]) >= threshold:
                pairs.append((key, other))
    return pairs


def _minhash(shingles: frozenset[str]) -> MinHash:
    signature = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED)
    signature.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return signature


def _find(parent: dict[str, str], key: str) -> str:
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def _original_order(doc: Document) -> tuple:
    return doc.published is None, doc.published or "", doc.id
