"""`marsad explain ID --db URL`: an incident's sources and why they were merged."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from marsad.cli import app
from marsad.commands.common import DbOption


@app.command()
def explain(
    incident: Annotated[str, typer.Argument(help="an incident id (inc-...) or the id of one of its events")],
    db: DbOption = None,
) -> None:
    """Show an incident's sources, what each reported, and the rule and distances behind each merge."""
    from sqlalchemy.orm import Session

    from marsad.store import open_engine
    from marsad.store.queries import explain as story

    engine = open_engine(db)
    try:
        with Session(engine) as s:
            typer.echo(json.dumps(story(s, incident), ensure_ascii=False, indent=2))
    finally:
        engine.dispose()
