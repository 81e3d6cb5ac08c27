"""Read INPUT arguments into Articles, in order; never raise on one, never drop one silently.

Inputs: files by suffix (`.txt`, `.html`, `.xml`/`.rss`/`.atom`, `.jsonl`, `.csv`, any of them
`.gz`), folders (recursive, sorted), `-` for standard input, and URLs (a feed or a page). Every
input gives at least one Article: its articles, or an error record that says why not.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from marsad.errors import InputError
from marsad.ingest import archives, feeds, html  # noqa: F401  (they register their readers)
from marsad.ingest.article import Article
from marsad.ingest.decode import decode
from marsad.ingest.fetch import fetch, is_url
from marsad.ingest.registry import READERS, ReadOptions, checked, reader

log = logging.getLogger(__name__)

__all__ = ["READERS", "ReadOptions", "checked", "read_inputs", "read_path", "read_stream", "reader"]


def read_inputs(inputs: Iterable[str], *, stdin: BinaryIO | None = None,
                fields: Mapping[str, str] | None = None) -> Iterator[Article]:
    """Every article of every input, in the order given; a folder is read recursively, sorted.

    >>> [a.error_code for a in read_inputs(["/no/such/file.txt"])]
    ['E100']
    """
    opts = ReadOptions(fields=dict(fields or {}))
    for item in inputs:
        if item == "-":
            yield from read_stream((stdin or sys.stdin.buffer).read(), "stdin", opts)
        elif is_url(item):
            yield from read_url(item, opts)
        else:
            path = Path(item)
            if path.is_dir():
                for p in sorted(q for q in path.rglob("*") if q.is_file() and not _hidden(q, path)):
                    if _known(p):
                        yield from read_path(p, opts)
                    else:  # a README beside the articles: said, not read
                        log.warning("marsad: skipped %s (notes, not articles)", p)
            elif path.exists():
                yield from read_path(path, opts)
            else:
                yield Article.failed(str(item), "E100", f"no such file or folder: {item}")


# Notes kept beside articles in a folder (a README about them) are said and skipped; any other
# file is read, so a broken one still gets its error record.
NOTES = frozenset({".md", ".markdown", ".rst"})
NOTE_NAMES = frozenset({"readme", "license", "licence", "notice", "changelog"})


def _known(path: Path) -> bool:
    """Whether a file in a folder is to be read as articles (notes about them are not)."""
    return path.suffix.lower() not in NOTES and path.name.lower() not in NOTE_NAMES


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def read_path(path: Path, opts: ReadOptions | None = None) -> Iterator[Article]:
    """The articles of one file, by its suffix; an unknown suffix is read as plain text."""
    opts = opts or ReadOptions()
    fn = READERS.get(path.suffix.lower()) or read_text
    try:
        with path.open("rb") as fh:
            yield from fn(fh, path.name, opts)
    except OSError as exc:
        yield Article.failed(path.name, "E100", f"cannot read {path}: {exc.strerror or exc}")
    except Exception as exc:  # a reader's bug costs this input, never the run (and says so)
        yield Article.failed(path.name, "E199", f"internal error reading {path.name}: {type(exc).__name__}: {exc}")


@reader(".txt", ".text", "")
def read_text(stream: BinaryIO, name: str, opts: ReadOptions) -> Iterator[Article]:
    yield text_article(stream.read(opts.max_bytes + 1), name, opts.max_bytes)


def text_article(data: bytes, id: str, max_bytes: int | None = None) -> Article:
    try:
        text = decode(data) if max_bytes is None else decode(data, max_bytes=max_bytes)
    except InputError as exc:
        return Article.failed(id, exc.code, str(exc))
    return checked(Article(id=id, text=text))


def sniff(data: bytes) -> str:
    """The suffix whose reader fits `data`: `.jsonl`, `.xml` (a feed), `.html` or `.txt`.

    >>> sniff(b'<?xml version="1.0"?><rss version="2.0">'), sniff(b"<!DOCTYPE html><html>")
    ('.xml', '.html')
    """
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:2000].lower()
    if head.startswith(b"{"):
        return ".jsonl"
    if head.startswith(b"<"):
        return ".xml" if any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf")) else ".html"
    return ".txt"


def read_stream(data: bytes, name: str, opts: ReadOptions | None = None) -> Iterator[Article]:
    """Bytes from standard input or a URL, read by what they look like."""
    import io

    opts = opts or ReadOptions()
    try:
        yield from READERS[sniff(data)](io.BytesIO(data), name, opts)
    except Exception as exc:  # as in read_path: one input's failure is its own record
        yield Article.failed(name, "E199", f"internal error reading {name}: {type(exc).__name__}: {exc}")


def read_url(url: str, opts: ReadOptions) -> Iterator[Article]:
    """A feed or a page the user named by URL (fetched now, bounded in time)."""
    try:
        got = fetch(url)
    except InputError as exc:
        yield Article.failed(url, exc.code, str(exc), url=url)
        return
    if sniff(got.data) == ".html":
        yield html.page_article(got.data, url, max_bytes=opts.max_bytes, url=url)
    else:
        yield from read_stream(got.data, url, opts)
