"""The same article as UTF-8 text, Windows-1256, an HTML page with chrome, and an RSS entry gives the
same events, and nothing of the page's chrome reaches an event; a folder of bad files gives one
clear error record each while the good file beside them is read."""

import gzip
import json
import os
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli import app

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
ARTICLE = (FIX / "article.txt").read_text(encoding="utf-8")
runner = CliRunner()


def run(*args: str) -> list[dict]:
    result = runner.invoke(app, ["extract", *args])
    return [json.loads(x) for x in result.stdout.splitlines() if x.strip()]


def signature(rec: dict) -> list[tuple]:
    return sorted((e["event_type"], e["sub_event_type"], e["weapon"], e["fatalities"], e["injuries"],
                   tuple(sorted((x["role"], x["text"]) for x in e["evidence"]))) for e in rec["events"])


def test_text_cp1256_html_and_rss_give_the_same_events(tmp_path):
    (tmp_path / "a_utf8.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b_cp1256.txt").write_bytes(ARTICLE.encode("cp1256"))
    (tmp_path / "c_page.html").write_bytes((FIX / "page_news.html").read_bytes())
    (tmp_path / "d_feed.rss").write_bytes((FIX / "feed.rss").read_bytes())
    recs = run(str(tmp_path), "--no-dedup", "--published", "2023-03-14")
    by_id = {r["id"]: r for r in recs}
    plain = by_id["a_utf8.txt"]
    assert plain["events"], "the article must give events for the comparison to mean anything"
    feed_entry = by_id["https://news.example.org/?p=1001"]
    for rec in (by_id["b_cp1256.txt"], by_id["c_page.html"], feed_entry):
        assert "error" not in rec, rec
        assert signature(rec) == signature(plain), rec["id"]
    assert by_id["c_page.html"]["published"] == "2023-03-14"


def test_no_chrome_reaches_an_event():
    (page,) = run(str(FIX / "page_news.html"), "--no-dedup")
    # the chrome holds attacks of its own (breaking ticker, related links, most read): none may leak
    chrome = ["الباب", "إدلب", "درعا", "التيفور", "الرقة", "مفخخة", "سبعة", "عشرة", "أعجبك", "قراءة", "تابعونا"]
    texts = [x["text"] for e in page["events"] for x in e["evidence"]]
    assert texts
    assert not [t for t in texts if any(c in t for c in chrome)]
    for e in page["events"]:
        for x in e["evidence"]:
            assert ARTICLE.strip()[x["span"][0]:x["span"][1]] == x["text"]


def test_the_pages_own_date_wins_over_published_and_the_copyright_year_never_counts():
    (page,) = run(str(FIX / "page_news.html"), "--published", "2020-01-01")
    assert page["published"] == "2023-03-14"


def bad_files(folder: Path) -> None:
    (folder / "binary.bin").write_bytes(os.urandom(4096))
    (folder / "empty.txt").write_bytes(b"")
    with (folder / "huge.txt").open("wb") as fh:  # 20 MB, never committed
        fh.write(("قصف " * 1000).encode() * 2600)
    (folder / "mojibake.txt").write_bytes(ARTICLE.encode("utf-8").decode("latin-1").encode("utf-8"))
    (folder / "english.txt").write_text("Two soldiers were killed in an attack on the base, the army said "
                                        "on Tuesday, and the roads to the town were closed.", encoding="utf-8")
    (folder / "persian.txt").write_text("ارتش اعلام کرد که دو سرباز در این حمله کشته شدند و جاده ها بسته شد.",
                                        encoding="utf-8")
    html = (FIX / "page_news.html").read_text(encoding="utf-8")
    (folder / "truncated.html").write_text(html[: html.index("<main>")], encoding="utf-8")
    (folder / "malformed.rss").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</tit',
                                          encoding="utf-8")
    (folder / "corrupt.jsonl.gz").write_bytes(gzip.compress(b'{"id": "x", "text": "abc"}\n')[:20])


def test_a_folder_of_bad_files_gives_one_clear_error_each_and_the_good_file_is_read(tmp_path):
    bad_files(tmp_path)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    recs = [json.loads(x) for x in result.stdout.splitlines() if x.strip()]
    by_id = {r["id"]: r for r in recs}
    assert len(recs) == len(by_id) == 10
    expect = {"binary.bin": "binary", "empty.txt": "empty", "huge.txt": "too large", "mojibake.txt": "mojibake",
              "english.txt": "English", "persian.txt": "Persian", "truncated.html": "truncated",
              "malformed.rss": "malformed feed", "corrupt.jsonl.gz": "gzip"}
    for name, word in expect.items():
        assert word in by_id[name]["error"], by_id[name]
        assert by_id[name]["events"] == []
    assert "error" not in by_id["good.txt"] and by_id["good.txt"]["events"]
    assert result.exit_code == len(expect)
