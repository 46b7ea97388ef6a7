"""The ledger store: SQLite (WAL) embedded, any SQLAlchemy database served."""

from dateline.store.ledger import DEFAULT_DB, Ledger, database_url, mention_id

__all__ = ["DEFAULT_DB", "Ledger", "database_url", "mention_id"]
