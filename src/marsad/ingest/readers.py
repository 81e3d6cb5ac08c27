"""Read INPUT arguments (.txt, .jsonl, folders, `-`) into Articles, in order; never raise on one."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from marsad.errors import InputError
from marsad.ingest.article import Article
from marsad.ingest.decode import decode
from marsad.ingest.language import check_arabic

Reader = Callable[[Path], Iterator[Article]]
READERS: dict[str, Reader] = {}


def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register a reader for file suffixes (the html and feed readers plug in the same way)."""

    def deco(fn: Reader) -> Reader:
        for s in suffixes:
            READERS[s] = fn
        return fn

    return deco


def read_inputs(inputs: Iterable[str], *, stdin: BinaryIO | None = None) -> Iterator[Article]:
    """Every article of every input, in the order given; a folder is read recursively, sorted."""
    for item in inputs:
        if item == "-":
            yield from read_stream((stdin or sys.stdin.buffer).read(), "stdin")
            continue
        path = Path(item)
        if path.is_dir():
            for p in sorted(q for q in path.rglob("*") if q.is_file() and not q.name.startswith(".")):
                yield from read_path(p)
        elif path.exists():
            yield from read_path(path)
        else:
            yield Article.failed(str(item), "E100", f"no such file or folder: {item}")


def read_path(path: Path) -> Iterator[Article]:
    suffixes = "".join(path.suffixes[-2:]).lower()
    fn = READERS.get(suffixes) or READERS.get(path.suffix.lower()) or read_text_file
    try:
        yield from fn(path)
    except OSError as exc:
        yield Article.failed(path.name, "E100", f"cannot read {path}: {exc.strerror or exc}")


def checked(article: Article) -> Article:
    """The article, or an error record when its text is not Arabic news text."""
    if article.ok:
        try:
            check_arabic(article.text or "")
        except InputError as exc:
            return Article.failed(article.id, exc.code, str(exc), published=article.published,
                                  title=article.title, source=article.source, url=article.url)
    return article


@reader(".txt", ".text", "")
def read_text_file(path: Path) -> Iterator[Article]:
    yield text_article(path.read_bytes(), path.name)


def text_article(data: bytes, id: str) -> Article:
    try:
        return checked(Article(id=id, text=decode(data)))
    except InputError as exc:
        return Article.failed(id, exc.code, str(exc))


@reader(".jsonl", ".ndjson")
def read_jsonl_file(path: Path) -> Iterator[Article]:
    with path.open("rb") as fh:
        yield from jsonl_articles(fh, path.name)


def jsonl_articles(lines: Iterable[bytes], name: str) -> Iterator[Article]:
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        yield jsonl_article(raw, f"{name}:{n}")


def jsonl_article(raw: bytes, where: str) -> Article:
    try:
        rec = json.loads(decode(raw))
    except (InputError, json.JSONDecodeError) as exc:
        return Article.failed(where, "E106", f"not a JSON object: {exc}")
    if not isinstance(rec, dict):
        return Article.failed(where, "E106", "not a JSON object")
    art_id = str(rec.get("id") or where)
    meta = {k: rec.get(k) for k in ("published", "title", "source", "url")}
    meta = {k: (str(v) if v is not None else None) for k, v in meta.items()}
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        return Article.failed(art_id, "E101", "empty or missing 'text'", **meta)
    return checked(Article(id=art_id, text=text, **meta))


def read_stream(data: bytes, name: str) -> Iterator[Article]:
    """Standard input: JSON Lines when it starts with `{`, else one plain-text article."""
    if data.lstrip()[:1] == b"{":
        yield from jsonl_articles(data.splitlines(), name)
    else:
        yield text_article(data, name)
