"""No word of the event lexicons is read as a place: a weapon (`سكود`), a trigger (`دك`) or a
casualty word (`مصرع`) that a gazetteer entry happens to share is on the place blocklist."""

from __future__ import annotations

from marsad.resolve.gazetteer import gazetteer
from marsad.resources import load


def _forms(surface: str) -> set[str]:
    word = surface.rstrip("*")
    bare = word[2:] if word.startswith("ال") else word
    return {bare, "ال" + bare}


def test_event_words_that_name_places_are_blocklisted():
    gz = gazetteer()
    blocked = {r["surface"] for r in load("ar", "place_blocklist")}
    clashes = []
    for table in ("weapons", "triggers", "casualty_words"):
        for row in load("ar", table):
            forms = _forms(row["surface"])
            named = {f for f in forms if gz.candidates(f)}
            if named - blocked:
                clashes.append((table, row["surface"], sorted(named - blocked)))
    assert not clashes, clashes


def test_a_scud_is_no_place(pipeline):
    doc = pipeline("اعترضت الدفاعات الجوية صاروخ سكود أطلق باتجاه مدينة جازان.", published="2024-03-01")
    assert [m.data["iso3"] for m in doc.mentions_of("place")] == ["SAU"]
