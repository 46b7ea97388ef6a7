"""The ledger's tables, in portable SQLAlchemy Core (SQLite embedded, PostgreSQL served).

Full records are kept as JSON text beside the columns that queries filter on,
so one schema serves the pipeline, the exports and the API.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

# Bump when a table changes; migrations.py upgrades older ledgers step by step.
SCHEMA_VERSION = 1

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("name", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("outlet", Text),
    Column("url", Text),
    Column("published", Date),
    Column("published_from", String(16)),
    Column("language", String(8), nullable=False),
    Column("text", Text, nullable=False),
)

comments = Table(
    "comments",
    metadata,
    Column("doc_id", String(32), ForeignKey("documents.id"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("author", Text),
    Column("is_repost", Boolean, nullable=False),
    Column("published", Date),
)

sources = Table(
    "sources",
    metadata,
    Column("name", Text, primary_key=True),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", String(96), primary_key=True),
    Column("doc_id", String(32), ForeignKey("documents.id"), nullable=False, index=True),
    Column("type", String(16), nullable=False),
    Column("date", Date),
    Column("data", Text, nullable=False),  # the full Mention, as JSON
)

events = Table(
    "events",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("type", String(16), nullable=False),
    Column("acled_event_type", Text),
    Column("acled_sub_event_type", Text),
    Column("date", Date),
    Column("country", String(3)),
    Column("lat", Float),
    Column("lon", Float),
    Column("actor1", Text),
    Column("actor2", Text),
    Column("fatalities_best", Integer),
    Column("confidence", Float, nullable=False),
    Column("data", Text, nullable=False),  # the export-contract record, as JSON
    Column("event", Text, nullable=False),  # the Event record itself (codec), for re-use
)
Index("ix_events_lat_lon", events.c.lat, events.c.lon)
# Keyset pagination and filtered listing: each sort key with the id as tie-breaker,
# so GET /events stays fast on large ledgers (measured at 100k events).
Index("ix_events_date_id", events.c.date, events.c.id)
Index("ix_events_fatalities_id", events.c.fatalities_best, events.c.id)
Index("ix_events_confidence_id", events.c.confidence, events.c.id)
Index("ix_events_type_date_id", events.c.type, events.c.date, events.c.id)
Index("ix_events_country_date_id", events.c.country, events.c.date, events.c.id)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("event_id", String(32), ForeignKey("events.id"), primary_key=True),
    Column("mention_id", String(96), ForeignKey("mentions.id"), primary_key=True),
)
