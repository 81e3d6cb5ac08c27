"""`marsad stats --db URL`: incidents by week, type, governorate and actor."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from marsad.cli import app
from marsad.commands.common import Actor, Admin1, Country, DbOption, EventType, Since, Until


@app.command()
def stats(
    db: DbOption = None,
    since: Since = None, until: Until = None, country: Country = None, admin1: Admin1 = None,
    event_type: EventType = None, actor: Actor = None,
    as_json: Annotated[bool, typer.Option("--json", help="one JSON document instead of tables")] = False,
    top: Annotated[int, typer.Option(help="how many governorates and actors to list")] = 15,
) -> None:
    """The tallies analysts publish: "43 attacks on US forces since January"."""
    from sqlalchemy.orm import Session

    from marsad.store import open_engine
    from marsad.store.queries import Filters
    from marsad.store.queries import stats as tally

    engine = open_engine(db)
    try:
        with Session(engine) as s:
            result = tally(s, Filters(since, until, country, admin1, event_type, actor=actor), top=top)
    finally:
        engine.dispose()
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    typer.echo(f"{result['incidents']} incident(s) from {result['articles']} article(s); "
               f"{result['fatalities']} fatalities reported as fact")
    for key, title in (("by_week", "week"), ("by_type", "type"), ("by_admin1", "governorate"),
                       ("by_actor", "actor")):
        typer.echo(f"\nby {title}:")
        for name, count in result[key].items():
            typer.echo(f"  {count:6d}  {name}")
