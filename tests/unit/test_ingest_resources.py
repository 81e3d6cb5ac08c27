"""The ingest stage's data files (resources/ingest) load, obey their schema and cover what they claim."""

from __future__ import annotations

from collections import defaultdict

import pytest

from marsad.resources import ROOT, check_rows, load, manifest, read_tsv
from marsad.text.normalize import fold

NAMES = sorted(manifest("ingest")["resources"])


@pytest.mark.parametrize("name", NAMES)
def test_ingest_resource_obeys_its_schema(name: str) -> None:
    spec = manifest("ingest")["resources"][name]
    rows = read_tsv(ROOT / "ingest" / spec["file"])
    assert rows and check_rows(name, spec, rows) == []
    assert all(r["source"] for r in rows)
    assert load("ingest", name)


def test_every_month_in_the_two_main_naming_systems():
    by_system = defaultdict(set)
    for r in load("ingest", "months"):
        by_system[r["system"]].add(int(r["month"]))
    assert by_system["egyptian"] == set(range(1, 13)) == by_system["levantine"]


def test_arabic_markers_are_folded_and_every_language_has_words():
    rows = load("ingest", "language_markers")
    assert all(fold(r["marker"]) == r["marker"] for r in rows if r["lang"] == "ar")
    langs = {r["lang"] for r in rows if r["kind"] == "word"}
    assert {"ar", "fa", "ur", "ckb", "en"} <= langs
    arabic = {r["marker"] for r in rows if r["lang"] == "ar"}
    for r in rows:  # a marker of another language must not be an Arabic function word
        if r["lang"] != "ar" and r["kind"] == "word":
            assert r["marker"] not in arabic, r
