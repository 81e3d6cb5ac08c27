"""Calendar arithmetic for the date resolver: years of a month named without one, weekdays
before a day, months before or after, and Hijri dates.

Hijri dates use the Umm al-Qura calendar (the `hijridate` package: Saudi and Gulf outlets print
it, and its tables cover 1343-1500 AH, i.e. 1924-2077); outside that range the tabular
(arithmetic) calendar stands in, which falls within a day or two of it.

>>> import datetime as dt
>>> last_weekday(dt.date(2022, 1, 6), 1)          # the Tuesday on or before Thursday 6 Jan
datetime.date(2022, 1, 4)
>>> hijri_to_gregorian(1443, 9, 1)
datetime.date(2022, 4, 2)
"""

from __future__ import annotations

import calendar
import datetime as dt

from hijridate import Hijri

# Julian day number of 1 Muharram 1 AH in the astronomical (Thursday) epoch, which falls nearer to Umm al-Qura; ordinal = JDN - 1721425.
_HIJRI_EPOCH_JDN = 1948439
_JDN_TO_ORDINAL = 1721425
# A date this far after publication is taken to be last year's when the text names no year.
FUTURE_SLACK_DAYS = 31


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day of a Hijri date (Umm al-Qura), None when the date is impossible.

    >>> hijri_to_gregorian(1445, 7, 17), hijri_to_gregorian(1200, 1, 1)
    (datetime.date(2024, 1, 29), datetime.date(1785, 11, 3))
    """
    if not (1 <= month <= 12 and 1 <= day <= 30 and year > 0):
        return None
    try:
        g = Hijri(year, month, day).to_gregorian()
        return dt.date(g.year, g.month, g.day)
    except (ValueError, OverflowError):  # out of the table's range, or a 30th in a 29-day month
        if day == 30 or not 1343 <= year <= 1500:
            return tabular_hijri_to_gregorian(year, month, day)
        return None


def tabular_hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """The Gregorian day of a Hijri date in the tabular (arithmetic) calendar.

    >>> tabular_hijri_to_gregorian(1443, 5, 15)
    datetime.date(2021, 12, 19)
    """
    jdn = (day + -(-(295 * (month - 1)) // 10) + (year - 1) * 354 + (3 + 11 * year) // 30
           + _HIJRI_EPOCH_JDN - 1)
    return dt.date.fromordinal(jdn - _JDN_TO_ORDINAL)


def gregorian_to_hijri_year(day: dt.date) -> int:
    """The Hijri year a Gregorian day falls in (tabular calendar).

    >>> gregorian_to_hijri_year(dt.date(2022, 1, 6))
    1443
    """
    year = int((day.year - 622) * 33 / 32)
    while hijri_to_gregorian(year + 1, 1, 1) <= day:  # type: ignore[operator]
        year += 1
    while hijri_to_gregorian(year, 1, 1) > day:  # type: ignore[operator]
        year -= 1
    return year


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when it does not exist (31 June, 30 February)."""
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1 <= year <= 9999):
        return None
    if day > calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def last_weekday(anchor: dt.date, weekday: int, *, strict: bool = False) -> dt.date:
    """The most recent `weekday` (Monday 0) on or before `anchor` (before it when `strict`).

    >>> last_weekday(dt.date(2022, 1, 4), 1), last_weekday(dt.date(2022, 1, 4), 1, strict=True)
    (datetime.date(2022, 1, 4), datetime.date(2021, 12, 28))
    """
    back = (anchor.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def next_weekday(anchor: dt.date, weekday: int) -> dt.date:
    """The first `weekday` after `anchor`."""
    ahead = (weekday - anchor.weekday()) % 7 or 7
    return anchor + dt.timedelta(days=ahead)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """`(year, month)` moved by `delta` months.

    >>> add_months(2022, 1, -1)
    (2021, 12)
    """
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def infer_year(published: dt.date, month: int, day: int, tense: str | None) -> int:
    """The year of a day-and-month named without a year, from the publication date.

    `tense` is "past" (تموز الماضي: the last such month before this one), "future" (the next
    one after this month), "current" (this year), or None: this year unless that would put the
    day more than a month after publication, then last year (news mostly tells what happened).

    >>> pub = dt.date(2022, 1, 6)
    >>> infer_year(pub, 7, 15, "past"), infer_year(pub, 12, 28, None), infer_year(pub, 1, 3, None)
    (2021, 2021, 2022)
    """
    y = published.year
    if tense == "past":
        return y if month < published.month else y - 1
    if tense == "future":
        return y if month > published.month else y + 1
    if tense == "current":
        return y
    candidate = make_date(y, month, min(day, calendar.monthrange(y, month)[1]))
    if candidate and (candidate - published).days > FUTURE_SLACK_DAYS:
        return y - 1
    return y
