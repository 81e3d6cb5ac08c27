"""`marsad watch`: feeds served on 127.0.0.1 by the test; each entry once; backoff on errors."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from typer.testing import CliRunner

from marsad.cli import app
from marsad.ingest.watch import Watcher

BODY = "قصفت المدفعية مواقع على أطراف البلدة الشمالية مساء الخميس دون أن ترد أنباء عن إصابات بين السكان."


def rss(*ns: int) -> bytes:
    items = "".join(f"<item><title>خبر {n}</title><link>http://example.org/{n}</link><guid>g{n}</guid>"
                    f"<pubDate>Thu, 0{n} Jun 2023 10:00:00 GMT</pubDate>"
                    f"<description>{BODY} ({n})</description></item>" for n in ns)
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>ق</title>{items}</channel></rss>'.encode()


class Site:
    """What the server serves: path -> (status, body); it counts requests and honours ETags."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, bytes]] = {}
        self.hits: dict[str, int] = {}
        self.not_modified = 0


@contextmanager
def serve(site: Site) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            site.hits[self.path] = site.hits.get(self.path, 0) + 1
            status, body = site.pages.get(self.path, (404, b"not here"))
            etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
            if status == 200 and self.headers.get("If-None-Match") == etag:
                site.not_modified += 1
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(status)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def lines(path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()] if path.exists() else []


def test_watch_once_extracts_each_entry_once_across_runs(tmp_path):
    site = Site()
    site.pages["/a.xml"] = (200, rss(1, 2))
    out, state = tmp_path / "out.jsonl", tmp_path / "seen.json"
    runner = CliRunner()
    with serve(site) as base:
        args = ["watch", f"{base}/a.xml", "--once", "-o", str(out), "--state", str(state), "--timeout", "5"]
        assert runner.invoke(app, args).exit_code == 0
        assert [r["id"] for r in lines(out)] == ["g1", "g2"]
        assert runner.invoke(app, args).exit_code == 0  # unchanged: a 304, nothing new
        assert len(lines(out)) == 2 and site.not_modified == 1
        site.pages["/a.xml"] = (200, rss(1, 2, 3))
        assert runner.invoke(app, args).exit_code == 0
    assert [r["id"] for r in lines(out)] == ["g1", "g2", "g3"]
    assert all("error" not in r for r in lines(out))


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_failing_feeds_back_off_exponentially_capped_and_recover():
    site, clock, got = Site(), Clock(), []
    site.pages["/bad.xml"] = (500, b"oops")
    site.pages["/good.xml"] = (200, rss(1))
    with serve(site) as base:
        w = Watcher([f"{base}/bad.xml", f"{base}/good.xml"], got.extend, interval=10, max_backoff=35,
                    timeout=5, clock=clock)
        waits = []
        for _ in range(4):
            report = w.poll()
            assert report.failed == 1 and "HTTP 500" in report.errors[0]
            waits.append(w.feeds[f"{base}/bad.xml"].next_at - clock.now)
            clock.now += 1  # not due yet: no request
            assert w.poll().failed == 0
            clock.now = w.feeds[f"{base}/bad.xml"].next_at
        assert waits == [20, 35, 35, 35]  # 10 * 2**n, capped
        assert site.hits["/bad.xml"] == 4
        site.pages["/bad.xml"] = (200, rss(7))
        report = w.poll()
        assert report.failed == 0 and w.feeds[f"{base}/bad.xml"].failures == 0
    assert sorted(a.id for a in got) == ["g1", "g7"]


def test_a_malformed_feed_is_a_failure_and_a_sink_error_leaves_entries_unseen():
    site, calls = Site(), []
    site.pages["/x.xml"] = (200, b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</tit')
    site.pages["/y.xml"] = (200, rss(1, 2))

    def flaky(arts):
        calls.append([a.id for a in arts])
        if len(calls) == 1:
            raise OSError("disk full")

    with serve(site) as base:
        w = Watcher([f"{base}/x.xml"], flaky, timeout=5)
        report = w.poll()
        assert report.failed == 1 and "malformed feed" in report.errors[0]
        w = Watcher([f"{base}/y.xml"], flaky, timeout=5, interval=0)
        report = w.poll()
        assert report.failed == 1 and "disk full" in report.errors[0] and report.new == 0
        report = w.poll()  # the same feed: no 304, since the failed poll did not keep its ETag
        assert report.new == 2 and report.failed == 0
    assert calls == [["g1", "g2"], ["g1", "g2"]]


def test_run_is_bounded_and_sleeps_until_the_next_feed_is_due():
    site, slept = Site(), []
    site.pages["/a.xml"] = (200, rss(1))
    with serve(site) as base:
        w = Watcher([f"{base}/a.xml"], lambda arts: None, interval=60, timeout=5)
        w.run(cycles=3, sleep=slept.append)
    assert len(slept) == 2 and all(55 < s <= 60 for s in slept)


def test_watch_into_the_store(tmp_path):
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from marsad.commands.watch import store_sink
    from marsad.store import models, open_engine

    site = Site()
    site.pages["/a.xml"] = (200, rss(1, 2))
    db = f"sqlite:///{tmp_path / 'm.db'}"
    with serve(site) as base:
        w = Watcher([f"{base}/a.xml"], store_sink(db), timeout=5, interval=0)
        assert w.poll().new == 2
        assert w.poll().new == 0
    engine = open_engine(db)
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(models.Article)) == 2
    engine.dispose()


def test_extract_reads_a_feed_and_a_page_given_by_url():
    from marsad.ingest import read_inputs

    site = Site()
    site.pages["/a.xml"] = (200, rss(1, 2))
    page = (f"<html><head><meta property='article:published_time' content='2023-06-09'></head><body>"
            f"<article><p>{BODY}</p></article></body></html>").encode()
    site.pages["/p.html"] = (200, page)
    with serve(site) as base:
        arts = list(read_inputs([f"{base}/a.xml", f"{base}/p.html", f"{base}/missing.xml"]))
    assert [(a.id, a.ok) for a in arts] == [("g1", True), ("g2", True), (f"{base}/p.html", True),
                                            (f"{base}/missing.xml", False)]
    assert arts[2].published == "2023-06-09" and arts[2].text == BODY
    assert "HTTP 404" in (arts[3].error or "")


def test_entries_before_a_cut_are_kept_and_the_feed_still_backs_off():
    site, got = Site(), []
    site.pages["/cut.xml"] = (200, rss(1, 2)[:-30])
    with serve(site) as base:
        w = Watcher([f"{base}/cut.xml"], got.extend, timeout=5, interval=10)
        report = w.poll()
    assert [a.id for a in got if a.ok][:1] == ["g1"]
    assert report.failed == 1 and "malformed feed" in report.errors[0]
    assert w.feeds[f"{base}/cut.xml"].failures == 1
