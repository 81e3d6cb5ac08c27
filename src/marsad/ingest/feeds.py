"""RSS and Atom feeds (feedparser): one article per entry, with its link, title and date.

Dates that feedparser cannot read (`الثلاثاء 5 يناير 2022`) go through our own parser. A feed
that cannot be parsed at all is one error record; one cut off half-way yields the entries before
the cut and one error record that says so. A feed with no entries is an error record too, so
that no input ever vanishes without a line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html as html_lib
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any, BinaryIO

from marsad.errors import InputError
from marsad.ingest.article import Article
from marsad.ingest.boilerplate import strip_boilerplate
from marsad.ingest.dates import parse_date
from marsad.ingest.registry import ReadOptions, checked, reader

FEED_MAX_BYTES = 50_000_000
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article")


@reader(".xml", ".rss", ".atom", ".rdf")
def read_feed(stream: BinaryIO, name: str, opts: ReadOptions) -> Iterator[Article]:
    data = stream.read(FEED_MAX_BYTES + 1)
    if len(data) > FEED_MAX_BYTES:
        yield Article.failed(name, "E103", f"too large: more than {FEED_MAX_BYTES:,} bytes")
        return
    yield from feed_articles(data, name)


def feed_articles(data: bytes, name: str) -> Iterator[Article]:
    """Every entry of the feed in `data` as an Article, in feed order.

    >>> rss = ('<rss version="2.0"><channel><title>t</title><item><title>عنوان</title>'
    ...        '<link>https://x.example/1</link><pubDate>الثلاثاء 5 يناير 2022</pubDate>'
    ...        '<description>قصف مدفعي على القرية في الصباح الباكر</description></item></channel></rss>')
    >>> [(a.url, a.published) for a in feed_articles(rss.encode(), "f.xml")]
    [('https://x.example/1', '2022-01-05')]
    """
    try:
        import feedparser  # the feeds extra
    except ImportError:
        yield Article.failed(name, "E113", "reading feeds needs the feeds extra: pip install 'marsad[feeds]'")
        return
    if not data.strip():
        yield Article.failed(name, "E101", "empty input")
        return
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    problem = _problem(parsed)
    if not entries:
        why = f"malformed feed: {problem}" if problem else \
            "not a feed" if not parsed.get("version") else "a feed with no entries"
        yield Article.failed(name, "E109", why)
        return
    source = (parsed.get("feed") or {}).get("title")
    for n, entry in enumerate(entries, 1):
        yield entry_article(entry, f"{name}:{n}", source)
    if problem:
        yield Article.failed(name, "E109", f"malformed feed: {problem} (read {len(entries)} entries before it)")


def _problem(parsed: Any) -> str | None:
    """The parse error that matters: encoding overrides and content-type notes do not."""
    if not parsed.get("bozo"):
        return None
    import feedparser

    exc = parsed.get("bozo_exception")
    benign = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    if isinstance(exc, benign):
        return None
    return f"{type(exc).__name__}: {exc}" if exc else "unreadable XML"


def entry_article(entry: Any, where: str, source: str | None) -> Article:
    """One feed entry: the longest of its content and summary, as text."""
    bodies = [c.get("value") or "" for c in entry.get("content") or []] + [entry.get("summary") or ""]
    body = max(bodies, key=len)
    link = entry.get("link") or None
    key = entry.get("id") or link or "sha256:" + hashlib.sha256(body.encode()).hexdigest()
    art_id = entry.get("id") or link or where
    info: dict[str, Any] = {"published": _entry_date(entry), "url": link, "title": entry.get("title"),
                            "meta": {"entry_key": key, "feed_entry": where}}
    try:
        text = strip_boilerplate(fragment_text(body))
    except InputError as exc:
        return Article.failed(art_id, exc.code, str(exc), **info)
    if not text:
        return Article.failed(art_id, "E101", "a feed entry with no text", **info)
    return checked(Article(id=art_id, text=text, source=source, **info))


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if not dict.__contains__(entry, key):  # feedparser warns when one key stands in for another
            continue
        st = entry.get(key)
        if st:
            try:
                return dt.date(st.tm_year, st.tm_mon, st.tm_mday).isoformat()
            except ValueError:
                continue
    for key in ("published", "updated", "created", "date"):
        day = parse_date(entry.get(key))
        if day:
            return day
    return None


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one line per paragraph (plain text passes through).

    >>> fragment_text("<p>سطر أول</p><p>سطر <b>ثان</b></p>")
    'سطر أول\\nسطر ثان'
    """
    if "<" not in fragment:
        return _lines(html_lib.unescape(fragment))
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    return _lines("".join(parser.parts))


def _lines(text: str) -> str:
    lines = (" ".join(ln.split()) for ln in text.splitlines())
    return "\n".join(ln for ln in lines if ln)


class _TextParser(HTMLParser):
    """The text of a fragment, a line break at every block and `<br>`; scripts and styles dropped
    (the standard library's parser: feeds need no lxml)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "br" or tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)
