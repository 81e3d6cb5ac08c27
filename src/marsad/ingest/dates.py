"""Publication dates as pages and feeds write them, to `YYYY-MM-DD`.

ISO 8601 (`2022-01-05T10:00:00+03:00`), RFC 822 (`Wed, 05 Jan 2022 10:00:00 GMT`), and dates
written in Arabic (`الثلاثاء 5 يناير 2022`, `٥ كانون الثاني ٢٠٢٢`, `05 جانفي 2022`), with month
names from `resources/ingest/months.tsv`. Only a full day is a date: a bare year (a copyright
line) never is.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools

import regex

from marsad.resources import load
from marsad.text.normalize import fold

_ISO = regex.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_NUMERIC = regex.compile(r"\b([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})\b")  # day first, as Arabic sites write
_DAY = regex.compile(r"[0-9]{1,2}")
_YEAR = regex.compile(r"[0-9]{4}")


@functools.cache
def _months() -> tuple[tuple[str, int], ...]:
    rows = [(r["surface"], int(r["month"])) for r in load("ingest", "months")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))  # longest first: كانون الثاني before كانون


def parse_date(value: str | None) -> str | None:
    """`YYYY-MM-DD` for a written date, or None when it is not a full, valid day.

    >>> parse_date("الثلاثاء 5 يناير 2022")
    '2022-01-05'
    >>> parse_date("Wed, 05 Jan 2022 10:00:00 GMT")
    '2022-01-05'
    >>> parse_date("© 2021 جميع الحقوق محفوظة") is None
    True
    """
    if not value or not value.strip():
        return None
    text = fold(value.strip()[:200])
    for parse in (_iso, _rfc822, _arabic, _numeric):
        day = parse(text)
        if day is not None:
            return day.isoformat()
    return None


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        day = dt.date(y, m, d)
    except ValueError:
        return None
    return day if 1900 <= y <= 2100 else None


def _iso(text: str) -> dt.date | None:
    m = _ISO.search(text)
    return _valid(int(m[1]), int(m[2]), int(m[3])) if m else None


def _rfc822(text: str) -> dt.date | None:
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return _valid(parsed.year, parsed.month, parsed.day) if parsed else None


def _arabic(text: str) -> dt.date | None:
    """`5 يناير 2022`: a day, then an Arabic month name, then a year (folded text)."""
    words = f" {text} "
    for name, month in _months():
        at = words.find(f" {name} ")
        if at < 0:
            continue
        before = words[:at].split()[-1:]
        after = words[at + len(name) + 2:].split()[:2]
        days = [w for w in before if _DAY.fullmatch(w)]
        years = [w for w in after if _YEAR.fullmatch(w)]
        if days and years:
            return _valid(int(years[0]), month, int(days[0]))
    return None


def _numeric(text: str) -> dt.date | None:
    m = _NUMERIC.search(text)
    return _valid(int(m[3]), int(m[2]), int(m[1])) if m else None
