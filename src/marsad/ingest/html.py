"""HTML pages: the article's main text (trafilatura) and its metadata (our own, from structure).

The text is what trafilatura keeps as the main content, less the lines that are site chrome
(`marsad.ingest.boilerplate`: `هل أعجبك المحتوى`, `الأكثر قراءة` and the links under it).
Spans of every event are into this extracted text.

Metadata come only from structure, never from free text: the title from `og:title`, JSON-LD
`headline`, `<h1>` or `<title>`; the author from meta tags or JSON-LD; the outlet from
`og:site_name` or the JSON-LD publisher; the publication date from
`article:published_time` and its kin, JSON-LD `datePublished`, or a `<time>` outside any footer;
the canonical URL from `<link rel=canonical>` or `og:url`. So a footer's `© 2021` is never a date.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from marsad.errors import InputError
from marsad.ingest.article import Article
from marsad.ingest.boilerplate import SHORT, strip_boilerplate
from marsad.ingest.dates import parse_date
from marsad.ingest.decode import MAX_BYTES, decode
from marsad.ingest.registry import ReadOptions, checked, reader

_DATE_META = ("article:published_time", "og:published_time", "og:article:published_time",
              "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "date",
              "dc.date.issued", "dc.date", "dcterms.created", "dcterms.date", "sailthru.date",
              "parsely-pub-date", "article.published")
_AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author", "byl")
_PARAGRAPH = 5  # words: an article has a line this long (a menu or a tag list does not)
_HEAD_LINES = 5  # lines at the top where a repeated title is looked for
_MIN_CUT_TEXT = 500  # characters: a cut page with less than this is refused


@dataclass(slots=True)
class Page:
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None


def parse_page(html: str, *, base_url: str | None = None) -> Page:
    """The main text and metadata of an HTML page, or InputError E108 when it has no article text.

    >>> page = parse_page('<html><head><meta property="article:published_time" content="2022-01-05">'
    ...                   '</head><body><article><p>' + 'قصف مدفعي على القرية. ' * 20 + '</p></article>'
    ...                   '<footer>© 2021</footer></body></html>')
    >>> page.published, page.text.startswith("قصف مدفعي")
    ('2022-01-05', True)
    """
    import trafilatura  # the html extra; imported here so plain-text runs never pay for it
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError, TypeError) as exc:  # a document with no elements
        raise InputError("E108", f"not an HTML page: {exc}") from None
    meta = page_metadata(tree)
    h1 = _text(tree, "//h1")  # before trafilatura, which prunes the tree it is given
    text = trafilatura.extract(tree, url=base_url, include_comments=False, include_tables=False,
                               include_images=False, include_links=False, deduplicate=False) or ""
    text = strip_boilerplate(_drop_headline(text, meta["title"], h1))
    tail = html[-4000:].lower()
    truncated = "</html>" not in tail and "</body>" not in tail
    if truncated and len(text) < _MIN_CUT_TEXT:
        raise InputError("E108", "truncated HTML page: no article text before the cut")
    if not any(len(line.split()) >= _PARAGRAPH for line in text.splitlines()):
        # what trafilatura falls back to on a page with no article: menus and a ticker line
        raise InputError("E108", "no article text found in the HTML page (no paragraph, only short lines)")
    return Page(text=text, **meta)


def _drop_headline(text: str, *titles: str | None) -> str:
    """The text from after the title line (the title is metadata, and the short lines above it
    are chrome), without a date line right under it. Only the first few lines are looked at."""
    lines = text.split("\n")
    keys = {_clean(t) for t in titles if t}
    for i, line in enumerate(lines[:_HEAD_LINES]):
        if len(line.split()) > SHORT and _clean(line) not in keys:
            break  # a paragraph came first: the title is not repeated above the article
        if _clean(line) in keys:
            rest = lines[i + 1:]
            if rest and len(rest[0].split()) <= 6 and parse_date(rest[0]):
                rest = rest[1:]
            return "\n".join(rest)
    return text


def _clean(s: str) -> str:
    """Comparable form: NFC, no invisible format marks (trafilatura drops them), single spaces."""
    return " ".join("".join(c for c in unicodedata.normalize("NFC", s) if unicodedata.category(c) != "Cf").split())


def page_metadata(tree: Any) -> dict[str, str | None]:
    """Title, author, publication date and canonical URL from the page's structure."""
    metas = _metas(tree)
    ld = _json_ld(tree)
    return {
        "title": _first(metas.get("og:title"), ld.get("headline"), _text(tree, "//h1"), _text(tree, "//title")),
        "author": _first(*(metas.get(k) for k in _AUTHOR_META), _ld_author(ld.get("author"))),
        "published": _first(*(parse_date(metas.get(k)) for k in _DATE_META),
                            parse_date(_str(ld.get("datePublished"))), _time_date(tree)),
        "url": _first(_attr(tree, "//link[@rel='canonical']/@href"), metas.get("og:url"), _str(ld.get("url"))),
        "source": _first(metas.get("og:site_name"), _ld_author(ld.get("publisher"))),
    }


def _metas(tree: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in out:
            out[key] = value
    return out


def _json_ld(tree: Any) -> dict[str, Any]:
    """The first JSON-LD object that describes an article (or has a datePublished)."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for obj in _ld_objects(data):
            if "datePublished" in obj or "Article" in str(obj.get("@type", "")):
                return obj
    return {}


def _ld_objects(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [o for d in data for o in _ld_objects(d)]
    if isinstance(data, dict):
        return [data, *_ld_objects(data.get("@graph", []))]
    return []


def _ld_author(value: Any) -> str | None:
    if isinstance(value, list):
        names = [_ld_author(v) for v in value]
        return ", ".join(n for n in names if n) or None
    if isinstance(value, dict):
        return _str(value.get("name"))
    return _str(value)


def _time_date(tree: Any) -> str | None:
    """The first `<time>` that is not inside a footer: its `datetime`, else its text."""
    for el in tree.iter("time"):
        if el.xpath("ancestor::footer") or any("footer" in (a.get("class") or "") + (a.get("id") or "")
                                               for a in el.iterancestors()):
            continue
        day = parse_date(el.get("datetime")) or parse_date(el.text_content())
        if day:
            return day
    return None


def _text(tree: Any, xpath: str) -> str | None:
    found = tree.xpath(xpath)
    return " ".join(found[0].text_content().split()) or None if found else None


def _attr(tree: Any, xpath: str) -> str | None:
    found = tree.xpath(xpath)
    return str(found[0]).strip() or None if found else None


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)


@reader(".html", ".htm", ".xhtml")
def read_page(stream: BinaryIO, name: str, opts: ReadOptions) -> Iterator[Article]:
    """An HTML file as one article; its own date, title and canonical URL come with it."""
    yield page_article(stream.read(opts.max_bytes + 1), name, max_bytes=opts.max_bytes)


def page_article(data: bytes, name: str, *, max_bytes: int = MAX_BYTES, url: str | None = None) -> Article:
    """One page's bytes as an Article, or an error record that says why not."""
    try:
        page = parse_page(decode(data, max_bytes=max_bytes), base_url=url)
    except InputError as exc:
        return Article.failed(name, exc.code, str(exc), url=url)
    except ImportError:  # a light install: say what to add, and go on with the other inputs
        return Article.failed(name, "E113", "reading HTML needs the html extra: pip install 'marsad[html]'", url=url)
    meta = {"author": page.author} if page.author else {}
    return checked(Article(id=name, text=page.text, published=page.published, title=page.title,
                           source=page.source, url=page.url or url, meta=meta))
