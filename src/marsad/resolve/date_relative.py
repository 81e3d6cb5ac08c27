"""Interpreters of expressions relative to publication: periods (الأسبوع الماضي), spans
(خلال الـ48 ساعة), lengths of time back (قبل ثلاثة أيام، منذ أسبوع), day words (أمس) and weekdays.

>>> import datetime as dt
>>> from marsad.resolve.date_atoms import atoms
>>> from marsad.text.normalize import fold
>>> text = fold("قبل ثلاثة أيام")
>>> ago(atoms(text), dt.date(2022, 1, 6), text).value
'2022-01-03'
"""

from __future__ import annotations

import datetime as dt

import regex

from marsad.resolve import date_calendar as cal
from marsad.resolve.date_atoms import Atom
from marsad.resolve.date_reading import Reading, finish, first, plural, tense_of


def period(group: list[Atom], pub: dt.date | None, text: str) -> Reading | None:
    unit = first(group, "dwoh")
    assert unit is not None
    tense = tense_of(group) or "current"
    if unit.sym in "dwo" and not unit.article and first(group, "c") is None:
        return None  # الأسبوع الماضي, not أسبوع ماض (which is a duration)
    if unit.sym in "wo" and plural(unit):
        return None  # الأشهر الماضية: a span of months, no date
    if pub is None:
        return finish(group, "range", None, 2, pub, unit=unit.value)
    phase = first(group, "Q")
    sign = {"past": -1, "future": 1}.get(tense, 0)
    if unit.sym == "o":
        y, m = cal.add_months(pub.year, pub.month, sign)
        d = phase.value if phase is not None else 15
        return finish(group, "range", dt.date(y, m, min(d, 28)), 2 if phase is not None else 3, pub,
                       unit="month")
    if unit.sym == "w":
        return finish(group, "range", pub + dt.timedelta(days=7 * sign), 2, pub, unit="week")
    return within(group, pub, text)


def within(group: list[Atom], pub: dt.date | None, text: str) -> Reading | None:
    """`خلال ال48 ساعة (الماضية)`: a span back from publication; its middle day."""
    unit = first(group, "dh")
    assert unit is not None
    num = first(group, "NK")
    definite = unit.article or (num is not None and num.article)
    if not definite and first(group, "S") is None:
        return None  # خلال يومين may look ahead (within two days); خلال اليومين الماضيين looks back
    if unit.sym == "h" and num is None and not plural(unit):
        return None  # على مدار الساعة: around the clock
    count = count_of(group, unit) or (3 if unit.sym == "h" else 4)
    span_days = count / 24 if unit.sym == "h" else count * (7 if unit.sym == "w" else 1)
    precision = 1 if span_days <= 1 else 2
    day = pub - dt.timedelta(days=int(span_days // 2)) if pub is not None else None
    return finish(group, "range", day, precision, pub, unit=unit.value, span=True)


def count_of(group: list[Atom], unit: Atom) -> int | None:
    num = first(group, "NKY")
    if num is not None:
        return int(num.value)
    return unit.count if unit.count is not None else (1 if unit.sym == "u" or not plural(unit) else None)




# `قبل يومين من الانتخابات`, `قبل أيام من قمة`: before another event, not before publication
_BEFORE_EVENT = regex.compile(r" من \S")
# days back and precision for one of each unit; a plural with no number is "a few"
_UNIT_DAYS = {"day": (1, 1), "week": (7, 2), "month": (30, 3), "year": (365, 3), "hour": (0, 1)}


def ago(group: list[Atom], pub: dt.date | None, text: str) -> Reading | None:
    unit = group[-1]
    if _BEFORE_EVENT.match(text, unit.end):
        return None  # قبل يومين من الانتخابات: before another event, not before publication
    count = count_of(group, unit)
    days, precision = _UNIT_DAYS["day" if unit.sym == "u" else unit.value]
    if count is None:  # a few days, weeks...: about three, known to the week at best
        count, precision = 3, precision if unit.value == "hour" else max(precision, 2)
    since = group[0].surface == "منذ"
    if pub is None:
        r = finish(group, "relative", None, precision, pub, unit=unit.value, duration=since)
    else:
        r = finish(group, "relative", _back(pub, unit.value, count), precision, pub,
                    unit=unit.value, duration=since, approx=first(group, "~") is not None)
    r.since = False  # منذ + a length of time says when (a week ago), not a statistics span
    r.past = True
    return r


def _back(pub: dt.date, unit: str, count: int) -> dt.date:
    """Publication moved back by `count` units (months and years by the calendar)."""
    if unit in ("month", "year"):
        y, m = cal.add_months(pub.year, pub.month, -count * (12 if unit == "year" else 1))
        return cal.make_date(y, m, pub.day) or cal.make_date(y, m, 28)  # type: ignore[return-value]
    days, _ = _UNIT_DAYS[unit]
    return pub - dt.timedelta(days=days * count if unit != "hour" else count // 24)


def relday(group: list[Atom], pub: dt.date | None, text: str) -> Reading | None:
    offset = first(group, "D").value  # type: ignore[union-attr]
    day = pub + dt.timedelta(days=offset) if pub is not None else None
    weekday = first(group, "W")
    if day is not None and weekday is not None and day.weekday() != weekday.value and offset <= 0:
        # اليوم الاثنين in an article stamped Tuesday (sent after midnight, or in another time
        # zone): the weekday is the more explicit of the two
        day = cal.last_weekday(day, weekday.value)
        return finish(group, "relative", day, 1, pub, weekday=weekday.value, mismatch=True)
    return finish(group, "relative", day, 1, pub)


def weekday(group: list[Atom], pub: dt.date | None, text: str) -> Reading | None:
    days = [a for a in group if a.sym == "W"]
    wd = days[-1].value  # ليل الاثنين الثلاثاء: the night into Tuesday
    if pub is None:
        return finish(group, "weekday", None, 1, pub, weekday=wd)
    tense = tense_of(group)
    if tense == "future":
        day = cal.next_weekday(pub, wd)
    else:
        day = cal.last_weekday(pub, wd, strict=tense == "past")
    return finish(group, "weekday", day, 1, pub, weekday=wd)

