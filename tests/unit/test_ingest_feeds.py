"""Feeds: one article per entry with link, title and date (Arabic dates too); broken feeds say so."""

from pathlib import Path

import pytest

from marsad.ingest import read_inputs
from marsad.ingest.dates import parse_date
from marsad.ingest.feeds import feed_articles, fragment_text

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
BODY = "اندلعت اشتباكات بين قوات الأمن ومسلحين مجهولين عند مدخل المدينة الجنوبي واستمرت ساعتين قبل أن تتوقف."


def atom(*entries: str) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>وكالة الأنباء</title>" + "".join(entries) + "</feed>").encode()


def entry(n: int, date: str = "2022-02-03T10:00:00Z", body: str = BODY) -> str:
    return (f"<entry><id>urn:x:{n}</id><title>خبر {n}</title><link href='https://x.example/{n}'/>"
            f"<updated>{date}</updated><content type='html'>&lt;p&gt;{body}&lt;/p&gt;</content></entry>")


def test_the_rss_fixture_gives_one_article_per_entry():
    arts = list(read_inputs([str(FIX / "feed.rss")]))
    assert [a.url for a in arts] == ["https://news.example.org/syria/2023/03/14/drone-strike",
                                     "https://news.example.org/culture/2023/03/13/book-fair"]
    assert [a.published for a in arts] == ["2023-03-14", "2023-03-13"]  # an Arabic date, then RFC 822
    assert arts[0].source == "شبكة المرصد الإخبارية"
    assert "أعجبك" not in (arts[0].text or "")  # the entry's newsletter line is chrome
    assert arts[0].text == (FIX / "article.txt").read_text(encoding="utf-8").strip()


def test_atom_entries_and_dates():
    arts = list(feed_articles(atom(entry(1), entry(2, "الثلاثاء 5 يناير 2022")), "a.atom"))
    assert [(a.id, a.published, a.text) for a in arts] == [("urn:x:1", "2022-02-03", BODY),
                                                          ("urn:x:2", "2022-01-05", BODY)]


@pytest.mark.parametrize(("value", "day"), [
    ("الثلاثاء 5 يناير 2022", "2022-01-05"),
    ("الأربعاء ١٢ تشرين الأول ٢٠٢٢ - ١٠:٣٠", "2022-10-12"),
    ("3 جويلية 2021", "2021-07-03"),
    ("Tue, 05 Jan 2022 10:00:00 +0300", "2022-01-05"),
    ("2022", None),
    ("© 2022 جميع الحقوق محفوظة", None),
    ("31 فبراير 2022", None),
])
def test_dates_in_arabic_and_in_english(value, day):
    assert parse_date(value) == day


@pytest.mark.parametrize(("data", "word"), [
    (b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</tit', "malformed feed"),
    (b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', "no entries"),
    (b"<?xml version='1.0'?><catalog><book>1</book></catalog>", "not a feed"),
    (b"", "empty"),
])
def test_broken_feeds_are_one_error_record(data, word):
    (art,) = feed_articles(data, "f.xml")
    assert not art.ok and word in (art.error or "")


def test_a_feed_cut_half_way_keeps_the_entries_before_the_cut_and_says_so():
    data = atom(entry(1), entry(2))[:-40]
    arts = list(feed_articles(data, "cut.atom"))
    assert [a.id for a in arts if a.ok] == ["urn:x:1"]  # the second entry lost its text in the cut
    assert [a.id for a in arts if not a.ok] == ["urn:x:2", "cut.atom"]
    assert "malformed feed" in (arts[-1].error or "") and "read 2 entries" in (arts[-1].error or "")


def test_entries_in_other_languages_are_error_records_not_events():
    arts = list(feed_articles(atom(entry(1), entry(2, body="Clashes broke out at the southern gate of the city.")), "a"))
    assert arts[0].ok and not arts[1].ok and "English" in (arts[1].error or "")


def test_fragment_text_keeps_paragraphs():
    assert fragment_text("<div><p>سطر</p>نص<br>آخر<ul><li>بند</li></ul></div>") == "سطر\nنص\nآخر\nبند"
