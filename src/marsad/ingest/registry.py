"""The reader registry: which function reads which file suffix, and the options every reader gets.

A reader takes a binary stream, the input's name and the options, and yields Articles (error
records included); it may raise OSError, which the caller turns into an error record. Built-in
readers register here the way a plugin would (`@reader(".xml")`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import BinaryIO

from marsad.errors import InputError
from marsad.ingest.article import Article
from marsad.ingest.decode import MAX_BYTES
from marsad.ingest.language import check_arabic

FIELDS = ("id", "text", "title", "published", "source", "url")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """`fields` maps marsad's field names to the input's column names (CSV and JSON Lines)."""

    fields: Mapping[str, str] = field(default_factory=dict)
    max_bytes: int = MAX_BYTES  # the largest article (or page) read

    def column(self, name: str) -> str:
        return self.fields.get(name, name)


Reader = Callable[[BinaryIO, str, ReadOptions], Iterator[Article]]
READERS: dict[str, Reader] = {}


def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register a reader for file suffixes.

    >>> @reader(".example")
    ... def read_example(stream, name, opts):
    ...     yield Article(id=name, text=stream.read().decode())
    >>> ".example" in READERS
    True
    """

    def deco(fn: Reader) -> Reader:
        for s in suffixes:
            READERS[s] = fn
        return fn

    return deco


def parse_fields(spec: str | None) -> dict[str, str]:
    """`--map text=body,id=article_id` as {"text": "body", "id": "article_id"}.

    >>> parse_fields("text=body, published=date")
    {'text': 'body', 'published': 'date'}
    """
    out: dict[str, str] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        ours, eq, theirs = part.partition("=")
        ours, theirs = ours.strip(), theirs.strip()
        if not eq or ours not in FIELDS or not theirs:
            raise InputError("E110", f"bad field mapping {part.strip()!r}",
                             fix=f"write FIELD=COLUMN with FIELD one of {', '.join(FIELDS)}")
        out[ours] = theirs
    return out


def checked(article: Article) -> Article:
    """The article, or an error record when its text is not Arabic news text (or too long)."""
    if article.ok:
        try:
            if len(article.text or "") > MAX_BYTES:
                raise InputError("E103", f"too large: {len(article.text or ''):,} characters "
                                 f"(the limit is {MAX_BYTES:,})")
            check_arabic(article.text or "")
        except InputError as exc:
            return Article.failed(article.id, exc.code, str(exc), published=article.published,
                                  title=article.title, source=article.source, url=article.url,
                                  meta=article.meta)
    return article
