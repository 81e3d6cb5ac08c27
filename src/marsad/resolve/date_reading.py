"""A date expression as the grammar reads it, and the helpers its interpreters share.

>>> from marsad.resolve.date_atoms import atoms
>>> from marsad.text.normalize import fold
>>> tense_of(atoms(fold("تموز الماضي")))
'past'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from marsad.resolve import date_calendar as cal
from marsad.resolve.date_atoms import Atom


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



def first(group: list[Atom], syms: str) -> Atom | None:
    return next((a for a in group if a.sym in syms), None)


def tense_of(group: list[Atom]) -> str | None:
    for a in group:
        if a.sym == "S":
            return "past"
        if a.sym == "F":
            return "future"
        if a.sym in "Cc":
            return "current"
    return None


def year_unit_tense(group: list[Atom]) -> tuple[int | None, str | None]:
    """The year a group names: a number (2021), or `العام الماضي` / `الجاري` / `المقبل`."""
    y = first(group, "Y")
    if y is not None:
        return y.value, None
    unit = first(group, "y")
    if unit is not None:
        return None, "year:" + (tense_of(group[group.index(unit):]) or "current")
    return None, None


def year_for(group: list[Atom], pub: dt.date | None, month: int, day: int) -> int | None:
    year, unit_tense = year_unit_tense(group)
    if year is not None:
        return year
    if pub is None:
        return None
    if unit_tense:
        return pub.year + {"year:past": -1, "year:future": 1}.get(unit_tense, 0)
    return cal.infer_year(pub, month, day, tense_of(group))


def finish(group: list[Atom], code: str, day: dt.date | None, precision: int,
            pub: dt.date | None, **data: Any) -> Reading:
    since = group[0].sym in "AT"
    if code in ("month", "range") and day and pub and day > pub and tense_of(group) == "current":
        day = pub  # هذا الشهر said on the 6th: the month so far, not its middle
    if group[0].sym == "T":
        data["until"] = True
    past = bool(day and pub and day < pub) or tense_of(group) == "past"
    return Reading(group[0].start, group[-1].end, code,
                   day.isoformat() if day else None, precision, past, since, data)


def plural(unit: Atom) -> bool:
    return unit.surface in ("ايام", "اسابيع", "اشهر", "شهور", "اعوام", "سنوات", "سنين", "ساعات", "دقايق")
