"""Engines and schema migrations (Alembic, shipped in the package under `store/migrations`).

>>> engine = open_engine("sqlite://")
>>> sorted(t for t in inspect_tables(engine) if t != "alembic_version")[:3]
['articles', 'events', 'evidence']
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect

from marsad.errors import MarsadError
from marsad.store.url import database_url

MIGRATIONS = Path(__file__).with_name("migrations")


def open_engine(url: str | None = None, *, migrate: bool = True) -> Engine:
    """An engine for `url` (see `database_url`), its schema brought up to date."""
    url = database_url(url)
    try:
        engine = create_engine(url, future=True)
    except Exception as exc:  # a driver that is not installed, a malformed URL
        raise MarsadError("E302", f"cannot open database: {exc}",
                          fix="for PostgreSQL install marsad[postgres]") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        # pysqlite begins transactions lazily, which breaks savepoints (a RELEASE would commit the
        # batch so far): let SQLAlchemy emit BEGIN itself, as its documentation recommends
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    if migrate:
        upgrade(engine)
    return engine


def upgrade(engine: Engine) -> None:
    """Run every migration not yet applied (idempotent)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except Exception as exc:
        raise MarsadError("E303", f"cannot migrate the database: {type(exc).__name__}: {exc}",
                          fix="check the URL, the server and the user's rights") from exc


def inspect_tables(engine: Engine) -> list[str]:
    return inspect(engine).get_table_names()


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()
