"""Date expressions: patterns over atom symbols, and their days against the publication date.

The atoms of a text (`date_atoms.py`) read as a string of symbols; each pattern below is a
regex over that string, and the longest one that matches at a position wins. A matched
expression is then given its day, ACLED precision (1 day, 2 week, 3 month) and flags:

| symbols | example | day |
|---|---|---|
| `PDW` | مساء أمس الاثنين | publication - 1 |
| `PW`, `uW`, `WS` | فجر الثلاثاء، يوم الثلاثاء، الثلاثاء الماضي | the last Tuesday on or before publication |
| `NMMS`, `WNMY`, `Z` | 27 من يونيو/حزيران الماضي، 5/1/2022 | that day, the year inferred |
| `MS`, `oM`, `yY` | تموز الماضي، شهر يوليو، عام 2014 | the 15th (a year: 1 July), precision 3 |
| `wS`, `AKd`, `Aw` | الأسبوع الماضي، قبل ثلاثة أيام، منذ أسبوع | back from publication |
| `NHY` | 15 جمادى الأولى 1443 | converted from the Hijri calendar |

`منذ` before a point (`منذ يناير`, `منذ عام 2014`) or `حتى` marks a span (`since`), not a day.
Without a publication date, anything relative stays None; absolute dates still resolve.

>>> import datetime as dt
>>> from marsad.text.normalize import fold
>>> [(r.value, r.precision, r.code) for r in readings(fold("قصفت مساء أمس الاثنين"), dt.date(2022, 1, 4))]
[('2022-01-03', 1, 'relative')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import regex

from marsad.resolve import date_calendar as cal
from marsad.resolve.date_atoms import Atom, atoms

POINT = r"(?:Y|yY|y[SCF]|[SFC])?"  # what may follow a month: a year, or a qualifier
PATTERNS: tuple[tuple[str, regex.Pattern[str]], ...] = tuple((name, regex.compile(p)) for name, p in (
    ("numeric", r"[AT]?P?u?W?Z"),
    ("day_month", r"[AT]?P?u?W?[NO](?:MM?|H)" + POINT),
    ("day_rel_month", r"[AT]?P?u?W?[NO]o[SCF]"),
    ("month", r"[AT]?Q?o?(?:MM?|H)" + POINT),
    ("year", r"[AT]?Q?(?:yY|y[SCF]|cy|Y(?=\.|$))"),
    ("within", r"L~?[NK]?[dh]S?"),
    ("period", r"[ATL]?Q?(?:[dwo][SCF]|c[wo]|~?[NK]?[dh]S)"),
    ("ago", r"A~?[NKY]?[udwohy]"),
    ("relday", r"T?P?u?P?DP?W?"),
    ("weekday", r"T?P?u?P?WW?[SF]?"),
))


@dataclass(slots=True)
class Reading:
    """A date expression: folded span, its day (ISO) or None, precision, code and flags."""

    start: int
    end: int
    code: str  # relative | absolute | weekday | month | range
    value: str | None
    precision: int
    past: bool = False
    since: bool = False
    data: dict[str, Any] = field(default_factory=dict)


def readings(text: str, published: dt.date | None, start: int = 0, end: int | None = None) -> list[Reading]:
    """Every date expression in `text[start:end]`, left to right, longest first."""
    seq = atoms(text, start, end)
    syms = "".join(a.sym for a in seq)
    out: list[Reading] = []
    i = 0
    while i < len(seq):
        best: tuple[int, str] | None = None
        for name, pat in PATTERNS:
            m = pat.match(syms, i)
            if m and m.end() > i and (best is None or m.end() > best[0]):
                best = (m.end(), name)
        if best is None:
            i += 1
            continue
        group = seq[i:best[0]]
        r = _INTERPRET[best[1]](group, published, text)
        if r is not None:
            out.append(r)
            i = best[0]
        else:
            i += 1
    return out


# --- interpretation -------------------------------------------------------------------------

def _first(group: list[Atom], syms: str) -> Atom | None:
    return next((a for a in group if a.sym in syms), None)


def _tense(group: list[Atom]) -> str | None:
    for a in group:
        if a.sym == "S":
            return "past"
        if a.sym == "F":
            return "future"
        if a.sym in "Cc":
            return "current"
    return None


def _year_unit_tense(group: list[Atom]) -> tuple[int | None, str | None]:
    """The year a group names: a number (2021), or `العام الماضي` / `الجاري` / `المقبل`."""
    y = _first(group, "Y")
    if y is not None:
        return y.value, None
    unit = _first(group, "y")
    if unit is not None:
        return None, "year:" + (_tense(group[group.index(unit):]) or "current")
    return None, None


def _year_for(group: list[Atom], pub: dt.date | None, month: int, day: int) -> int | None:
    year, unit_tense = _year_unit_tense(group)
    if year is not None:
        return year
    if pub is None:
        return None
    if unit_tense:
        return pub.year + {"year:past": -1, "year:future": 1}.get(unit_tense, 0)
    return cal.infer_year(pub, month, day, _tense(group))


def _finish(group: list[Atom], code: str, day: dt.date | None, precision: int,
            pub: dt.date | None, **data: Any) -> Reading:
    since = group[0].sym in "AT"
    if code in ("month", "range") and day and pub and day > pub and _tense(group) == "current":
        day = pub  # هذا الشهر said on the 6th: the month so far, not its middle
    if group[0].sym == "T":
        data["until"] = True
    past = bool(day and pub and day < pub) or _tense(group) == "past"
    return Reading(group[0].start, group[-1].end, code,
                   day.isoformat() if day else None, precision, past, since, data)


def _numeric(group: list[Atom], pub: dt.date | None, text: str) -> Reading | None:
    y, m, d = _first(group, "Z").value  # type: ignore[union-attr]
    day = cal.make_date(y, m, d)
    if day is None:
        return None
    return _finish(group, "absolute", day, 1, pub)


def _day_month(group: list[Atom], pub: dt.date | None, text: str) -> Reading | None:
    day_atom = _first(group, "NO")
    assert day_atom is not None
    if not _ordinal_of(day_atom, group, text):
        return None
    d = day_atom.value
    hijri = _first(group, "H")
    if hijri is not None:
        return _hijri(group, pub, d, hijri.value)
    month = _first(group, "M").value  # type: ignore[union-attr]
    year = _year_for(group, pub, month, d)
    day = cal.make_date(year, month, d) if year else None
    if year and day is None:
        return None
    return _finish(group, "absolute", day, 1, pub)


def _ordinal_of(day: Atom, group: list[Atom], text: str) -> bool:
    """An ordinal is a day of the month only with من after it (الخامس من تموز); the ordinal
    before a bracketed month is something else's (الدور الثاني (نوفمبر 2015))."""
    if day.sym != "O":
        return True
    nxt = group[group.index(day) + 1]
    return "من" in text[day.end:nxt.start]


