"""Every resource in MANIFEST.yaml (including ones added later) loads and obeys its schema,
and the schema check does catch broken rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from marsad.resources import ROOT, check_rows, load, manifest, read_tsv
from marsad.text.normalize import fold

NAMES = sorted(manifest("ar")["resources"])


@pytest.mark.parametrize("name", NAMES)
def test_resource_obeys_its_schema(name: str) -> None:
    spec = manifest("ar")["resources"][name]
    path = ROOT / "ar" / spec["file"]
    assert path.exists(), f"{name}: {path} is missing"
    rows = read_tsv(path)
    assert rows, f"{name}: no rows"
    assert check_rows(name, spec, rows) == []
    assert load("ar", name)  # the loader agrees


@pytest.mark.parametrize("name", NAMES)
def test_schema_is_consistent(name: str) -> None:
    spec = manifest("ar")["resources"][name]
    columns = spec.get("columns") or []
    assert "source" in columns, f"{name}: every row needs a source column"
    named = set(spec.get("required") or []) | set(spec.get("values") or {}) | set(spec.get("unique") or [])
    if spec.get("key"):
        named.add(spec["key"])
    assert named <= set(columns), f"{name}: schema names columns it does not declare: {named - set(columns)}"
    header = set(read_tsv(ROOT / "ar" / spec["file"])[0])
    assert header == set(columns), f"{name}: header {sorted(header)} != declared {sorted(columns)}"


SPEC = {"columns": ["surface", "kind", "source"], "required": ["surface", "kind"], "key": "surface",
        "values": {"kind": ["unit", "ten"]}}
GOOD = {"surface": "اربعه", "kind": "unit", "source": "written for this test"}

BAD = [
    ("unfolded surface", {**GOOD, "surface": "أربعة"}, "not in folded form"),
    ("diacritics", {**GOOD, "surface": "اربعةٌ"}, "not in folded form"),
    ("empty source", {**GOOD, "source": ""}, "empty source"),
    ("missing required", {**GOOD, "kind": ""}, "empty kind"),
    ("value not allowed", {**GOOD, "kind": "dozen"}, "not one of"),
]


def test_a_good_row_passes() -> None:
    assert check_rows("t", SPEC, [GOOD]) == []


@pytest.mark.parametrize(("why", "row", "message"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_row_is_caught(why: str, row: dict, message: str) -> None:
    problems = check_rows("t", SPEC, [GOOD | {"surface": "خمسه"}, row])
    assert problems and message in problems[0]


def test_a_duplicate_is_caught() -> None:
    assert any("duplicate" in p for p in check_rows("t", SPEC, [GOOD, dict(GOOD)]))


def test_an_undeclared_column_is_caught() -> None:
    assert any("columns not in the schema" in p for p in check_rows("t", SPEC, [GOOD | {"extra": "x"}]))


def test_a_bad_file_is_caught(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("# a comment\nsurface\tkind\tsource\nأربعة\tunit\tx\nخمسه\tunit\t\n", encoding="utf-8")
    problems = check_rows("bad", SPEC, read_tsv(bad))
    assert len(problems) == 2


def test_countable_noun_duals_are_folded_and_unambiguous() -> None:
    numbers = {r["surface"] for r in load("ar", "number_words")}
    seen: set[str] = set()
    for row in load("ar", "countable_nouns"):
        for dual in row["dual"].split("|"):
            assert dual and fold(dual) == dual, dual
            assert dual not in numbers and dual not in seen, dual
            seen.add(dual)


# Tables matched by the Aho-Corasick lexicon matcher, in the word view of the text (every
# character that is not a letter or digit a space): a key holding punctuation can never match.
MATCHED = ("triggers", "weapons", "casualty_words", "cues", "place_phrases", "place_blocklist", "countable_nouns")


@pytest.mark.parametrize("name", MATCHED)
def test_matched_surfaces_are_letters_digits_and_spaces(name: str) -> None:
    bad = [r["surface"] for r in load("ar", name) if regex.search(r"[^\p{L}\p{N} ]", r["surface"].rstrip("*"))]
    assert not bad, bad
