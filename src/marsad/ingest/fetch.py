"""Fetch a URL the user gave (a feed or a page): bounded in time and size, conditional on ETag.

Nothing in marsad downloads anything on its own; this runs only for URLs on the command line.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

from marsad.errors import InputError

USER_AGENT = "marsad (+https://github.com/marsad) feed reader"


@dataclass(slots=True)
class Fetched:
    data: bytes
    status: int
    etag: str | None = None
    modified: str | None = None
    content_type: str = ""


def is_url(item: str) -> bool:
    """`http://` or `https://`.

    >>> is_url("https://example.org/feed.xml"), is_url("feed.xml")
    (True, False)
    """
    return item.lower().startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float = 20.0, max_bytes: int = 50_000_000, etag: str | None = None,
          modified: str | None = None) -> Fetched:
    """The body of `url` (status 304 and no body when ETag/Last-Modified say it has not changed);
    InputError E111 on any network or HTTP failure. Example: `fetch("http://127.0.0.1:8000/f.xml")`."""
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    if etag:
        req.add_header("If-None-Match", etag)
    if modified:
        req.add_header("If-Modified-Since", modified)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (the user's own URL)
            data = resp.read(max_bytes + 1)
            headers, status = resp.headers, resp.status
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Fetched(b"", 304, etag, modified)
        raise InputError("E111", f"cannot fetch {url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InputError("E111", f"cannot fetch {url}: {reason}") from None
    if len(data) > max_bytes:
        raise InputError("E103", f"too large: {url} is over {max_bytes:,} bytes")
    return Fetched(data, status, headers.get("ETag"), headers.get("Last-Modified"),
                   headers.get("Content-Type", ""))