def _hijri(group: list[Atom], pub: dt.date | None, d: int, month: int) -> Reading | None:
    y = _first(group, "Y")
    year = y.value if y is not None and y.value < 1600 else None
    if year is None and pub is not None:
        year = cal.gregorian_to_hijri_year(pub)
        guess = cal.hijri_to_gregorian(year, month, d)
        if guess and (guess - pub).days > cal.FUTURE_SLACK_DAYS:
            year -= 1
    day = cal.hijri_to_gregorian(year, month, d) if year else None
    return _finish(group, "absolute", day, 1, pub, calendar="hijri-tabular")


def _day_rel_month(group: list[Atom], pub: dt.date | None, text: str) -> Reading | None:
    day_atom = _first(group, "NO")
    assert day_atom is not None
    if not _ordinal_of(day_atom, group, text):
        return None
    d = day_atom.value
    if pub is None:
        return _finish(group, "absolute", None, 1, pub)
    shift = {"past": -1, "future": 1}.get(_tense(group) or "", 0)
    y, m = cal.add_months(pub.year, pub.month, shift)
    day = cal.make_date(y, m, d)
    return None if day is None else _finish(group, "absolute", day, 1, pub)


def _month(group: list[Atom], pub: dt.date | None, text: str) -> Reading | None:
    month_atom = _first(group, "MH")
    assert month_atom is not None
    qualified = len(group) > 1 and any(a.sym in "YySFCo" for a in group)
    if month_atom.context and not qualified:
        return None  # اب، مارس، رمضان alone are other words
    phase = _first(group, "Q")
    if month_atom.sym == "H":
        return _hijri_month(group, pub, month_atom.value)
    day_of_month = phase.value if phase is not None else 15
    year = _year_for(group, pub, month_atom.value, day_of_month)
    day = cal.make_date(year, month_atom.value, min(day_of_month, 28)) if year else None
    return _finish(group, "month", day, 2 if phase is not None else 3, pub)


