"""The store: SQLite by default, PostgreSQL for a shared deployment; Alembic migrations.

>>> from marsad.store import database_url
>>> database_url("sqlite:///data.db")
'sqlite:///data.db'
"""

from marsad.store.ingest import IngestReport, ingest_articles
from marsad.store.migrate import open_engine
from marsad.store.url import database_url

__all__ = ["IngestReport", "database_url", "ingest_articles", "open_engine"]
