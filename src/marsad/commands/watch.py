"""`marsad watch FEED...`: poll feeds, extract each new entry once, into the store or a JSON Lines file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from marsad.cli import app
from marsad.commands.common import DbOption
from marsad.ingest.article import Article
from marsad.ingest.watch import PollReport, Sink


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(help="feed URLs (RSS or Atom)")],
    interval: Annotated[float, typer.Option(help="seconds between polls of a feed")] = 300.0,
    max_backoff: Annotated[float, typer.Option(help="longest wait, in seconds, after failures")] = 3600.0,
    db: DbOption = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="append JSON Lines records here "
                                                "instead of storing them")] = None,
    state: Annotated[Path | None, typer.Option(help="file of the entries already seen, kept across runs")] = None,
    once: Annotated[bool, typer.Option(help="poll every feed once, then stop")] = False,
    timeout: Annotated[float, typer.Option(help="seconds to wait for a feed")] = 20.0,
) -> None:
    """Poll feeds; extract each new entry once; back off (exponential, capped) from failing feeds."""
    from marsad.ingest.watch import Watcher

    sink = jsonl_sink(output) if output else store_sink(db)
    watcher = Watcher(feeds, sink, state=state, interval=interval, max_backoff=max_backoff, timeout=timeout)
    try:
        watcher.run(cycles=1 if once else None, on_report=_say)
    except KeyboardInterrupt:
        typer.echo("marsad: watch stopped", err=True)


def _say(report: PollReport) -> None:
    for err in report.errors:
        typer.echo(f"marsad: {err}", err=True)
    typer.echo(f"marsad: {report.fetched} feed(s) read, {report.failed} failed; "
               f"{report.new} new entr(ies), {report.seen} already seen", err=True)


def store_sink(db: str | None) -> Sink:
    """New entries into the store (idempotent by content hash; fused across sources there)."""
    from marsad.pipeline import Pipeline
    from marsad.store import ingest_articles

    pipeline = Pipeline.default(errors="reject")

    def sink(articles: list[Article]) -> None:
        ingest_articles(db, articles, pipeline)

    return sink


def jsonl_sink(path: Path) -> Sink:
    """New entries as `marsad extract` records, appended to `path`; copies linked to their first copy."""
    from marsad.cli import records_of
    from marsad.ingest.dedup import DedupIndex
    from marsad.pipeline import Pipeline

    pipeline, index = Pipeline.default(errors="reject"), DedupIndex()

    def sink(articles: list[Article]) -> None:
        with path.open("a", encoding="utf-8") as out:
            for rec in records_of(articles, pipeline=pipeline, index=index):
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")

    return sink