def _hijri_month(group: list[Atom], pub: dt.date | None, month: int) -> Reading | None:
    r = _hijri(group, pub, 15, month)
    if r is not None:
        r.code, r.precision = "month", 3
    return r


def _year(group: list[Atom], pub: dt.date | None, text: str) -> Reading | None:
    unit = _first(group, "y")
    if unit is not None and _plural(unit):
        return None  # السنوات الماضية: a span of years, no date
    year, unit_tense = _year_unit_tense(group)
    if year is None and unit_tense is None:
        y = _first(group, "c")
        unit_tense = "year:current" if y is not None else None
    if year is None:
        if pub is None:
            return _finish(group, "month", None, 3, pub, unit="year")
        year = pub.year + {"year:past": -1, "year:future": 1}.get(unit_tense or "", 0)
    if not 1900 <= year <= 2100:
        return None
    if group[-1].sym == "Y" and len(group) == 1 and not _preceded_by_fi(text, group[0].start):
        return None  # a bare number is a year only after في
    phase = _first(group, "Q")
    month = 7 if phase is None else (1 if phase.value <= 5 else 12 if phase.value >= 25 else 7)
    day = dt.date(year, month, 1 if phase is None else 15)
    return _finish(group, "month", day, 3, pub, unit="year")


def _preceded_by_fi(text: str, s: int) -> bool:
    return text[max(0, s - 3):s] in ("في ", "عام")


def _period(group: list[Atom], pub: dt.date | None, text: str) -> Reading | None:
    unit = _first(group, "dwoh")
    assert unit is not None
    tense = _tense(group) or "current"
    if unit.sym in "dwo" and not unit.article and _first(group, "c") is None:
        return None  # الأسبوع الماضي, not أسبوع ماض (which is a duration)
    if unit.sym in "wo" and _plural(unit):
        return None  # الأشهر الماضية: a span of months, no date
    if pub is None:
        return _finish(group, "range", None, 2, pub, unit=unit.value)
    phase = _first(group, "Q")
    sign = {"past": -1, "future": 1}.get(tense, 0)
    if unit.sym == "o":
        y, m = cal.add_months(pub.year, pub.month, sign)
        d = phase.value if phase is not None else 15
        return _finish(group, "range", dt.date(y, m, min(d, 28)), 2 if phase is not None else 3, pub,
                       unit="month")
    if unit.sym == "w":
        return _finish(group, "range", pub + dt.timedelta(days=7 * sign), 2, pub, unit="week")
    return _within(group, pub, text)


