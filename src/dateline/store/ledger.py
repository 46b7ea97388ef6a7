"""The ledger: documents, comments, mentions and events in one database.

SQLite in WAL mode by default (the API reads while the pipeline writes); any
SQLAlchemy URL (PostgreSQL) works with the same schema. Writes are idempotent:
a document is keyed by its content hash and written with its mentions in one
transaction, so a crash never leaves half a document and a re-run adds nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, insert, select
from sqlalchemy.exc import SQLAlchemyError

from dateline.codec import from_data, to_data
from dateline.contract import event_record
from dateline.errors import LedgerError
from dateline.records import Comment, Document, Event, Mention
from dateline.store import schema
from dateline.store.schema import SCHEMA_VERSION, metadata

DEFAULT_DB = "dateline.db"


def database_url(target: str | Path) -> str:
    """A SQLAlchemy URL for a file path (SQLite) or an explicit URL passed through."""
    text = str(target)
    return text if "://" in text else f"sqlite:///{Path(text).expanduser()}"


def mention_id(mention: Mention) -> str:
    """Deterministic id: the hash of the mention's own content."""
    payload = json.dumps(to_data(mention), sort_keys=True, ensure_ascii=False)
    return f"{mention.doc_id}:{hashlib.sha256(payload.encode()).hexdigest()[:16]}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def open_engine(target: str | Path, *, read_only: bool = False) -> Engine:
    url = database_url(target)
    if read_only and url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        if not Path(path).exists():
            raise LedgerError("E030", f"{path} does not exist")
        url = f"sqlite:///file:{path}?mode=ro&uri=true"
    try:
        engine = create_engine(url)
    except SQLAlchemyError as e:
        raise LedgerError("E030", str(e)) from e
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class Ledger:
    """Read and write one ledger database."""

    def __init__(self, target: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.engine = open_engine(target, read_only=read_only)
        if not read_only:
            self._create()

    def _create(self) -> None:
        try:
            metadata.create_all(self.engine)
            with self.engine.begin() as conn:
                found = conn.execute(
                    select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")
                ).scalar()
                if found is None:
                    conn.execute(
                        insert(schema.meta).values(key="schema_version", value=str(SCHEMA_VERSION))
                    )
        except SQLAlchemyError as e:
            raise LedgerError("E030", str(e)) from e

    # -- documents ---------------------------------------------------------

    def document_ids(self) -> set[str]:
        with self.engine.connect() as conn:
            return set(conn.execute(select(schema.documents.c.id)).scalars())

    def add_document(self, doc: Document, mentions: Sequence[Mention]) -> bool:
        """Store a document with its comments and mentions; False if it was already there."""
        with self.engine.begin() as conn:
            exists = conn.execute(
                select(schema.documents.c.id).where(schema.documents.c.id == doc.id)
            ).first()
            if exists:
                return False
            _insert_document(conn, doc, mentions)
        return True

    def replace_document(self, doc: Document, mentions: Sequence[Mention]) -> None:
        """Swap a stored document (and its mentions) for a re-processed version, atomically."""
        with self.engine.begin() as conn:
            _delete_document(conn, doc.id)
            _insert_document(conn, doc, mentions)

    def documents(self, *, ids: Iterable[str] | None = None) -> list[Document]:
        """Stored documents with their comments, by id; only ``ids`` when given."""
        comments_query = select(schema.comments).order_by(
            schema.comments.c.doc_id, schema.comments.c.idx
        )
        docs_query = select(schema.documents).order_by(schema.documents.c.id)
        if ids is not None:
            wanted = list(ids)
            comments_query = comments_query.where(schema.comments.c.doc_id.in_(wanted))
            docs_query = docs_query.where(schema.documents.c.id.in_(wanted))
        with self.engine.connect() as conn:
            by_doc: dict[str, list[Comment]] = {}
            for row in conn.execute(comments_query).mappings():
                by_doc.setdefault(row["doc_id"], []).append(_comment_from_row(row))
            return [
                Document(**{**row, "comments": tuple(by_doc.get(row["id"], ()))})
                for row in conn.execute(docs_query).mappings()
            ]

    def document(self, doc_id: str) -> Document | None:
        found = self.documents(ids=[doc_id])
        return found[0] if found else None

    # -- mentions and events -----------------------------------------------

    def mentions(self) -> list[Mention]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(schema.mentions.c.data).order_by(schema.mentions.c.id))
            return [from_data(Mention, json.loads(data)) for data in rows.scalars()]

    def replace_events(self, events: Iterable[Event]) -> int:
        """Swap in a freshly reconciled set of events, atomically."""
        event_rows, links = [], []
        for ev in events:
            record = event_record(ev)
            event_rows.append(_event_row(ev, record))
            links.extend({"event_id": ev.id, "mention_id": mention_id(m)} for m in ev.mentions)
        with self.engine.begin() as conn:
            conn.execute(schema.event_mentions.delete())
            conn.execute(schema.events.delete())
            if event_rows:
                conn.execute(insert(schema.events), event_rows)
            if links:
                unique = {(x["event_id"], x["mention_id"]): x for x in links}
                conn.execute(insert(schema.event_mentions), list(unique.values()))
        return len(event_rows)

    def events(self) -> list[Event]:
        """Every event as a record (for the network and other re-use), by date then id."""
        table = schema.events
        query = select(table.c.event).order_by(table.c.date, table.c.id)
        with self.engine.connect() as conn:
            return [from_data(Event, json.loads(data)) for data in conn.execute(query).scalars()]

    def event_records(self) -> Iterator[dict[str, Any]]:
        """Every event in the export contract's shape, by date then id."""
        table = schema.events
        query = select(table.c.data).order_by(table.c.date, table.c.id)
        with self.engine.connect() as conn:
            for data in conn.execute(query).scalars():
                yield json.loads(data)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in (
                    ("documents", schema.documents),
                    ("comments", schema.comments),
                    ("mentions", schema.mentions),
                    ("events", schema.events),
                )
            }


