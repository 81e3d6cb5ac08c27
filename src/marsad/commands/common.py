"""Options the store commands share."""

from __future__ import annotations

from typing import Annotated

import typer

DbOption = Annotated[str | None, typer.Option("--db", help="database URL (sqlite:///file.db, postgresql://...); "
                                              "default: $MARSAD_DB, else a SQLite file in your data directory")]
Since = Annotated[str | None, typer.Option(help="from this day on, YYYY-MM-DD")]
Until = Annotated[str | None, typer.Option(help="up to this day, YYYY-MM-DD")]
Country = Annotated[str | None, typer.Option(help="country name or ISO3 code (SYR)")]
Admin1 = Annotated[str | None, typer.Option(help="governorate name or ISO 3166-2 code (SY-DY)")]
EventType = Annotated[str | None, typer.Option("--type", help="ACLED event type or sub-event type")]
Actor = Annotated[str | None, typer.Option(help="part of an actor's name, either side (\"United States\")")]
