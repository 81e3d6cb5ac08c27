"""Alembic environment: runs on the connection the store hands over (`marsad.store.migrate`)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from marsad.store.models import Base

config = context.config
connection = config.attributes.get("connection")


def run(conn) -> None:
    context.configure(connection=conn, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    run(connection)
else:  # the alembic command line, for writing a new migration: -x url=sqlite:///dev.db
    url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///marsad-dev.db")
    with create_engine(url).begin() as conn:
        run(conn)
