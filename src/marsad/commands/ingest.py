"""`marsad ingest INPUT... --db URL`: extract and store new articles, fuse across sources."""

from __future__ import annotations

from typing import Annotated

import typer

from marsad.cli import app
from marsad.commands.common import DbOption


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help=".txt, .html, .jsonl, a folder, or - for standard input")],
    db: DbOption = None,
    batch: Annotated[int, typer.Option(help="articles per transaction")] = 100,
) -> None:
    """Store articles and their events; the same article again changes nothing; a stopped run resumes."""
    from marsad.ingest import read_inputs
    from marsad.store import ingest_articles

    report = ingest_articles(db, read_inputs(inputs), batch=batch)
    for art_id, reason in report.errors[:20]:
        typer.echo(f"marsad: {art_id}: {reason}", err=True)
    typer.echo(report.line(), err=True)
    raise typer.Exit(code=min(report.failed, 100))
