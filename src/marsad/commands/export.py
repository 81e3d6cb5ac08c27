"""`marsad export --format acled-csv|geojson|jsonl --db URL -o FILE`: the store's incidents."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from marsad.cli import app
from marsad.commands.common import Actor, Admin1, Country, DbOption, EventType, Since, Until


class ExportFormat(StrEnum):
    acled_csv = "acled-csv"
    geojson = "geojson"
    jsonl = "jsonl"


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="acled-csv, geojson or jsonl")] = ExportFormat.jsonl,
    db: DbOption = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="write here instead of standard output")] = None,
    since: Since = None, until: Until = None, country: Country = None, admin1: Admin1 = None,
    event_type: EventType = None, actor: Actor = None,
    background: Annotated[bool, typer.Option(help="include past events recalled as background")] = False,
) -> None:
    """Write the store's incidents, one per incident with all its sources."""
    from sqlalchemy.orm import Session

    from marsad.export.acled_csv import write_rows
    from marsad.export.geojson import write_features
    from marsad.store import open_engine
    from marsad.store.queries import Filters, incidents

    filters = Filters(since, until, country, admin1, event_type, background, actor)
    engine = open_engine(db)
    out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        with Session(engine) as s:
            recs = incidents(s, filters)
            if fmt is ExportFormat.acled_csv:
                n = write_rows(recs, out)
            elif fmt is ExportFormat.geojson:
                n = write_features(recs, out)
            else:
                n = 0
                for rec in recs:
                    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                    n += 1
    finally:
        if output:
            out.close()
        engine.dispose()
    typer.echo(f"marsad: {n} incident(s) written", err=True)
