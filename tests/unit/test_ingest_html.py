"""HTML pages: main text without chrome, and metadata from structure only (never a footer's year)."""

import contextlib
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.ingest import read_inputs
from marsad.ingest.boilerplate import boilerplate_kind, strip_boilerplate
from marsad.ingest.html import parse_page

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
ARTICLE = (FIX / "article.txt").read_text(encoding="utf-8").strip()
PARA = ("قال مصدر أمني إن قذيفة هاون سقطت على حي سكني في أطراف المدينة مساء أمس، ما أدى إلى "
        "إصابة طفلين بجروح طفيفة وإلحاق أضرار مادية بعدد من المنازل والسيارات المتوقفة في الشارع.")


def page(head: str = "", body: str = "", footer: str = "<footer><p>© 2019 الموقع. جميع الحقوق محفوظة</p></footer>") -> str:
    return (f"<html><head><meta charset='utf-8'><title>خبر</title>{head}</head><body>"
            f"<article><p>{PARA}</p><p>{PARA}</p>{body}</article>{footer}</body></html>")


def test_the_fixture_page_reads_back_to_the_article_and_its_metadata():
    p = parse_page((FIX / "page_news.html").read_text(encoding="utf-8"))
    assert p.text == ARTICLE
    assert p.title == "مقتل ثلاثة عناصر بقصف مسيرة في ريف دير الزور"
    assert p.author == "أحمد الخطيب"
    assert p.published == "2023-03-14"
    assert p.url == "https://news.example.org/syria/2023/03/14/drone-strike"
    assert p.source == "شبكة المرصد الإخبارية"


@pytest.mark.parametrize(("head", "body", "day"), [
    ('<meta property="article:published_time" content="2022-01-05T09:00:00Z">', "", "2022-01-05"),
    ('<meta name="pubdate" content="2021-12-30">', "", "2021-12-30"),
    ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
     '"datePublished": "2020-07-01T10:00:00+03:00"}]}</script>', "", "2020-07-01"),
    ("", '<time datetime="2019-03-04T08:00">الاثنين</time>', "2019-03-04"),
    ("", "<time>الثلاثاء 5 يناير 2022</time>", "2022-01-05"),
    ("", "", None),  # only the footer's © 2019: no date at all
])
def test_dates_come_from_structure_and_never_from_the_copyright(head, body, day):
    assert parse_page(page(head, body)).published == day


def test_a_time_in_the_footer_is_not_the_publication_date():
    footer = '<footer><time datetime="2018-01-01">2018</time> © 2018</footer>'
    assert parse_page(page(footer=footer)).published is None


def test_canonical_url_and_json_ld_author():
    head = ('<link rel="canonical" href="https://example.org/a/1">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": [{"name": "سارة"}, '
            '{"name": "علي"}]}</script>')
    p = parse_page(page(head))
    assert p.url == "https://example.org/a/1" and p.author == "سارة, علي"


def test_the_pages_date_wins_over_the_command_line(tmp_path):
    f = tmp_path / "p.html"
    f.write_text(page('<meta property="article:published_time" content="2022-01-05">'), encoding="utf-8")
    (art,) = read_inputs([str(f)])
    assert art.ok and art.published == "2022-01-05"


def test_windows_1256_pages_are_read(tmp_path):
    f = tmp_path / "p.htm"
    f.write_bytes(page().replace("utf-8", "windows-1256").encode("cp1256"))
    (art,) = read_inputs([str(f)])
    assert art.ok and PARA in (art.text or "")


@pytest.mark.parametrize(("html", "word"), [
    ("<html><head><title>خبر</title></head><body><nav><a>الرئيسية</a>", "truncated"),
    ("<html><body><ul><li>سياسة</li><li>اقتصاد</li></ul></body></html>", "no article text"),
    ("   ", "HTML"),
])
def test_pages_without_an_article_are_refused(html, word):
    with pytest.raises(InputError) as exc:
        parse_page(html)
    assert exc.value.code == "E108" and word in str(exc.value)


def test_boilerplate_lines_and_sections():
    assert boilerplate_kind("هل أعجبك المحتوى؟ شاركه مع أصدقائك") == "line"
    assert boilerplate_kind("• الأكثر قراءة") == "section"
    assert boilerplate_kind("الرئيسية | سياسة | اقتصاد | رياضة") == "line"
    assert boilerplate_kind(PARA) is None
    # a phrase inside a long paragraph of the article is the article's own words
    assert boilerplate_kind("اقرأ أيضا " + PARA) is None
    text = f"{PARA}\nاقرأ أيضا\nعنوان خبر آخر عن الطقس\nعنوان ثالث\n{PARA}\nهل أعجبك المحتوى؟"
    assert strip_boilerplate(text) == f"{PARA}\n{PARA}"


def test_hostile_html_is_bounded():
    import time

    t = time.perf_counter()
    for bad in ("<div>" * 20000, "<p>" + "قصف " * 50000 + "</p>", "<" * 100000, "<a href='" + "x" * 100000):
        with contextlib.suppress(InputError):
            parse_page(bad)
    assert time.perf_counter() - t < 20
