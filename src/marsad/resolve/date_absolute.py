"""Interpreters of calendar expressions: numeric dates, a day and a month (Gregorian in three
naming systems, or Hijri), a month, a year. Each takes the atoms of one expression, the
publication date (or None) and the folded text, and gives a `Reading` or None (not a date).

>>> import datetime as dt
>>> from marsad.resolve.date_atoms import atoms
>>> from marsad.text.normalize import fold
>>> text = fold("27 من يونيو/حزيران الماضي")
>>> day_month(atoms(text), dt.date(2021, 7, 7), text).value
'2021-06-27'
"""

from __future__ import annotations

import datetime as dt

from marsad.resolve import date_calendar as cal
from marsad.resolve.date_atoms import Atom
from marsad.resolve.date_reading import Reading, finish, first, plural, tense_of, year_for, year_unit_tense

# Years no Gregorian news date has and Hijri dates have: `1436/10/25` is 10 August 2015.
HIJRI_YEARS = range(1300, 1501)


def numeric(group: list[Atom], pub: dt.date | None, text: str) -> Reading | None:
    y, m, d = first(group, "Z").value  # type: ignore[union-attr]
    if y in HIJRI_YEARS:
        day = cal.hijri_to_gregorian(y, m, d)
        return finish(group, "absolute", day, 1, pub, calendar="hijri") if day else None
    day = cal.make_date(y, m, d)
    if day is None:
        return None
    return finish(group, "absolute", day, 1, pub)


def day_month(group: list[Atom], pub: dt.date | None, text: str) -> Reading | None:
    day_atom = first(group, "NO")
    assert day_atom is not None
    if not _ordinal_of(day_atom, group, text):
        return None
    d = day_atom.value
    hijri = first(group, "H")
    if hijri is not None:
        return _hijri(group, pub, d, hijri.value)
    month = first(group, "M").value  # type: ignore[union-attr]
    year = year_for(group, pub, month, d)
    day = cal.make_date(year, month, d) if year else None
    if year and day is None:
        return None
    return finish(group, "absolute", day, 1, pub)


def _ordinal_of(day: Atom, group: list[Atom], text: str) -> bool:
    """An ordinal is a day of the month only with من after it (الخامس من تموز); the ordinal
    before a bracketed month is something else's (الدور الثاني (نوفمبر 2015))."""
    if day.sym != "O":
        return True
    nxt = group[group.index(day) + 1]
    return "من" in text[day.end:nxt.start]


def _hijri(group: list[Atom], pub: dt.date | None, d: int, month: int) -> Reading | None:
    y = first(group, "Y")
    year = y.value if y is not None and y.value < 1600 else None
    if year is None and pub is not None:
        year = cal.gregorian_to_hijri_year(pub)
        guess = cal.hijri_to_gregorian(year, month, d)
        if guess and (guess - pub).days > cal.FUTURE_SLACK_DAYS:
            year -= 1
    day = cal.hijri_to_gregorian(year, month, d) if year else None
    return finish(group, "absolute", day, 1, pub, calendar="hijri-tabular")


def day_rel_month(group: list[Atom], pub: dt.date | None, text: str) -> Reading | None:
    day_atom = first(group, "NO")
    assert day_atom is not None
    if not _ordinal_of(day_atom, group, text):
        return None
    d = day_atom.value
    if pub is None:
        return finish(group, "absolute", None, 1, pub)
    shift = {"past": -1, "future": 1}.get(tense_of(group) or "", 0)
    y, m = cal.add_months(pub.year, pub.month, shift)
    day = cal.make_date(y, m, d)
    return None if day is None else finish(group, "absolute", day, 1, pub)


def month(group: list[Atom], pub: dt.date | None, text: str) -> Reading | None:
    month_atom = first(group, "MH")
    assert month_atom is not None
    qualified = len(group) > 1 and any(a.sym in "YySFCo" for a in group)
    if month_atom.context and not qualified:
        return None  # اب، مارس، رمضان alone are other words
    phase = first(group, "Q")
    if month_atom.sym == "H":
        return _hijri_month(group, pub, month_atom.value)
    day_of_month = phase.value if phase is not None else 15
    year = year_for(group, pub, month_atom.value, day_of_month)
    day = cal.make_date(year, month_atom.value, min(day_of_month, 28)) if year else None
    return finish(group, "month", day, 2 if phase is not None else 3, pub)


def _hijri_month(group: list[Atom], pub: dt.date | None, month: int) -> Reading | None:
    r = _hijri(group, pub, 15, month)
    if r is not None:
        r.code, r.precision = "month", 3
    return r


def year(group: list[Atom], pub: dt.date | None, text: str) -> Reading | None:
    unit = first(group, "y")
    if unit is not None and plural(unit):
        return None  # السنوات الماضية: a span of years, no date
    year, unit_tense = year_unit_tense(group)
    if year is None and unit_tense is None:
        y = first(group, "c")
        unit_tense = "year:current" if y is not None else None
    if year is None:
        if pub is None:
            return finish(group, "month", None, 3, pub, unit="year")
        year = pub.year + {"year:past": -1, "year:future": 1}.get(unit_tense or "", 0)
    if not 1900 <= year <= 2100:
        return None
    if group[-1].sym == "Y" and len(group) == 1 and not _preceded_by_fi(text, group[0].start):
        return None  # a bare number is a year only after في
    phase = first(group, "Q")
    month = 7 if phase is None else (1 if phase.value <= 5 else 12 if phase.value >= 25 else 7)
    day = dt.date(year, month, 1 if phase is None else 15)
    return finish(group, "month", day, 3, pub, unit="year")


def _preceded_by_fi(text: str, s: int) -> bool:
    return text[max(0, s - 3):s] in ("في ", "عام")