def _within(group: list[Atom], pub: dt.date | None, text: str) -> Reading | None:
    """`خلال ال48 ساعة (الماضية)`: a span back from publication; its middle day."""
    unit = _first(group, "dh")
    assert unit is not None
    num = _first(group, "NK")
    definite = unit.article or (num is not None and num.article)
    if not definite and _first(group, "S") is None:
        return None  # خلال يومين may look ahead (within two days); خلال اليومين الماضيين looks back
    if unit.sym == "h" and num is None and not _plural(unit):
        return None  # على مدار الساعة: around the clock
    count = _count(group, unit) or (3 if unit.sym == "h" else 4)
    span_days = count / 24 if unit.sym == "h" else count * (7 if unit.sym == "w" else 1)
    precision = 1 if span_days <= 1 else 2
    day = pub - dt.timedelta(days=int(span_days // 2)) if pub is not None else None
    return _finish(group, "range", day, precision, pub, unit=unit.value, span=True)


def _count(group: list[Atom], unit: Atom) -> int | None:
    num = _first(group, "NKY")
    if num is not None:
        return int(num.value)
    return unit.count if unit.count is not None else (1 if unit.sym == "u" or not _plural(unit) else None)


def _plural(unit: Atom) -> bool:
    return unit.surface in ("ايام", "اسابيع", "اشهر", "شهور", "اعوام", "سنوات", "سنين", "ساعات", "دقايق")


# `قبل يومين من الانتخابات`, `قبل أيام من قمة`: before another event, not before publication
_BEFORE_EVENT = regex.compile(r" من \S")
# days back and precision for one of each unit; a plural with no number is "a few"
_UNIT_DAYS = {"day": (1, 1), "week": (7, 2), "month": (30, 3), "year": (365, 3), "hour": (0, 1)}


def _ago(group: list[Atom], pub: dt.date | None, text: str) -> Reading | None:
    unit = group[-1]
    if _BEFORE_EVENT.match(text, unit.end):
        return None  # قبل يومين من الانتخابات: before another event, not before publication
    count = _count(group, unit)
    days, precision = _UNIT_DAYS["day" if unit.sym == "u" else unit.value]
    if count is None:  # a few days, weeks...: about three, known to the week at best
        count, precision = 3, precision if unit.value == "hour" else max(precision, 2)
    since = group[0].surface == "منذ"
    if pub is None:
        r = _finish(group, "relative", None, precision, pub, unit=unit.value, duration=since)
    else:
        r = _finish(group, "relative", _back(pub, unit.value, count), precision, pub,
                    unit=unit.value, duration=since, approx=_first(group, "~") is not None)
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


def _relday(group: list[Atom], pub: dt.date | None, text: str) -> Reading | None:
    offset = _first(group, "D").value  # type: ignore[union-attr]
    day = pub + dt.timedelta(days=offset) if pub is not None else None
    weekday = _first(group, "W")
    if day is not None and weekday is not None and day.weekday() != weekday.value and offset <= 0:
        # اليوم الاثنين in an article stamped Tuesday (sent after midnight, or in another time
        # zone): the weekday is the more explicit of the two
        day = cal.last_weekday(day, weekday.value)
        return _finish(group, "relative", day, 1, pub, weekday=weekday.value, mismatch=True)
    return _finish(group, "relative", day, 1, pub)


def _weekday(group: list[Atom], pub: dt.date | None, text: str) -> Reading | None:
    days = [a for a in group if a.sym == "W"]
    wd = days[-1].value  # ليل الاثنين الثلاثاء: the night into Tuesday
    if pub is None:
        return _finish(group, "weekday", None, 1, pub, weekday=wd)
    tense = _tense(group)
    if tense == "future":
        day = cal.next_weekday(pub, wd)
    else:
        day = cal.last_weekday(pub, wd, strict=tense == "past")
    return _finish(group, "weekday", day, 1, pub, weekday=wd)


_INTERPRET: dict[str, Callable[[list[Atom], dt.date | None, str], Reading | None]] = {
    "numeric": _numeric, "day_month": _day_month, "day_rel_month": _day_rel_month, "month": _month,
    "year": _year, "period": _period, "within": _within, "ago": _ago, "relday": _relday, "weekday": _weekday,
}
