"""Poll feeds on an interval; hand each new entry to a sink once; back off from feeds that fail.

An entry is known by its guid or link (by a hash of its text when it has neither); the keys seen
are kept in a state file with each feed's ETag and Last-Modified, so a restart re-processes
nothing and an unchanged feed costs a 304. A feed that fails waits `interval * 2**failures`
seconds, capped at `max_backoff`, before it is tried again; the others go on as scheduled.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.errors import InputError
from marsad.ingest.article import Article
from marsad.ingest.feeds import feed_articles
from marsad.ingest.fetch import Fetched, fetch

Sink = Callable[[list[Article]], None]


@dataclass(slots=True)
class FeedStatus:
    url: str
    etag: str | None = None
    modified: str | None = None
    failures: int = 0
    next_at: float = 0.0
    last_error: str | None = None


@dataclass(slots=True)
class PollReport:
    """What one poll did: feeds fetched and failed, entries new and already seen."""

    fetched: int = 0
    failed: int = 0
    new: int = 0
    seen: int = 0
    errors: list[str] = field(default_factory=list)


class Watcher:
    """Feeds, a sink and a state file; `poll()` once, or `run()` until stopped.

    >>> w = Watcher(["http://127.0.0.1:9/none.xml"], sink=lambda arts: None, timeout=0.5)
    >>> w.poll().failed
    1
    """

    def __init__(self, feeds: Sequence[str], sink: Sink, *, state: Path | None = None,
                 interval: float = 300.0, max_backoff: float = 3600.0, timeout: float = 20.0,
                 clock: Callable[[], float] = time.monotonic,
                 fetcher: Callable[..., Fetched] = fetch) -> None:
        self.sink, self.state_path, self.interval = sink, state, interval
        self.max_backoff, self.timeout, self.clock, self.fetcher = max_backoff, timeout, clock, fetcher
        self.feeds = {url: FeedStatus(url) for url in feeds}
        self.seen: set[str] = set()
        self._load()

    def poll(self) -> PollReport:
        """Fetch every feed that is due; pass its new entries to the sink; save the state."""
        report = PollReport()
        for status in self.feeds.values():
            if status.next_at <= self.clock():
                self._poll_feed(status, report)
        self._save()
        return report

    def run(self, *, cycles: int | None = None, sleep: Callable[[float], None] = time.sleep,
            on_report: Callable[[PollReport], None] | None = None) -> None:
        """Poll, then sleep until the next feed is due; `cycles` bounds the loop (None: forever)."""
        n = 0
        while self.feeds and (cycles is None or n < cycles):
            report = self.poll()
            if on_report:
                on_report(report)
            n += 1
            if cycles is not None and n >= cycles:
                return
            due = min(s.next_at for s in self.feeds.values())
            sleep(max(0.0, due - self.clock()))

    def backoff(self, failures: int) -> float:
        """Seconds to wait after `failures` failures in a row: exponential, capped.

        >>> Watcher([], sink=print, interval=10, max_backoff=60).backoff(3)
        60
        """
        return min(self.interval * 2 ** failures, self.max_backoff) if failures else self.interval

    def _poll_feed(self, status: FeedStatus, report: PollReport) -> None:
        try:
            got = self.fetcher(status.url, timeout=self.timeout, etag=status.etag, modified=status.modified)
        except InputError as exc:
            self._failed(status, report, str(exc))
            return
        articles = [] if got.status == 304 else list(feed_articles(got.data, status.url))
        broken = [a for a in articles if not a.ok and a.id == status.url]  # the feed itself, not an entry
        entries = [a for a in articles if a not in broken]
        fresh = [a for a in entries if entry_key(a) not in self.seen]
        if fresh:
            try:
                self.sink(fresh)
            except Exception as exc:  # the store is down or the disk full: the entries stay unseen,
                # the ETag stays old, and the feed backs off like one that failed to load
                self._failed(status, report, f"cannot store its entries: {type(exc).__name__}: {exc}")
                return
            self.seen.update(entry_key(a) for a in fresh)
        report.new += len(fresh)
        report.seen += len(entries) - len(fresh)
        if broken:  # the entries before a cut are kept; the feed itself still counts as failing
            self._failed(status, report, broken[0].error or "malformed feed")
            return
        report.fetched += 1
        status.failures, status.last_error = 0, None
        status.next_at = self.clock() + self.interval
        status.etag, status.modified = got.etag or status.etag, got.modified or status.modified

    def _failed(self, status: FeedStatus, report: PollReport, why: str) -> None:
        status.failures += 1
        status.last_error = why
        status.next_at = self.clock() + self.backoff(status.failures)
        report.failed += 1
        report.errors.append(f"{status.url}: {why}")

    def _load(self) -> None:
        if not self.state_path or not self.state_path.exists():
            return
        data = json.loads(self.state_path.read_text(encoding="utf-8"))
        self.seen = set(data.get("seen", []))
        for url, st in data.get("feeds", {}).items():
            if url in self.feeds:
                self.feeds[url].etag, self.feeds[url].modified = st.get("etag"), st.get("modified")

    def _save(self) -> None:
        if not self.state_path:
            return
        data = {"seen": sorted(self.seen),
                "feeds": {u: {"etag": s.etag, "modified": s.modified} for u, s in self.feeds.items()}}
        tmp = self.state_path.with_name(self.state_path.name + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.state_path)  # atomic: a crash never leaves half a state file


def entry_key(article: Article) -> str:
    """The identity of a feed entry: its guid or link, else a hash of its text (set by the feed
    reader in `meta["entry_key"]`); the article id otherwise."""
    return str(article.meta.get("entry_key") or article.id)
