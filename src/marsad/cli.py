"""The `marsad` command line (typer). Errors become one clear line here, nowhere else."""

from __future__ import annotations

import json
import logging
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from marsad.document import Document, parse_day
from marsad.errors import MarsadError
from marsad.export.records import article_record, error_record
from marsad.ingest import Article, read_inputs
from marsad.pipeline import Pipeline

app = typer.Typer(help="marsad: Arabic conflict news to an ACLED-style event dataset, with evidence.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


class Format(StrEnum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    geojson = "geojson"


def document_of(art: Article, published: str | None, source: str | None) -> Document:
    """The article's own date and source win over the command line's defaults."""
    pub = parse_day(art.published) or parse_day(published)
    return Document.from_text(art.text or "", id=art.id, published=pub,
                              title=art.title, source=art.source or source, url=art.url)


def extract_records(inputs: list[str], published: str | None, source: str | None,
                    pipeline: Pipeline | None = None, *, fields: dict[str, str] | None = None,
                    dedup: bool = True):
    """One record per input article, in order: its events, its error, or the first copy it duplicates."""
    from marsad.ingest.dedup import DedupIndex

    yield from records_of(read_inputs(inputs, fields=fields), published, source, pipeline,
                          DedupIndex() if dedup else None)


def records_of(articles, published: str | None = None, source: str | None = None,
               pipeline: Pipeline | None = None, index=None):
    """The output record of each article; with a DedupIndex, copies get `duplicate_of` and no events."""
    from marsad.ingest.dedup import mark_duplicates

    pipeline = pipeline or Pipeline.default(errors="reject")
    fp = pipeline.fingerprint()
    for art in mark_duplicates(articles, index) if index is not None else articles:
        if not art.ok:
            yield error_record(art.id, art.error or "unreadable", art.error_code, art.published)
            continue
        if art.meta.get("duplicate_of"):  # read fine, but a copy: linked, not extracted again
            day = parse_day(art.published) or parse_day(published)
            yield {"id": art.id, "published": day.isoformat() if day else None,
                   "duplicate_of": art.meta["duplicate_of"], "events": []}
            continue
        try:
            doc = pipeline(document_of(art, published, source))
        except Exception as exc:  # a bug in a stage must not cost the rest of the batch
            yield error_record(art.id, f"internal error: {type(exc).__name__}: {exc}", "E000", art.published)
            continue
        yield article_record(doc, fp)


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help=".txt, .html, .xml/.rss/.atom feeds, .jsonl, .csv (any of them .gz), a folder, a URL, or - for standard input")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="write here instead of standard output")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="jsonl, json, csv or geojson")] = Format.jsonl,
    published: Annotated[str | None, typer.Option(help="publication date YYYY-MM-DD for inputs without one")] = None,
    source: Annotated[str | None, typer.Option(help="source name for inputs without one")] = None,
    fields: Annotated[str | None, typer.Option("--map", help="CSV/JSONL columns: text=body,id=article_id")] = None,
    dedup: Annotated[bool, typer.Option(help="link duplicate articles to their first copy")] = True,
) -> None:
    """Extract events from articles; one output record per input article, in input order."""
    from marsad.ingest import parse_fields

    if published and parse_day(published) is None:
        raise typer.BadParameter(f"{published!r} is not a date YYYY-MM-DD", param_hint="--published")
    records = extract_records(inputs, published, source, fields=parse_fields(fields), dedup=dedup)
    failed = write_records(records, output, fmt)
    if failed:
        typer.echo(f"marsad: {failed} article(s) could not be read", err=True)
    raise typer.Exit(code=min(failed, 100))


def write_records(records, output: Path | None, fmt: Format) -> int:
    """Write the records in `fmt`; return how many were errors."""
    from marsad.export import writers

    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        return writers.write(records, out, fmt.value)
    finally:
        if output:
            out.close()


@app.command()
def version() -> None:
    """Print the package, stage and resource versions that shape the output."""
    typer.echo(json.dumps(Pipeline.default().stamp(), ensure_ascii=False, indent=2))


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(message)s", stream=sys.stderr)
    try:
        app()
    except MarsadError as exc:
        typer.echo(f"marsad: error {exc.code}: {exc}", err=True)
        sys.exit(2)


# The store and feed commands register themselves on `app` (imported last: they import it).
from marsad.commands import explain as _explain  # noqa: E402,F401
from marsad.commands import export as _export  # noqa: E402,F401
from marsad.commands import ingest as _ingest  # noqa: E402,F401
from marsad.commands import stats as _stats  # noqa: E402,F401
from marsad.commands import watch as _watch  # noqa: E402,F401

if __name__ == "__main__":
    # run as a script, this file is `__main__`; the commands registered on `marsad.cli.app`
    from marsad.cli import main as _main

    _main()