def _insert_document(conn: Connection, doc: Document, mentions: Sequence[Mention]) -> None:
    conn.execute(insert(schema.documents).values(**_document_row(doc)))
    if doc.comments:
        conn.execute(
            insert(schema.comments),
            [_comment_row(doc.id, i, c) for i, c in enumerate(doc.comments)],
        )
    if doc.outlet:
        known = conn.execute(
            select(schema.sources.c.name).where(schema.sources.c.name == doc.outlet)
        ).first()
        if not known:
            conn.execute(insert(schema.sources).values(name=doc.outlet))
    rows = {mention_id(m): m for m in mentions}
    if rows:
        conn.execute(insert(schema.mentions), [_mention_row(k, m) for k, m in rows.items()])


def _delete_document(conn: Connection, doc_id: str) -> None:
    ids = select(schema.mentions.c.id).where(schema.mentions.c.doc_id == doc_id)
    conn.execute(schema.event_mentions.delete().where(schema.event_mentions.c.mention_id.in_(ids)))
    conn.execute(schema.mentions.delete().where(schema.mentions.c.doc_id == doc_id))
    conn.execute(schema.comments.delete().where(schema.comments.c.doc_id == doc_id))
    conn.execute(schema.documents.delete().where(schema.documents.c.id == doc_id))


def _document_row(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "name": doc.name,
        "source": doc.source,
        "title": doc.title,
        "outlet": doc.outlet,
        "url": doc.url,
        "published": doc.published,
        "published_from": doc.published_from,
        "language": doc.language,
        "text": doc.text,
    }


def _comment_row(doc_id: str, idx: int, comment: Comment) -> dict[str, Any]:
    return {"doc_id": doc_id, "idx": idx, **to_data(comment), "published": comment.published}


def _comment_from_row(row: Any) -> Comment:
    return Comment(
        text=row["text"],
        start=row["start"],
        end=row["end"],
        author=row["author"],
        is_repost=bool(row["is_repost"]),
        published=row["published"],
    )


def _mention_row(key: str, mention: Mention) -> dict[str, Any]:
    return {
        "id": key,
        "doc_id": mention.doc_id,
        "type": mention.type,
        "date": mention.date,
        "data": json.dumps(to_data(mention), ensure_ascii=False, sort_keys=True),
    }


def _event_row(ev: Event, record: dict[str, Any]) -> dict[str, Any]:
    loc = ev.location
    return {
        "id": ev.id,
        "type": ev.type,
        "acled_event_type": ev.acled_event_type,
        "acled_sub_event_type": ev.acled_sub_event_type,
        "date": ev.date,
        "country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "actor1": ev.actor1.name if ev.actor1 else None,
        "actor2": ev.actor2.name if ev.actor2 else None,
        "fatalities_best": ev.fatalities.best if ev.fatalities else None,
        "confidence": ev.confidence,
        "data": json.dumps(record, ensure_ascii=False, sort_keys=True),
        "event": json.dumps(to_data(ev), ensure_ascii=False, sort_keys=True),
    }
