"""1,000 corpus articles rendered as HTML pages in three layouts (our own chrome, full of attack
headlines of its own) read back to their own paragraphs and give the same events as the plain text.

The corpus is read from ../shared at test time; nothing of it is copied into the repository.
"""

from __future__ import annotations

import html as html_lib
import itertools
import json
import unicodedata
from collections import Counter

import pytest

from marsad.document import Document
from marsad.ingest.boilerplate import strip_boilerplate
from marsad.ingest.html import parse_page

N = 1000
# Chrome we wrote: menus, tickers and link lists whose headlines are attacks, so a leak shows as events.
MENU = ["الرئيسية", "سياسة", "اقتصاد", "رياضة", "ثقافة", "منوعات", "اتصل بنا"]
HEADLINES = [
    "مقتل خمسة مدنيين بقصف مدفعي على قرية في الريف الشمالي",
    "انفجار عبوة ناسفة بدورية عسكرية يوقع ثلاثة جرحى",
    "غارات جوية تستهدف مواقع للمسلحين قرب الحدود",
    "اشتباكات عنيفة بين فصيلين مسلحين تخلف سبعة قتلى",
    "سقوط صاروخين على محيط قاعدة عسكرية دون إصابات",
]
NEWSLETTER = "هل أعجبك المحتوى؟ اشترك في نشرتنا البريدية ليصلك كل جديد"
COPYRIGHT = "© 2016 جميع الحقوق محفوظة لشبكة الأنباء"


def esc(s: str) -> str:
    return html_lib.escape(s, quote=True)


def links(items: list[str]) -> str:
    return "".join(f'<li><a href="/n/{i}">{esc(h)}</a></li>' for i, h in enumerate(items))


def portal(title: str, paras: list[str], day: str) -> str:
    body = "".join(f"<p>{esc(p)}</p>" for p in paras)
    return (f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{esc(title)} | الشبكة</title>'
            f'<meta property="article:published_time" content="{day}T08:00:00+03:00"></head><body>'
            f'<header><nav class="menu"><ul>{links(MENU)}</ul></nav>'
            f'<div class="ticker">عاجل: {esc(HEADLINES[0])}</div></header>'
            f'<main><article><h1>{esc(title)}</h1><div class="share"><a href="#">فيسبوك</a> <a href="#">تويتر</a></div>'
            f'<div class="entry-content">{body}</div>'
            f'<div class="related"><h3>اقرأ أيضا</h3><ul>{links(HEADLINES[1:3])}</ul></div></article>'
            f'<aside class="sidebar"><h3>الأكثر قراءة</h3><ol>{links(HEADLINES[2:])}</ol></aside></main>'
            f'<footer><div class="newsletter"><p>{NEWSLETTER}</p></div><p>{COPYRIGHT}</p></footer></body></html>')


def blog(title: str, paras: list[str], day: str) -> str:
    body = "<br><br>".join(esc(p) for p in paras)
    ld = json.dumps({"@type": "NewsArticle", "headline": title, "datePublished": day}, ensure_ascii=False)
    return (f'<html><head><meta charset="utf-8"><title>{esc(title)}</title>'
            f'<script type="application/ld+json">{ld}</script></head><body>'
            f'<div id="top-menu">{" | ".join(MENU)}</div>'
            f'<div id="wrapper"><div class="widget popular"><h4>الأكثر مشاهدة</h4><ul>{links(HEADLINES)}</ul></div>'
            f'<div class="post"><h2 class="post-title">{esc(title)}</h2><div class="post-body">{body}</div>'
            f'<div class="post-share">شارك هذا الخبر</div><div class="tags">الوسوم: أخبار، تقارير</div>'
            f'<div id="comments"><h4>أضف تعليقك</h4><form><textarea></textarea></form></div></div></div>'
            f'<div id="footer"><p>{NEWSLETTER}</p><p>تابعونا على فيسبوك وتويتر</p><p>{COPYRIGHT}</p></div>'
            f'</body></html>')


def sections(title: str, paras: list[str], day: str) -> str:
    body = "".join(f'<div class="para">{esc(p)}</div>' for p in paras)
    return (f'<!doctype html><html><head><meta charset="utf-8"><meta property="og:title" content="{esc(title)}">'
            f'</head><body><nav><a href="/">الرئيسية</a> <a href="/world">العالم</a></nav>'
            f'<section class="story"><h1>{esc(title)}</h1><time datetime="{day}">{day}</time>{body}</section>'
            f'<section class="more"><h2>أخبار ذات صلة</h2><ul>{links(HEADLINES[::-1])}</ul></section>'
            f'<footer><p>{NEWSLETTER}</p><p>{COPYRIGHT}</p></footer></body></html>')


LAYOUTS = [portal, blog, sections]


def paragraphs(text: str) -> list[str]:
    """Lines as trafilatura gives them back: NFC, without invisible format marks (ZWNJ, LRM)."""
    text = unicodedata.normalize("NFC", text)
    return [" ".join("".join(c for c in p if unicodedata.category(c) != "Cf").split())
            for p in text.split("\n") if p.strip()]


def events_of(pipeline, text: str) -> Counter:
    doc = pipeline(Document.from_text(text, id="x"))
    return Counter((e.event_type, e.sub_event_type, e.weapon, e.fatalities) for e in doc.events)


@pytest.mark.shared
def test_a_thousand_corpus_articles_as_pages_read_back_to_their_paragraphs_and_events(shared, pipeline):
    path = shared / "data" / "corpus" / "ant-multisource-2018.jsonl"
    if not path.exists():
        pytest.skip("the corpus is not there")
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in itertools.islice(fh, N)]
    lost, events_differ, with_events, dated, chrome_in_text = [], [], 0, 0, 0
    for n, row in enumerate(rows):
        paras = paragraphs(row["text"])
        page = parse_page(LAYOUTS[n % len(LAYOUTS)](row.get("title") or "", paras, row["published"]))
        dated += page.published == row["published"]
        # a line of the article that is itself chrome (a magazine's copyright line) is dropped by design
        expected = paragraphs(strip_boilerplate("\n".join(paras)))
        chrome_in_text += expected != paras
        if paragraphs(page.text) != expected:
            lost.append(row["id"])
            continue
        plain = events_of(pipeline, row["text"])
        with_events += bool(plain)
        if events_of(pipeline, page.text) != plain:
            events_differ.append(row["id"])
    assert len(rows) == N
    assert dated == N  # every layout's own date, never the footer's year
    assert chrome_in_text <= N // 50  # the chrome filter rarely touches article text
    assert len(lost) <= N // 100, f"{len(lost)} pages lost or gained paragraphs: {lost[:10]}"
    assert not events_differ, events_differ[:10]
    assert with_events >= 50  # the comparison covers articles that have events
