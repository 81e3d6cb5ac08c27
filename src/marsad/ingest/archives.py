"""Archives: JSON Lines, JSON and CSV (with a field mapping), and any of them gzipped.

`--map text=body,id=article_id` names the input's columns for marsad's fields (`id`, `text`,
`title`, `published`, `source`, `url`); unmapped fields are looked up by their own name, in any
letter case. A `.gz` file is read as the file it holds (`a.jsonl.gz` as JSON Lines), streamed,
with every article still under the size limit, so a gzip bomb costs a bounded read.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import zlib
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any, BinaryIO

from marsad.errors import InputError
from marsad.ingest.article import Article
from marsad.ingest.decode import decode
from marsad.ingest.registry import FIELDS, READERS, ReadOptions, checked, reader

ARCHIVE_MAX_BYTES = 2_000_000_000  # a CSV is decoded whole: refuse one beyond this
CSV_FIELD_MAX = 50_000_000  # an article in a cell may be long; the article limit applies after


@reader(".jsonl", ".ndjson")
def read_jsonl(stream: BinaryIO, name: str, opts: ReadOptions) -> Iterator[Article]:
    records = 0
    for n, raw in enumerate(bounded_lines(stream, opts.max_bytes), 1):
        if raw is None:
            records += 1
            yield Article.failed(f"{name}:{n}", "E103", f"too large: a line over {opts.max_bytes:,} bytes")
        elif raw.strip():
            records += 1
            yield jsonl_article(raw, f"{name}:{n}", opts)
    if not records:  # an empty archive is said, not skipped
        yield Article.failed(name, "E101", "empty input: no JSON Lines records")


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of `stream`; None in place of a line longer than `limit` (skipped, not kept)."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # drain the rest of the long line
                line = stream.readline(1 << 20)
            yield None
            continue
        yield line


def jsonl_article(raw: bytes, where: str, opts: ReadOptions | None = None) -> Article:
    """One JSON Lines record as an Article (`where` is its id when it has none).

    >>> jsonl_article('{"id": "a", "body": "قصف على القرية"}'.encode(), "f:1",
    ...               ReadOptions(fields={"text": "body"})).text
    'قصف على القرية'
    """
    try:
        rec = json.loads(decode(raw))
    except (InputError, json.JSONDecodeError) as exc:
        return Article.failed(where, "E106", f"not a JSON object: {exc}")
    if not isinstance(rec, dict):
        return Article.failed(where, "E106", "not a JSON object")
    return record_article(rec, where, opts or ReadOptions())


def record_article(rec: dict[str, Any], where: str, opts: ReadOptions) -> Article:
    """A record (a JSON object or a CSV row) as an Article, through the field mapping."""
    lower = {str(k).lower(): v for k, v in rec.items()}
    got = {f: rec.get(opts.column(f), lower.get(opts.column(f).lower())) for f in FIELDS}
    meta = {k: (str(got[k]) if got[k] not in (None, "") else None) for k in ("published", "title", "source", "url")}
    art_id = str(got["id"]) if got["id"] not in (None, "") else where
    text = got["text"]
    if not isinstance(text, str) or not text.strip():
        return Article.failed(art_id, "E101", f"empty or missing {opts.column('text')!r}", **meta)
    return checked(Article(id=art_id, text=text, **meta))


@reader(".json")
def read_json(stream: BinaryIO, name: str, opts: ReadOptions) -> Iterator[Article]:
    """A JSON document: one article object, or an array of them."""
    try:
        data = json.loads(decode(stream.read(ARCHIVE_MAX_BYTES + 1), max_bytes=ARCHIVE_MAX_BYTES))
    except (InputError, json.JSONDecodeError) as exc:
        yield Article.failed(name, getattr(exc, "code", "E106"), f"not JSON: {exc}")
        return
    items = data if isinstance(data, list) else [data]
    if not items:
        yield Article.failed(name, "E101", "empty input: an empty JSON array")
    for n, item in enumerate(items, 1):
        where = name if len(items) == 1 and not isinstance(data, list) else f"{name}:{n}"
        if isinstance(item, dict):
            yield record_article(item, where, opts)
        else:
            yield Article.failed(where, "E106", "not a JSON object")


@reader(".csv", ".tsv")
def read_csv(stream: BinaryIO, name: str, opts: ReadOptions) -> Iterator[Article]:
    data = stream.read(ARCHIVE_MAX_BYTES + 1)
    try:
        text = decode(data, max_bytes=ARCHIVE_MAX_BYTES)
    except InputError as exc:
        yield Article.failed(name, exc.code, str(exc))
        return
    if csv.field_size_limit() < CSV_FIELD_MAX:
        csv.field_size_limit(CSV_FIELD_MAX)  # csv's own default (128 KB) is below one long article
    delimiter = "\t" if name.lower().endswith((".tsv", ".tsv.gz")) else ","
    rows = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    missing = _missing_text_column(rows.fieldnames, opts)
    if missing:
        yield Article.failed(name, "E110", missing)
        return
    n = 1  # row 1 is the header
    try:
        for n, row in enumerate(rows, 2):
            yield record_article({k: v for k, v in row.items() if k is not None}, f"{name}:{n}", opts)
    except csv.Error as exc:
        yield Article.failed(name, "E110", f"malformed CSV at line {rows.line_num}: {exc}")
        return
    if n == 1:
        yield Article.failed(name, "E101", "empty input: a CSV header and no rows")


def _missing_text_column(header: list[str] | None, opts: ReadOptions) -> str | None:
    want = opts.column("text")
    have = [h.lower() for h in header or []]
    if want.lower() in have:
        return None
    return (f"no {want!r} column for the text (columns: {', '.join(header or [])}); "
            f"name it with --map text=COLUMN")


@reader(".gz")
def read_gzip(stream: BinaryIO, name: str, opts: ReadOptions) -> Iterator[Article]:
    """The file inside, read by the reader of its own suffix (`.txt` when it has none)."""
    inner = PurePath(name[:-3] if name.lower().endswith(".gz") else name)
    fn = READERS.get(inner.suffix.lower()) or READERS[".txt"]
    try:
        with gzip.GzipFile(fileobj=stream) as unzipped:
            yield from fn(unzipped, name, opts)  # type: ignore[arg-type]
    except (OSError, EOFError, zlib.error) as exc:
        yield Article.failed(name, "E112", f"corrupt or truncated gzip: {exc or type(exc).__name__}")
